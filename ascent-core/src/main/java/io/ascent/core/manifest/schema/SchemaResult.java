package io.ascent.core.manifest.schema;

import io.ascent.core.jsonschema.SchemaViolation;
import java.util.List;
import java.util.Optional;

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
     * No schema was found (or none could be used): the resource was not validated.
     *
     * @param reason why, a sentence for a SKIP item, such as {@code no schema for example.com/v1 Widget (Kubernetes
     *               1.30) in the default location}
     * @param remedy what would give the resource a schema, when the lookup knows; empty for a pointer with nothing
     *               at it or a cancelled run
     */
    record Skipped(String reason, Optional<Remedy> remedy) implements SchemaResult {
        /** Skipped with no remedy to advise. */
        public Skipped(String reason) {
            this(reason, Optional.empty());
        }

        /** The reason and the remedy as one sentence: {@code no schema for ...; add its CRD to the manifests ...}. */
        public String sentence() {
            return reason + remedy.map(r -> "; " + r.text()).orElse("");
        }
    }

    /**
     * What would give a resource without a schema one, chosen once where the lookup knows why it found none.
     *
     * @param kind whether a CRD would
     * @param text the advice, to follow the reason after "; ": {@code add its CRD to the manifests or a schemaLocation}
     */
    record Remedy(Kind kind, String text) {
        /** What the remedy asks for: a check that did not read the whole manifest set words a CRD remedy otherwise. */
        public enum Kind {
            /** A CRD would give the resource a schema: one in a manifest file that could not be read may already. */
            ADD_CRD,
            /** No CRD would: a schema location to add, a built-in API to move to a served version, a kind to fix. */
            OTHER
        }

        /** The usual advice for a custom resource no schema location has. */
        public static final Remedy CRD = new Remedy(Kind.ADD_CRD, "add its CRD to the manifests or a schemaLocation");

        public static Remedy addCrd(String text) {
            return new Remedy(Kind.ADD_CRD, text);
        }

        public static Remedy other(String text) {
            return new Remedy(Kind.OTHER, text);
        }
    }
}
