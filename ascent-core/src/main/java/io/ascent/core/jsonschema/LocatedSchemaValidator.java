package io.ascent.core.jsonschema;

import io.ascent.core.yaml.YamlDocument;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.everit.json.schema.Schema;
import org.everit.json.schema.ValidationException;
import org.everit.json.schema.Validator;
import org.everit.json.schema.loader.SchemaLoader;
import org.json.JSONObject;
import org.json.JSONTokener;

/**
 * A compiled JSON Schema (draft-07) that validates YAML documents and reports every violation with its position.
 * Compiling is the expensive part: build one per schema and reuse it; validation is thread-safe.
 */
public final class LocatedSchemaValidator {
    private final Schema schema;
    private final Validator validator = Validator.builder().failEarly().build();
    private final Validator collectingValidator = Validator.builder().build();

    public LocatedSchemaValidator(Schema schema) {
        this.schema = schema;
    }

    /** Compiles a draft-07 schema from a class-path resource; a missing resource is a packaging bug. */
    public static LocatedSchemaValidator fromResource(Class<?> anchor, String resource) {
        try (InputStream in = anchor.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("schema resource missing from the build: " + resource);
            }
            JSONObject json = new JSONObject(new JSONTokener(in));
            return new LocatedSchemaValidator(SchemaLoader.builder()
                    .draftV7Support()
                    .schemaJson(json)
                    .build()
                    .load()
                    .build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every violation of the document, in document order. */
    public List<SchemaViolation> validate(YamlDocument document) {
        try {
            // Most documents are valid: the fail-early pass answers those without collecting anything.
            validator.performValidation(schema, document.json());
            return List.of();
        } catch (ValidationException firstOnly) {
            try {
                collectingValidator.performValidation(schema, document.json());
                return List.of();
            } catch (ValidationException all) {
                List<SchemaViolation> violations = new ArrayList<>(new ViolationTranslator(document).translate(all));
                violations.sort(Comparator.comparingInt((SchemaViolation v) -> v.location().line())
                        .thenComparingInt(v -> v.location().column()));
                return violations;
            }
        }
    }
}
