package io.ascent.core.manifest.api;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The target of a run: one Kubernetes version, or several for upgrade planning, written as a list
 * ({@code 1.29, 1.31}), an inclusive range of minor releases ({@code 1.29..1.33}) or both
 * ({@code 1.27, 1.29..1.31}). Versions are kept in ascending order without repeats.
 *
 * @param versions the versions, ascending, at least one
 * @param text     the text as written, for messages
 */
public record KubernetesVersions(List<KubernetesVersion> versions, String text) {
    /** A run judges each version on its own, so the number of versions is bounded. */
    public static final int MAX_VERSIONS = 32;

    /**
     * The grammar of a target, for the engine and the checklist's JSON Schema alike (the schema's
     * {@code kubernetesVersions} pattern is this text between {@code ^} and {@code $}).
     */
    public static final String PATTERN = "(" + KubernetesVersion.PATTERN + ")(\\.\\.(" + KubernetesVersion.PATTERN
            + "))?( *, *(" + KubernetesVersion.PATTERN + ")(\\.\\.(" + KubernetesVersion.PATTERN + "))?)*";

    private static final Pattern SYNTAX = Pattern.compile(PATTERN);

    public KubernetesVersions {
        versions = List.copyOf(versions);
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("no Kubernetes version");
        }
    }

    /**
     * Parses {@code 1.31}, {@code 1.29, 1.31} or {@code 1.29..1.33}.
     *
     * @throws IllegalArgumentException naming the bad text and the accepted forms
     */
    public static KubernetesVersions parse(String text) {
        if (text == null || !SYNTAX.matcher(text).matches()) {
            // a single bad version keeps the single version's message
            if (text != null && !text.contains(",") && !text.contains("..")) {
                KubernetesVersion.parse(text);
            }
            throw new IllegalArgumentException("'" + text + "' is not a Kubernetes version, list or range; expected a"
                    + " form such as 1.31, 1.29, 1.31 or 1.29..1.33");
        }
        TreeSet<KubernetesVersion> all = new TreeSet<>();
        for (String part : text.split(",")) {
            String[] ends = part.strip().split("\\.\\.", -1);
            KubernetesVersion from = KubernetesVersion.parse(ends[0]);
            KubernetesVersion to = ends.length == 2 ? KubernetesVersion.parse(ends[1]) : from;
            if (to.isBefore(from) || to.major() != from.major()) {
                throw new IllegalArgumentException("'" + part.strip() + "' is not a range of Kubernetes releases;"
                        + " write the older release first, such as 1.29..1.33");
            }
            if (to.minor() - from.minor() + 1 + all.size() > MAX_VERSIONS) {
                throw new IllegalArgumentException("'" + text + "' names more than " + MAX_VERSIONS + " releases;"
                        + " name fewer");
            }
            for (int minor = from.minor(); minor <= to.minor(); minor++) {
                all.add(KubernetesVersion.of(from.major(), minor));
            }
        }
        return new KubernetesVersions(new ArrayList<>(all), text);
    }

    public static KubernetesVersions of(KubernetesVersion version) {
        return new KubernetesVersions(List.of(version), version.toString());
    }

    /** Whether the target names more than one version: findings are then grouped by version. */
    public boolean isSeveral() {
        return versions.size() > 1;
    }

    public KubernetesVersion oldest() {
        return versions.get(0);
    }

    public KubernetesVersion newest() {
        return versions.get(versions.size() - 1);
    }

    /** {@code 1.29..1.33} when the versions are consecutive, else {@code 1.29, 1.31}. */
    public String describe() {
        return describe(versions);
    }

    /** How messages name a set of versions: consecutive runs are ranges ({@code 1.29..1.31, 1.33}). */
    public static String describe(List<KubernetesVersion> versions) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < versions.size(); i++) {
            int j = i;
            while (j + 1 < versions.size() && versions.get(j + 1).major() == versions.get(i).major()
                    && versions.get(j + 1).minor() == versions.get(j).minor() + 1) {
                j++;
            }
            out.append(out.length() == 0 ? "" : ", ").append(versions.get(i));
            if (j > i) {
                out.append(j == i + 1 ? ", " : "..").append(versions.get(j));
            }
            i = j;
        }
        return out.toString();
    }
}
