package io.ascent.core.manifest.schema;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The grammar the Kubernetes API gives an {@code apiVersion} and a {@code kind}, checked before either is put
 * into a schema location's template. A manifest's {@code kind: ../../etc/passwd} is no kind, so it never becomes a
 * path or a URL; every name this accepts is made of letters, digits, {@code -} and single dots.
 */
final class GroupVersionKind {
    /** A DNS-1123 subdomain (API groups), at most 253 characters. */
    private static final Pattern GROUP =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    /** A DNS-1035 label (versions; also a kind once lower-cased, as the API server checks CRD kinds). */
    private static final Pattern LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");

    private GroupVersionKind() {
    }

    /** Why {@code apiVersion} and {@code kind} cannot name a Kubernetes type, or empty when they can. */
    static Optional<String> problem(String apiVersion, String kind) {
        if (!isLabel(kind.toLowerCase(java.util.Locale.ROOT))) {
            return Optional.of("kind '" + shorten(kind) + "' is not a Kubernetes kind (letters, digits and '-', "
                    + "starting with a letter, at most 63 characters)");
        }
        int slash = apiVersion.indexOf('/');
        String group = slash < 0 ? "" : apiVersion.substring(0, slash);
        String version = slash < 0 ? apiVersion : apiVersion.substring(slash + 1);
        boolean groupOk = slash < 0 || group.length() <= 253 && GROUP.matcher(group).matches();
        if (!groupOk || !isLabel(version)) {
            return Optional.of("apiVersion '" + shorten(apiVersion) + "' is not a Kubernetes API version "
                    + "(GROUP/VERSION or VERSION: a DNS subdomain and a lower-case label)");
        }
        return Optional.empty();
    }

    private static boolean isLabel(String text) {
        return text.length() <= 63 && LABEL.matcher(text).matches();
    }

    /** Quoted names stay short: a 1 MB kind must not make a 1 MB message. */
    private static String shorten(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }
}
