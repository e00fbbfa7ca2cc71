package io.ascent.core.provision.kind;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The node image a kind cluster will run, chosen from the checklist's pinned image or requested Kubernetes version
 * and the installed kind release, with what is wrong about the choice. Preflight shows it; the kind driver uses it.
 *
 * @param reference   the image to run, pinned by digest, when one can be chosen
 * @param version     the Kubernetes version the nodes will run, when known
 * @param verdict     how good the choice is
 * @param message     what was chosen or why nothing can be
 * @param remediation what to change, when the verdict is not {@link Verdict#OK}
 */
public record NodeImageChoice(Optional<String> reference, Optional<NodeVersion> version, Verdict verdict,
        String message, Optional<String> remediation) implements Serializable {

    /** How good a choice is. */
    public enum Verdict {
        /** An image built for the installed kind, for the asked version. */
        OK,
        /** Usable, with a risk worth a warning (an image built for another kind release, an unpinned image). */
        RISKY,
        /** No image can honour the request with this kind (or with any kind release Ascent knows). */
        IMPOSSIBLE,
        /** Cannot judge: kind is missing or not in the table. */
        UNKNOWN
    }

    /**
     * Chooses.
     *
     * @param table     the kind release table
     * @param kind      the installed kind release, if known
     * @param requested the requested Kubernetes version ({@code 1.31} or {@code 1.31.14}), if any
     * @param pinned    the checklist's {@code nodeImage}, if any
     */
    public static NodeImageChoice choose(KindNodeImages table, Optional<KindRelease> kind, Optional<String> requested,
            Optional<String> pinned) {
        Optional<NodeVersion> wanted = requested.flatMap(NodeVersion::parse);
        if (requested.isPresent() && wanted.isEmpty()) {
            return new NodeImageChoice(Optional.empty(), Optional.empty(), Verdict.IMPOSSIBLE,
                    "'" + requested.get() + "' is not a Kubernetes version",
                    Optional.of("write the version as X.Y or X.Y.Z, such as 1.31 or 1.31.14"));
        }
        if (pinned.isPresent()) {
            return choosePinned(table, kind, wanted, pinned.get());
        }
        Optional<String> release = kind.filter(table::knows).map(KindRelease::tag);
        if (wanted.isEmpty()) {
            if (release.isEmpty()) {
                return unknown(kind, table, Optional.empty());
            }
            NodeImage image = table.defaultImage(release.get()).orElseThrow();
            return new NodeImageChoice(Optional.of(image.reference()), Optional.of(image.version()), Verdict.OK,
                    "no Kubernetes version asked for: kind " + release.get() + "'s default node image "
                            + image.reference(), Optional.empty());
        }
        List<NodeImage> elsewhere = table.releasesWith(wanted.get());
        if (release.isPresent()) {
            Optional<NodeImage> image = table.find(release.get(), wanted.get());
            if (image.isPresent()) {
                return new NodeImageChoice(Optional.of(image.get().reference()), Optional.of(image.get().version()),
                        Verdict.OK, "kind " + release.get() + " has a node image for Kubernetes " + wanted.get()
                                + ": " + image.get().reference(), Optional.empty());
            }
            return new NodeImageChoice(Optional.empty(), Optional.of(wanted.get()), Verdict.IMPOSSIBLE,
                    "kind " + release.get() + " has no node image for Kubernetes " + wanted.get()
                            + " (its images: " + versions(table.imagesOf(release.get())) + "). "
                            + whoHasIt(table, wanted.get(), elsewhere),
                    Optional.of(fix(table, wanted.get(), elsewhere, release.get())));
        }
        if (elsewhere.isEmpty()) {
            return new NodeImageChoice(Optional.empty(), Optional.of(wanted.get()), Verdict.IMPOSSIBLE,
                    whoHasIt(table, wanted.get(), elsewhere), Optional.of(fix(table, wanted.get(), elsewhere, null)));
        }
        return unknown(kind, table, Optional.of(whoHasIt(table, wanted.get(), elsewhere)));
    }

    private static NodeImageChoice choosePinned(KindNodeImages table, Optional<KindRelease> kind,
            Optional<NodeVersion> wanted, String pinned) {
        Optional<NodeVersion> tagged = NodeImage.versionOf(pinned);
        if (wanted.isPresent() && tagged.isPresent() && !wanted.get().admits(tagged.get())) {
            return new NodeImageChoice(Optional.empty(), tagged, Verdict.IMPOSSIBLE,
                    "the pinned node image " + pinned + " runs Kubernetes " + tagged.get() + ", but Kubernetes "
                            + wanted.get() + " is asked for",
                    Optional.of("make provision.cluster.nodeImage and kubernetesVersion agree"));
        }
        Optional<String> digest = NodeImage.digestOf(pinned);
        if (digest.isEmpty()) {
            return new NodeImageChoice(Optional.of(pinned), tagged, Verdict.RISKY,
                    "the node image " + pinned + " is not pinned by digest: the same tag names different images "
                            + "for different kind releases, and kind supports only the one built for it",
                    Optional.of("pin the image with @sha256:… from the release notes of your kind release"
                            + kind.filter(table::knows).flatMap(k -> tagged.flatMap(v -> table.find(k.tag(), v)))
                                    .map(image -> " (kind " + image.kindRelease() + ": " + image.reference() + ")")
                                    .orElse("")));
        }
        List<NodeImage> builtBy = table.withDigest(digest.get());
        Optional<String> release = kind.filter(table::knows).map(KindRelease::tag);
        if (release.isPresent() && builtBy.stream().anyMatch(image -> image.kindRelease().equals(release.get()))) {
            return new NodeImageChoice(Optional.of(pinned), tagged, Verdict.OK,
                    "the pinned node image " + pinned + " was built for the installed kind " + release.get(),
                    Optional.empty());
        }
        if (builtBy.isEmpty()) {
            return new NodeImageChoice(Optional.of(pinned), tagged, Verdict.RISKY,
                    "the pinned node image " + pinned + " is not one kind published for any release from "
                            + table.oldestRelease() + " to " + table.newestRelease()
                            + " (a custom build, or a digest Ascent does not know)",
                    Optional.of("if it is your own build, build it with the kind release you run; otherwise use "
                            + "an image from your kind release's notes"));
        }
        String builtFor = builtBy.stream().map(NodeImage::kindRelease).collect(Collectors.joining(", "));
        if (release.isEmpty()) {
            return new NodeImageChoice(Optional.of(pinned), tagged, kind.isEmpty() ? Verdict.UNKNOWN : Verdict.RISKY,
                    "the pinned node image " + pinned + " was built for kind " + builtFor
                            + (kind.isEmpty() ? "; kind is not installed" : "; the installed kind " + kind.get()
                                    + " is not in Ascent's table"),
                    Optional.of("install kind " + builtBy.get(0).kindRelease()));
        }
        String same = tagged.flatMap(v -> table.find(release.get(), new NodeVersion(v.major(), v.minor(), -1)))
                .map(image -> "use " + image.reference() + " (kind " + release.get() + "'s image for "
                        + image.version().minorVersion() + "), or ")
                .orElse("");
        return new NodeImageChoice(Optional.of(pinned), tagged, Verdict.RISKY,
                "the pinned node image " + pinned + " was built for kind " + builtFor + ", not for the installed "
                        + release.get() + "; kind supports a node image only with the release that built it",
                Optional.of(same + "install kind " + builtBy.get(0).kindRelease()));
    }

    private static NodeImageChoice unknown(Optional<KindRelease> kind, KindNodeImages table, Optional<String> more) {
        String why = kind.isEmpty() ? "kind is not installed, so Ascent cannot tell which node image it would run"
                : "kind " + kind.get() + " is not in Ascent's table (" + table.oldestRelease() + " to "
                        + table.newestRelease() + "), so Ascent cannot tell which node images it supports";
        return new NodeImageChoice(Optional.empty(), Optional.empty(), Verdict.UNKNOWN,
                why + more.map(m -> ". " + m).orElse(""), Optional.empty());
    }

    /** Which kind releases have an image for {@code wanted}, or the nearest patches of its minor. */
    private static String whoHasIt(KindNodeImages table, NodeVersion wanted, List<NodeImage> elsewhere) {
        if (!elsewhere.isEmpty()) {
            return "Kind releases with an image for " + wanted + ": " + byVersion(elsewhere);
        }
        List<NodeImage> sameMinor = table.releasesWith(new NodeVersion(wanted.major(), wanted.minor(), -1));
        String start = "No kind release from " + table.oldestRelease() + " to " + table.newestRelease()
                + " published a node image for Kubernetes " + wanted;
        if (sameMinor.isEmpty()) {
            return start + ", nor any " + wanted.minorVersion() + ".x";
        }
        List<NodeImage> all = new ArrayList<>();
        for (String release : table.releases()) {
            table.imagesOf(release).stream().filter(image -> image.version().major() == wanted.major()
                    && image.version().minor() == wanted.minor()).forEach(all::add);
        }
        return start + "; images for other " + wanted.minorVersion() + " patches: " + byVersion(all);
    }

    private static String fix(KindNodeImages table, NodeVersion wanted, List<NodeImage> elsewhere, String installed) {
        StringBuilder fix = new StringBuilder();
        if (!elsewhere.isEmpty()) {
            NodeImage newest = elsewhere.get(0);
            fix.append("install kind ").append(newest.kindRelease()).append(" (it runs ").append(newest.reference())
                    .append(")");
        } else {
            fix.append("ask for a Kubernetes version a kind release has (provision.cluster.kubernetesVersion)");
        }
        if (installed != null) {
            fix.append(", or ask for one of kind ").append(installed).append("'s versions (")
                    .append(versions(table.imagesOf(installed))).append(")");
        }
        fix.append(", or build your own image with `kind build node-image v")
                .append(wanted.hasPatch() ? wanted : wanted + ".0")
                .append("` and set provision.cluster.nodeImage");
        return fix.toString();
    }

    private static String versions(List<NodeImage> images) {
        return images.stream().map(image -> image.version().toString()).collect(Collectors.joining(", "));
    }

    /** {@code 1.22.17 (kind v0.20.0, v0.19.0, v0.18.0), 1.22.15 (kind v0.17.0)} */
    private static String byVersion(List<NodeImage> images) {
        Map<NodeVersion, List<String>> releases = new LinkedHashMap<>();
        images.stream().sorted((a, b) -> b.version().compareTo(a.version()))
                .forEach(image -> releases.computeIfAbsent(image.version(), v -> new ArrayList<>())
                        .add(image.kindRelease()));
        return releases.entrySet().stream()
                .map(entry -> entry.getKey() + " (kind " + String.join(", ", entry.getValue()) + ")")
                .collect(Collectors.joining(", "));
    }
}
