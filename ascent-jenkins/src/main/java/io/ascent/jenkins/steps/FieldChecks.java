package io.ascent.jenkins.steps;

import hudson.model.Item;
import hudson.util.FormValidation;
import io.ascent.core.manifest.api.KubernetesVersion;
import io.ascent.core.manifest.api.KubernetesVersions;
import java.util.Optional;
import jenkins.model.Jenkins;

/**
 * The checks of step and builder settings, shared by data binding (a bad Pipeline argument fails the step before it
 * runs) and the form pages (each reached by POST only, after a permission check). Problems are plain text.
 */
public final class FieldChecks {

    private FieldChecks() {
    }

    /** Refuses users who may not configure {@code item} (or Jenkins, when {@code item} is {@code null}). */
    private static void requireConfigure(Item item) {
        if (item == null) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        } else {
            item.checkPermission(Item.CONFIGURE);
        }
    }

    /** A form check: refuses users who may not configure {@code item}, then answers with the problem if any. */
    public static FormValidation check(Item item, Optional<String> problem) {
        requireConfigure(item);
        return form(problem);
    }

    /** The problem as a form answer. */
    public static FormValidation form(Optional<String> problem) {
        return problem.map(FormValidation::error).orElseGet(FormValidation::ok);
    }

    static Optional<String> threshold(String value) {
        return refusal(value == null ? "" : value.trim(), Threshold::of);
    }

    /** An empty version is allowed: the global default or the checklist's applies. */
    public static Optional<String> kubernetesVersion(String value) {
        return problem(value, KubernetesVersion::parse);
    }

    /** A validation target may name several versions or a range ({@code 1.29..1.33}) to plan an upgrade. */
    public static Optional<String> kubernetesVersions(String value) {
        return problem(value, KubernetesVersions::parse);
    }

    /** Why {@code parser} refuses a value that is not blank, if it does. */
    private static Optional<String> problem(String value, java.util.function.Function<String, ?> parser) {
        return value == null || value.isBlank() ? Optional.empty() : refusal(value.trim(), parser);
    }

    /** Why {@code parser} refuses {@code value} (its {@link IllegalArgumentException}'s message), if it does. */
    public static <T> Optional<String> refusal(T value, java.util.function.Function<T, ?> parser) {
        try {
            parser.apply(value);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** Paths are relative to the workspace and stay inside it (the agent checks symbolic links again). */
    static Optional<String> relativePath(String value) {
        String path = value == null ? "" : value.trim().replace('\\', '/');
        if (path.startsWith("/") || path.matches("^[A-Za-z]:.*")) {
            return Optional.of("use a path relative to the workspace");
        }
        for (String segment : path.split("/")) {
            if (segment.equals("..")) {
                return Optional.of("'..' would leave the workspace");
            }
        }
        return Optional.empty();
    }
}
