package io.ascent.core.manifest.check;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Labels that Kubernetes' controllers put on the pods they create, beyond the pod template's own: a Service may
 * select a StatefulSet's single pod by {@code statefulset.kubernetes.io/pod-name}, or a Job's pods by
 * {@code batch.kubernetes.io/job-name}, though no manifest writes those labels. Where the controller's value is
 * known from the workload (a pod name is {@code <statefulset>-<ordinal>}), a selector that asks for another value
 * still matches nothing; where it is a hash or a uid, any value may match.
 */
final class ControllerLabels {
    private static final Pattern ORDINAL = Pattern.compile("\\d+");
    private static final String ANY = "";

    /** By workload kind: each label its controller adds, and how its value follows from the workload's name. */
    private static final Map<String, Map<String, String>> ADDED = Map.of(
            "StatefulSet", Map.of(
                    "statefulset.kubernetes.io/pod-name", "name-ordinal",
                    "apps.kubernetes.io/pod-index", "ordinal",
                    "controller-revision-hash", ANY),
            "DaemonSet", Map.of(
                    "controller-revision-hash", ANY,
                    "pod-template-generation", ANY),
            "Deployment", Map.of("pod-template-hash", ANY),
            "Job", jobLabels("name"),
            "CronJob", jobLabels("name-suffix"));

    /** Every label any controller adds: a Service selecting only these is tried against every pod. */
    static final List<String> ALL = ADDED.values().stream().flatMap(m -> m.keySet().stream()).distinct().sorted()
            .toList();

    private ControllerLabels() {
    }

    private static Map<String, String> jobLabels(String nameRule) {
        return Map.of(
                "batch.kubernetes.io/job-name", nameRule,
                "job-name", nameRule,
                "batch.kubernetes.io/controller-uid", ANY,
                "controller-uid", ANY,
                "batch.kubernetes.io/job-completion-index", "ordinal");
    }

    /** Whether some controller adds {@code key} to the pods it creates. */
    static boolean isControllerLabel(String key) {
        return ALL.contains(key);
    }

    /**
     * Whether the controller of a workload of {@code kind} named {@code name} may give its pods label {@code key}
     * with {@code value}.
     *
     * @param name the workload's name, or {@code null} when it has none (generateName) and any name may result
     */
    static boolean mayAdd(String kind, String name, String key, String value) {
        String rule = ADDED.getOrDefault(kind, Map.of()).get(key);
        if (rule == null) {
            return false;
        }
        return switch (rule) {
            case "ordinal" -> ORDINAL.matcher(value).matches();
            case "name-ordinal" -> name == null || value.startsWith(name + "-")
                    && ORDINAL.matcher(value.substring(name.length() + 1)).matches();
            case "name" -> name == null || value.equals(name);
            // A CronJob names each Job <cronjob>-<scheduled time in minutes>.
            case "name-suffix" -> name == null || value.startsWith(name + "-");
            default -> true;
        };
    }
}
