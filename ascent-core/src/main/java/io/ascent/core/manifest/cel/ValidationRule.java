package io.ascent.core.manifest.cel;

import io.ascent.core.report.Location;

/**
 * One entry of a schema node's {@code x-kubernetes-validations}.
 *
 * @param rule              the CEL expression that must evaluate to {@code true}
 * @param message           the message when it does not, or {@code null}
 * @param messageExpression a CEL expression giving the message, or {@code null}
 * @param reason            {@code FieldValueInvalid} (the API server's default), {@code FieldValueForbidden},
 *                          {@code FieldValueRequired} or {@code FieldValueDuplicate}
 * @param fieldPath         where a failure points, relative to the node ({@code .spec.port}), or {@code null}
 * @param optionalOldSelf   whether a transition rule is also evaluated on creation, with {@code oldSelf} absent
 * @param crd               the CustomResourceDefinition's name, for messages
 * @param location          where the rule is written in the CRD, or {@code null} for a rule of a CRD bundled with
 *                          Ascent, which is in no file of the repository
 * @param bundled           for a rule of a CRD bundled with Ascent, which CRD and which schema node; else {@code null}
 * @param problem           why the entry cannot be used as written (no rule string), or {@code null}
 */
public record ValidationRule(String rule, String message, String messageExpression, String reason, String fieldPath,
        boolean optionalOldSelf, String crd, Location location, Bundled bundled, String problem) {

    /**
     * Where a rule of a bundled CRD comes from.
     *
     * @param source how reports name the CRD: {@code ClusterAPI 1.13's CRD machinehealthchecks.cluster.x-k8s.io
     *               (bundled with Ascent, from sigs.k8s.io/cluster-api v1.13.6)}
     * @param node   the schema node the rule is on, as a field path ({@code spec.checks[].type}, {@code <root>})
     */
    public record Bundled(String source, String node) {
    }

    /** A rule of a CRD among the manifests. */
    public ValidationRule(String rule, String message, String messageExpression, String reason, String fieldPath,
            boolean optionalOldSelf, String crd, Location location, String problem) {
        this(rule, message, messageExpression, reason, fieldPath, optionalOldSelf, crd, location, null, problem);
    }

    /** How reports name the rule: its expression and where it is written. */
    public String describe() {
        String text = "rule '" + (rule == null ? "?" : abbreviate(rule)) + "'";
        if (bundled != null) {
            return text + " at " + bundled.node() + " of " + bundled.source();
        }
        return text + " of CustomResourceDefinition " + crd + " (" + location + ")";
    }

    /** Where the rule is within its CRD, for finding keys: {@code line:column}, or the bundled rule's node. */
    public String place() {
        return bundled != null ? bundled.node() : location.line() + ":" + location.column();
    }

    /** What the API server prints before the message: {@code Invalid value}, {@code Required value}, ... */
    String reasonText() {
        if (reason == null) {
            return "Invalid value";
        }
        return switch (reason) {
            case "FieldValueForbidden" -> "Forbidden";
            case "FieldValueRequired" -> "Required value";
            case "FieldValueDuplicate" -> "Duplicate value";
            default -> "Invalid value";
        };
    }

    private static String abbreviate(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= 120 ? line : line.substring(0, 117) + "...";
    }
}
