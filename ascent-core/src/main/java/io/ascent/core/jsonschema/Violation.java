package io.ascent.core.jsonschema;

import java.util.List;

/**
 * One node of a violation tree as everit-json-schema builds it: a leaf (one failed keyword) or a group whose causes
 * are the failures beneath it (several failures of one value, or the branches of an {@code allOf}/{@code anyOf}/
 * {@code oneOf}). {@link ViolationTranslator} turns such a tree into located messages, whichever validator built
 * it: everit's exceptions ({@link EveritViolation}) or the structural validator's own ({@link StructuralFailure}).
 */
interface Violation {
    /** The failed keyword ({@code required}, {@code type}, ...); {@code null} for a group of several failures. */
    String keyword();

    /** everit's pointer to the value, relative to the validated value: {@code #/spec/ports/0}. */
    String pointer();

    /** everit's wording of the failure ({@code required key [name] not found}). */
    String errorMessage();

    /** The failures beneath this one, in the order they were found; empty for a leaf. */
    List<? extends Violation> causes();

    /** The schema that reported the failure, as reported (a reference is not followed). */
    ViolatedSchema schema();
}
