package io.ascent.core.provision.kind;

import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A kind node image built for one kind release.
 *
 * @param kindRelease the kind release that built it ({@code v0.31.0})
 * @param version     the Kubernetes version inside
 * @param reference   the image pinned by digest, {@code kindest/node:v1.35.0@sha256:…}
 * @param isDefault   whether it is that release's default node image
 */
public record NodeImage(String kindRelease, NodeVersion version, String reference, boolean isDefault)
        implements Serializable {

    private static final Pattern DIGEST = Pattern.compile("@(sha256:[0-9a-f]{64})$");
    private static final Pattern TAG = Pattern.compile(":v?(\\d+\\.\\d+\\.\\d+)[^@/]*(?:@|$)");

    public NodeImage {
        Objects.requireNonNull(kindRelease, "kindRelease");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(reference, "reference");
    }

    /** The {@code sha256:…} digest of an image reference, if it is pinned. */
    public static Optional<String> digestOf(String reference) {
        Matcher m = DIGEST.matcher(reference);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The Kubernetes version an image reference's tag names ({@code kindest/node:v1.31.14@…} → 1.31.14), if any. */
    public static Optional<NodeVersion> versionOf(String reference) {
        int slash = reference.lastIndexOf('/');
        Matcher m = TAG.matcher(reference.substring(slash + 1));
        return m.find() ? NodeVersion.parse(m.group(1)) : Optional.empty();
    }

    public String digest() {
        return digestOf(reference).orElseThrow();
    }
}
