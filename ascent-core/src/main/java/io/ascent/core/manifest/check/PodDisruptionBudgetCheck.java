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
 */
final class PodDisruptionBudgetCheck implements ManifestCheck {
    static final String ID = "manifest.pod-disruption-budget";
    private static final Set<String> REPLICATED = Set.of("Deployment", "StatefulSet");

    private final List<Workload> workloads = new ArrayList<>();
    /** The largest minReplicas of the autoscalers of each workload, keyed {@code ns\0Kind\0name}. */
    private final Map<String, Autoscaler> autoscalers = new HashMap<>();
    /**
     * Budget selectors by namespace and the one label they require ({@code ns\0key=value}); selectors that
     * require no particular label (expressions only, or empty) under {@code ns\0}. A workload is tried only
     * against budgets that could select it, so many budgets and workloads do not multiply.
     */
    private final Map<String, List<LabelSelector>> budgets = new HashMap<>();

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
                String anchor = parsed.anchor();
                budgets.computeIfAbsent(resource.landingNamespace() + '\0' + (anchor == null ? "" : anchor),
                        k -> new ArrayList<>()).add(parsed);
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
        if (kind == null || !REPLICATED.contains(kind)) {
            return;
        }
        JSONObject spec = resource.json().optJSONObject("spec");
        Object replicas = spec == null ? null : spec.opt("replicas");
        long written = replicas instanceof Number n ? n.longValue() : 1; // the API server's default
        PodTemplate.of(resource).ifPresent(pod -> workloads.add(new Workload(resource.ref(),
                replicas == null ? resource.location() : resource.locationAt(List.of("spec", "replicas")),
                written, kind + '\0' + resource.name(), pod.labels())));
    }

    @Override
    public void finish(Findings findings) {
        for (Workload workload : workloads) {
            Autoscaler autoscaler = autoscalers.get(workload.ref().namespace() + '\0' + workload.kindAndName());
            long replicas = autoscaler == null ? workload.replicas() : autoscaler.minReplicas();
            if (replicas <= 1) {
                continue;
            }
            findings.looked();
            if (!isCovered(workload)) {
                String runs = autoscaler == null ? " runs " + replicas + " replicas"
                        : " runs at least " + replicas + " replicas (" + autoscaler.name() + " has minReplicas: "
                                + replicas + ")";
                findings.add(new Finding(workload.ref(), workload.replicasAt(), workload.ref().displayName(),
                        workload.ref().displayName() + runs
                                + " but no PodDisruptionBudget in these manifests selects its pods",
                        "add a policy/v1 PodDisruptionBudget with spec.minAvailable: 1 (or maxUnavailable: 1) and "
                                + "spec.selector.matchLabels: " + selectorFor(workload.labels()),
                        null));
            }
        }
    }

    private boolean isCovered(Workload workload) {
        String namespace = workload.ref().namespace() + '\0';
        if (budgets.getOrDefault(namespace, List.of()).stream().anyMatch(b -> b.matches(workload.labels()))) {
            return true;
        }
        for (Map.Entry<String, Object> label : workload.labels().entrySet()) {
            List<LabelSelector> candidates = budgets.getOrDefault(
                    namespace + label.getKey() + "=" + label.getValue(), List.of());
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
     * A Deployment or StatefulSet, whatever its replicas: an autoscaler found later may raise them.
     *
     * @param replicas    {@code spec.replicas}, 1 when not written
     * @param kindAndName how an autoscaler's {@code scaleTargetRef} names it ({@code Deployment\0web})
     */
    private record Workload(ResourceRef ref, Location replicasAt, long replicas, String kindAndName,
            Map<String, Object> labels) {
    }

    /** The HorizontalPodAutoscaler of a workload, by the name reports give it. */
    private record Autoscaler(String name, long minReplicas) {
    }

    @Override
    public CheckDescription.Explanation explanation() {
        return new CheckDescription.Explanation(
                "every Deployment and StatefulSet with more than one replica: a PodDisruptionBudget in the same"
                        + " namespace selecting its pod labels",
                "without a budget a node drain or cluster upgrade may evict every replica at once",
                "a policy/v1 PodDisruptionBudget with minAvailable: 1 (or maxUnavailable: 1) selecting the"
                        + " workload's pod labels; the fix line spells them out");
    }
}
