package io.ascent.core.manifest.check;

import io.ascent.core.manifest.LabelSelector;
import io.ascent.core.manifest.PodTemplate;
import io.ascent.core.manifest.Resource;
import io.ascent.core.manifest.ResourceRef;
import io.ascent.core.report.Location;
import io.ascent.core.report.CheckDescription;
import io.ascent.core.report.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.json.JSONObject;

/**
 * Every Deployment or StatefulSet with more than one replica has a PodDisruptionBudget in the same namespace
 * whose selector matches its pods; without one, a node drain may take every replica down at once. A workload a
 * HorizontalPodAutoscaler scales counts its autoscaler's {@code minReplicas}, not {@code spec.replicas} (often
 * left out). Compares
 * objects across files, so it keeps a small summary of each workload and budget and reports in {@link #finish}.
 *
 * <p>Its only failure concludes from absence (no budget selects the workload), so when part of the set was not read
 * ({@link UnreadParts}: a file that did not parse, a failed render) an uncovered workload is a SKIP naming the unread
 * files instead: the budget may be written there, and "add a PodDisruptionBudget" would have the user write a second
 * one. (An autoscaler in an unread file may also lower the replicas; that only removes findings.)
 */
final class PodDisruptionBudgetCheck implements ManifestCheck {
    static final String ID = "manifest.pod-disruption-budget";
    /** Each replicated kind, to itself: a workload keeps this string, not its document's. */
    private static final Map<String, String> REPLICATED_KINDS = Map.of("Deployment", "Deployment",
            "StatefulSet", "StatefulSet");

