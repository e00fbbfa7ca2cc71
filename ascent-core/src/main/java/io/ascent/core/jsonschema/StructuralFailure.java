package io.ascent.core.jsonschema;

import java.util.ArrayList;
import java.util.List;

/**
 * A failure found by {@link StructuralValidator}, built the way everit builds its {@code ValidationException}s (the
 * same pointers, keywords, wording, grouping and violated schemas), so that {@link ViolationTranslator} gives the
 * same messages and locations for both. Only made when a value is invalid.
 */
final class StructuralFailure implements Violation {
    private final StructuralNode schema;
    private final String pointer;
    private final String message;
    private final String keyword;
    private final List<StructuralFailure> causes;

    StructuralFailure(StructuralNode schema, String message, String keyword) {
        this(schema, "#", message, keyword, List.of());
    }

    StructuralFailure(StructuralNode schema, String pointer, String message, String keyword,
                      List<StructuralFailure> causes) {
        this.schema = schema;
        this.pointer = pointer;
        this.message = message;
        this.keyword = keyword;
        this.causes = causes;
    }

    /** Several failures of one value, as everit groups them. */
    static StructuralFailure group(StructuralNode schema, List<StructuralFailure> failures) {
        int count = 0;
        for (StructuralFailure failure : failures) {
            count += failure.violationCount();
        }
        return new StructuralFailure(schema, "#", Math.max(1, count) + " schema violations found", null,
                new ArrayList<>(failures));
    }

    private int violationCount() {
        int count = 0;
        for (StructuralFailure cause : causes) {
            count += cause.violationCount();
        }
        return Math.max(1, count);
    }

    /** everit's {@code prepend(fragment)}: the fragment is escaped again for every level of causes. */
    StructuralFailure prepend(String fragment) {
        return prepend(fragment, schema);
    }

    /** everit's {@code prepend(fragment, violatedSchema)}. */
    StructuralFailure prepend(String fragment, StructuralNode violated) {
        String escaped = escape(fragment);
        List<StructuralFailure> prepended = causes.isEmpty() ? causes : new ArrayList<>(causes.size());
        for (StructuralFailure cause : causes) {
            prepended.add(cause.prepend(escaped));
        }
        return new StructuralFailure(violated, "#/" + escaped + pointer.substring(1), message, keyword, prepended);
    }

    /** everit's JSON pointer escaping (org.everit.json.schema.JSONPointer#escape). */
    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1").replace("\\", "\\\\").replace("\"", "\\\"");
    }

    @Override
    public String keyword() {
        return keyword;
    }

    @Override
    public String pointer() {
        return pointer;
    }

    @Override
    public String errorMessage() {
        return message;
    }

    @Override
    public List<StructuralFailure> causes() {
        return causes;
    }

    @Override
    public ViolatedSchema schema() {
        return schema;
    }
}
