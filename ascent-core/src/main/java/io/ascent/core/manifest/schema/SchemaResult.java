package io.ascent.core.manifest.schema;

import io.ascent.core.jsonschema.SchemaViolation;
import java.util.List;

/** What schema validation of one resource gave: violations (possibly none), or why it was skipped. */
public sealed interface SchemaResult {

    /**
     * The resource was validated.
     *
     * @param source     which schema was used, for reports ({@code bundled Kubernetes 1.30 schema of apps/v1
     *                   Deployment}, a file, a URL, or a CRD and its location)
     * @param violations every violation, in document order; empty when the resource is valid
     * @param notes      what went wrong on the way without stopping the check (a schema location that answered
     *                   HTTP 500 before another one had the schema)
     */
    record Checked(String source, List<SchemaViolation> violations, List<String> notes) implements SchemaResult {
        public Checked {
            violations = List.copyOf(violations);
            notes = List.copyOf(notes);
        }

        public boolean valid() {
            return violations.isEmpty();
        }
    }

    /**
     * No schema was found (or none could be used): the resource was not validated. The reason is a sentence for
     * a SKIP item, such as {@code no schema for example.com/v1 Widget in the default location; add its CRD to
     * the manifests or a schemaLocation}.
     */
    record Skipped(String reason) implements SchemaResult {
    }
}