    private final List<Workload> workloads = new ArrayList<>();
    /** The largest minReplicas of the autoscalers of each workload, keyed {@code ns\0Kind\0name}. */
    private final Map<String, Autoscaler> autoscalers = new HashMap<>();
    /**
     * Budget selectors by namespace and the one label they require; selectors that require no particular label
     * (expressions only, or empty) under the namespace alone. A workload is tried only against budgets that could
     * select it, so many budgets and workloads do not multiply.
     */
    private final Map<LabelKey, List<LabelSelector>> budgets = new HashMap<>();
    /** What no check saw: an uncovered workload's budget may be there. */
    private UnreadParts unread = UnreadParts.NONE;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Replicated workloads have a PodDisruptionBudget";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.WARNING;
    }

    @Override
    public void inspect(Resource resource, Findings findings) {
        String kind = resource.kind();
        if ("PodDisruptionBudget".equals(kind)) {
            JSONObject spec = resource.json().optJSONObject("spec");
            JSONObject selector = spec == null ? null : spec.optJSONObject("selector");
            if (selector != null) {
                LabelSelector parsed = LabelSelector.of(selector);
                budgets.computeIfAbsent(LabelKey.of(resource.landingNamespace(), parsed.anchorLabel()),
                        k -> new ArrayList<>(1)).add(parsed);
            }
            return;
        }
        if ("HorizontalPodAutoscaler".equals(kind)) {
            JSONObject spec = resource.json().optJSONObject("spec");
            JSONObject target = spec == null ? null : spec.optJSONObject("scaleTargetRef");
            if (target != null && target.opt("kind") instanceof String targetKind
                    && target.opt("name") instanceof String targetName) {
                // minReplicas defaults to 1; the HPA never scales below it, whatever spec.replicas says.
                long min = spec.opt("minReplicas") instanceof Number n ? n.longValue() : 1;
                autoscalers.merge(resource.landingNamespace() + '\0' + targetKind + '\0' + targetName,
                        new Autoscaler(resource.displayName(), min),
                        (a, b) -> a.minReplicas() >= b.minReplicas() ? a : b);
            }
            return;
        }
        if (kind == null || !REPLICATED_KINDS.containsKey(kind)) {
            return;
        }
        JSONObject spec = resource.json().optJSONObject("spec");
        Object replicas = spec == null ? null : spec.opt("replicas");
        long written = replicas instanceof Number n ? n.longValue() : 1; // the API server's default
        PodTemplate.of(resource).ifPresent(pod -> {
            Location start = resource.location();
            Location replicasAt = replicas == null ? start : resource.locationAt(List.of("spec", "replicas"));
            workloads.add(new Workload(REPLICATED_KINDS.get(kind), resource.name(), resource.landingNamespace(),
                    resource.path(), start.line(), start.column(), replicasAt.line(), replicasAt.column(),
                    resource.exemptions(), written, LabelSelector.compact(pod.labels())));
        });
    }

    @Override
    public void partialSet(UnreadParts unread) {
        this.unread = unread;
    }

    @Override
    public void finish(Findings findings) {
        for (Workload workload : workloads) {
            Autoscaler autoscaler = autoscalers.get(
                    workload.namespace() + '\0' + workload.kind() + '\0' + workload.name());
            long replicas = autoscaler == null ? workload.replicas() : autoscaler.minReplicas();
            if (replicas <= 1) {
                continue;
            }
            if (isCovered(workload)) {
                findings.looked();
            } else {
                String runs = autoscaler == null ? " runs " + replicas + " replicas"
                        : " runs at least " + replicas + " replicas (" + autoscaler.name() + " has minReplicas: "
                                + replicas + ")";
                ResourceRef ref = workload.ref();
                if (!unread.isEmpty()) {
                    findings.skip(new Finding(ref, workload.replicasAt(), ref.displayName(), ref.displayName() + runs
                            + " and no PodDisruptionBudget in the manifests that were read selects its pods; "
                            + unread.mayHold("its budget"), null, null));
                    continue; // not counted by the PASS either
                }
                findings.looked();
                findings.add(new Finding(ref, workload.replicasAt(), ref.displayName(),
                        ref.displayName() + runs
                                + " but no PodDisruptionBudget in these manifests selects its pods",
                        "add a policy/v1 PodDisruptionBudget with spec.minAvailable: 1 (or maxUnavailable: 1) and "
                                + "spec.selector.matchLabels: " + selectorFor(workload.labels()),
                        null));
            }
        }
    }

    private boolean isCovered(Workload workload) {
        String namespace = workload.namespace();
        if (budgets.getOrDefault(LabelKey.of(namespace, null), List.of()).stream()
                .anyMatch(b -> b.matches(workload.labels()))) {
            return true;
        }
        for (Map.Entry<String, Object> label : workload.labels().entrySet()) {
            List<LabelSelector> candidates = budgets.getOrDefault(LabelKey.of(namespace, label), List.of());
            if (candidates.stream().anyMatch(b -> b.matches(workload.labels()))) {
                return true;
            }
        }
        return false;
    }

    private static String selectorFor(Map<String, Object> labels) {
        if (labels.isEmpty()) {
            return "the labels of its pod template (it has none: add some)";
        }
        StringBuilder text = new StringBuilder("{");
        labels.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e ->
                text.append(text.length() == 1 ? "" : ", ").append(e.getKey()).append(": ").append(e.getValue()));
        return text.append('}').toString();
    }

    @Override
    public String passMessage(int looked) {
        return looked == 0 ? "no Deployment or StatefulSet runs more than one replica"
                : looked + (looked == 1 ? " replicated workload has" : " replicated workloads: each has")
                        + " a PodDisruptionBudget";
    }

    /**
     * A Deployment or StatefulSet, whatever its replicas: an autoscaler found later may raise them. Kept for every
     * workload until the last file is read, so it holds what its finding needs rather than the finding's objects
     * ({@link ResourceRef}, two {@link Location}s, the display name), which {@link #ref()} and {@link #replicasAt()}
     * build for the few that fail: with every check on, 10,000 workloads' summaries were most of what the heap
     * grew by (docs/performance.md, "Every check, both cores").
     *
     * @param kind      {@code Deployment} or {@code StatefulSet} (the constant, not the document's string)
     * @param name      {@link Resource#name()}
     * @param namespace {@link Resource#landingNamespace()}
     * @param replicas  {@code spec.replicas}, 1 when not written
     */
    private record Workload(String kind, String name, String namespace, String path, int line, int column,
            int replicasLine, int replicasColumn, Set<String> exemptions, long replicas, Map<String, Object> labels) {

        ResourceRef ref() {
            return new ResourceRef(Resource.displayName(kind, name), namespace, path, new Location(path, line, column),
                    exemptions);
        }

        Location replicasAt() {
            return new Location(path, replicasLine, replicasColumn);
        }
    }

    /**
     * A namespace and one label ({@code value} as {@code String.valueOf} writes it), or the namespace alone (key
     * and value {@code null}): how budgets are indexed.
     */
    private record LabelKey(String namespace, String key, String value) {
        static LabelKey of(String namespace, Map.Entry<String, Object> label) {
            return label == null ? new LabelKey(namespace, null, null)
                    : new LabelKey(namespace, label.getKey(), String.valueOf(label.getValue()));
        }
    }

    /** The HorizontalPodAutoscaler of a workload, by the name reports give it. */
    private record Autoscaler(String name, long minReplicas) {
    }

    @Override
    public CheckDescription.Explanation explanation() {
        return new CheckDescription.Explanation(
                "every Deployment and StatefulSet with more than one replica: a PodDisruptionBudget in the same"
                        + " namespace selecting its pod labels; none found while a manifest file could not be read"
                        + " (manifest.parse) is a SKIP, since the budget may be in it",
                "without a budget a node drain or cluster upgrade may evict every replica at once",
                "a policy/v1 PodDisruptionBudget with minAvailable: 1 (or maxUnavailable: 1) selecting the"
                        + " workload's pod labels; the fix line spells them out");
    }
}
