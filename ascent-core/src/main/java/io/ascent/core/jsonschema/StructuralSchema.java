package io.ascent.core.jsonschema;

import io.ascent.core.yaml.YamlDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.json.JSONObject;
import org.yaml.snakeyaml.nodes.Node;

/**
 * A draft-07 schema in the structural subset Kubernetes uses ({@link StructuralSubset}), validating YAML node trees
 * directly: no JSON copy of the document, and each part of the schema compiled when a document first reaches it.
 * Gives the same violations (pointers, locations, keywords, messages) as {@link LocatedSchemaValidator} on the
 * same schema and the document's JSON without its null members. Thread-safe.
 */
public final class StructuralSchema {
    private final Supplier<StructuralNode> root;

    private StructuralSchema(Supplier<StructuralNode> root) {
        this.root = root;
    }

    /**
     * The schema, when it lies in the structural subset; empty otherwise (compile it with everit). Cheap: only the
     * reachable schema objects' keywords are looked at; compiling happens during validation. The JSON must not
     * change afterwards.
     */
    public static Optional<StructuralSchema> of(JSONObject schema) {
        return StructuralSubset.accepts(schema)
                ? Optional.of(new StructuralSchema(new StructuralCompiler(schema).root())) : Optional.empty();
    }

    /**
     * Every violation of one value of a document, in document order, located and pointed at in the whole document.
     * Mapping members whose value is null count as absent.
     *
     * @param document the document, for positions
     * @param prefix   the tokens of the JSON pointer of {@code subject} in the document, empty for its root
     * @param subject  the node at {@code prefix}
     */
    public List<SchemaViolation> validate(YamlDocument document, List<String> prefix, Node subject) {
        try {
            StructuralNode schema = root.get();
            StructuralValidator validator = new StructuralValidator(document.rules());
            if (validator.valid(schema, subject)) {
                return List.of();
            }
            StructuralFailure failure = validator.failures(schema, subject);
            if (failure == null) {
                return List.of();
            }
            return LocatedSchemaValidator.inDocumentOrder(
                    new ArrayList<>(new ViolationTranslator(document, prefix).translate(failure)));
        } catch (StackOverflowError e) {
            return List.of(LocatedSchemaValidator.endlessReference(document, prefix));
        }
    }
}
