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
 * @param location          where the rule is written in the CRD
 * @param problem           why the entry cannot be used as written (no rule string), or {@code null}
 */
public record ValidationRule(String rule, String message, String messageExpression, String reason, String fieldPath,
        boolean optionalOldSelf, String crd, Location location, String problem) {

    /** How reports name the rule: its expression and where it is written. */
    public String describe() {
        return "rule '" + (rule == null ? "?" : abbreviate(rule)) + "' of CustomResourceDefinition " + crd + " ("
                + location + ")";
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
