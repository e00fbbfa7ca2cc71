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
import org.everit.json.schema.loader.SchemaClient;
import org.everit.json.schema.loader.SchemaLoader;
import org.everit.json.schema.regexp.RE2JRegexpFactory;
import org.json.JSONObject;
import org.json.JSONTokener;

/**
 * A compiled JSON Schema (draft-07) that validates YAML documents and reports every violation with its position.
 * Compiling is the expensive part: build one per schema and reuse it; validation is thread-safe.
 */
public final class LocatedSchemaValidator {
    /**
     * What a schema given as JSON may read besides itself: nothing. everit's default client opens any URL, so a
     * CRD's {@code $ref: file:///etc/passwd} or {@code http://169.254.169.254/} would otherwise be read.
     */
    private static final SchemaClient NO_DOCUMENTS = url -> {
        throw new UncheckedIOException(new IOException("the schema refers to another document (" + url
                + "); only references inside the schema (#/...) are followed"));
    };

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
            return new LocatedSchemaValidator(loader().schemaClient(NO_DOCUMENTS).schemaJson(json).build().load()
                    .build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Compiles a draft-07 schema already parsed; the JSON must not change afterwards. References resolve inside
     * the schema ({@code #/definitions/...}) only.
     */
    public static LocatedSchemaValidator fromJson(JSONObject json) {
        return new LocatedSchemaValidator(loader().schemaClient(NO_DOCUMENTS).schemaJson(json).build().load().build());
    }

    /**
     * A draft-07 loader whose {@code pattern} and {@code patternProperties} run on RE2/J: linear time, whatever the
     * pattern and the value. Schemas come from the repository (CRDs, schema folders), and Java's backtracking
     * engine spends hours on {@code (a+)+$} against forty {@code a}s and a {@code !}. RE2 is also the engine
     * Kubernetes validates CRD patterns with (Go's regexp), so a pattern it refuses (look-around, back-references)
     * is one the API server refuses too; the schema then cannot be compiled and the caller says so.
     */
    public static SchemaLoader.SchemaLoaderBuilder loader() {
        return SchemaLoader.builder().draftV7Support().regexpFactory(new RE2JRegexpFactory());
    }

    /** The compiled schema, for callers that need to inspect it. */
    public Schema schema() {
        return schema;
    }

    /** Every violation of the document, in document order. */
    public List<SchemaViolation> validate(YamlDocument document) {
        return validate(document, List.of(), document.json());
    }

    /**
     * Every violation of one value inside a document, in document order, located and pointed at in the whole
     * document.
     *
     * @param document the document, for positions
     * @param prefix   the tokens of the JSON pointer of {@code subject} in the document ({@code [items, 3]}), empty
     *                 for the whole document
     * @param subject  the JSON value to validate: the value at {@code prefix}, or a copy of it (for example with
     *                 null members removed) that keeps the same shape
     */
    public List<SchemaViolation> validate(YamlDocument document, List<String> prefix, Object subject) {
        try {
            return violations(document, prefix, subject);
        } catch (StackOverflowError e) {
            // A schema that refers to itself without end ({"$ref": "#"} with nothing else) recurses until the stack
            // runs out; the stack is unwound by now, so this is safe to report.
            return List.of(endlessReference(document, prefix));
        }
    }

    /** What a value gets when its schema refers to itself without end. */
    static SchemaViolation endlessReference(YamlDocument document, List<String> prefix) {
        return new SchemaViolation("/" + String.join("/", prefix), document.locationOf(document.nodeAt(prefix)), "$ref",
                "the schema refers to itself without end ($ref cycle), so this value cannot be checked");
    }

    /** The violations sorted by line, then column (a stable sort: the finding order stays within a position). */
    static List<SchemaViolation> inDocumentOrder(List<SchemaViolation> violations) {
        violations.sort(Comparator.comparingInt((SchemaViolation v) -> v.location().line())
                .thenComparingInt(v -> v.location().column()));
        return violations;
    }

    private List<SchemaViolation> violations(YamlDocument document, List<String> prefix, Object subject) {
        try {
            // Most documents are valid: the fail-early pass answers those without collecting anything.
            validator.performValidation(schema, subject);
            return List.of();
        } catch (ValidationException firstOnly) {
            try {
                collectingValidator.performValidation(schema, subject);
                return List.of();
            } catch (ValidationException all) {
                return inDocumentOrder(new ArrayList<>(new ViolationTranslator(document, prefix).translate(all)));
            }
        }
    }
}
