package io.ascent.core.provision;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The labels that make a namespace enforce a Pod Security Standard (the PodSecurity admission plugin, on by
 * default since Kubernetes 1.25): {@code pod-security.kubernetes.io/enforce} with the checklist's level and
 * {@code enforce-version} with the target Kubernetes version, so that the rules are those of the version the
 * application is meant for, not whatever the test cluster runs ({@code latest} when there is no target).
 */
public final class PodSecurityLabels {

    /** The label that names the level. */
    public static final String ENFORCE = "pod-security.kubernetes.io/enforce";
    /** The label that names the version of the level's rules. */
    public static final String ENFORCE_VERSION = "pod-security.kubernetes.io/enforce-version";
    private static final Pattern MINOR = Pattern.compile("^v?(\\d+)\\.(\\d+)");

    private PodSecurityLabels() {
    }

    /**
     * The labels for {@code level} ({@code privileged}, {@code baseline}, {@code restricted}, as the checklist's
     * schema allows) at {@code kubernetesVersion} ({@code X.Y} or {@code X.Y.Z}).
     */
    public static Map<String, String> of(String level, Optional<String> kubernetesVersion) {
        return Map.of(ENFORCE, level, ENFORCE_VERSION, kubernetesVersion.map(PodSecurityLabels::minor)
                .orElse("latest"));
    }

    /** {@code v1.31} of {@code 1.31.2}; {@code latest} of anything else. */
    private static String minor(String version) {
        Matcher matcher = MINOR.matcher(version);
        return matcher.find() ? "v" + matcher.group(1) + "." + matcher.group(2) : "latest";
    }

    /** {@code restricted (v1.31)}, for messages. */
    public static String describe(Map<String, String> labels) {
        return labels.get(ENFORCE) + " (" + labels.get(ENFORCE_VERSION) + ")";
    }
}
