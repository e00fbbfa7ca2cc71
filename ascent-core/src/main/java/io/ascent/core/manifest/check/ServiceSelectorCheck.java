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
import org.json.JSONObject;

/**
 * Every Service with a selector selects the pods of some workload in the same namespace; a typo in a label
 * leaves the Service without endpoints, which no schema catches. Services without a selector (ExternalName, or
 * endpoints managed by hand) are not looked at.
 */
final class ServiceSelectorCheck implements ManifestCheck {
    static final String ID = "manifest.service-selector";

    private final List<Service> services = new ArrayList<>();
    /** Pod label sets by namespace and one of their labels: a Service is tried only against pods it could select. */
    private final Map<String, List<Map<String, Object>>> podsByLabel = new HashMap<>();

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Service selectors match a workload";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    public void inspect(Resource resource, Findings findings) {
        if ("Service".equals(resource.kind())) {
            JSONObject spec = resource.json().optJSONObject("spec");
            JSONObject selector = spec == null ? null : spec.optJSONObject("selector");
            if (selector != null && !selector.isEmpty() && !"ExternalName".equals(spec.opt("type"))) {
                findings.looked();
                services.add(new Service(resource.ref(), resource.locationAt(List.of("spec", "selector")),
                        LabelSelector.ofMap(selector.toMap())));
            }
            return;
        }
        PodTemplate.of(resource).ifPresent(pod -> {
            for (Map.Entry<String, Object> label : pod.labels().entrySet()) {
                podsByLabel.computeIfAbsent(resource.namespace() + '\0' + label.getKey() + "=" + label.getValue(),
                        k -> new ArrayList<>()).add(pod.labels());
            }
        });
    }

    @Override
    public void finish(Findings findings) {
        for (Service service : services) {
            List<Map<String, Object>> candidates = podsByLabel.getOrDefault(
                    service.ref().namespace() + '\0' + service.selector().anchor(), List.of());
            boolean matched = candidates.stream().anyMatch(service.selector()::matches);
            if (!matched) {
                findings.add(new Finding(service.ref(), service.selectorAt(), service.ref().displayName(),
                        service.ref().displayName() + " selects " + service.selector()
                                + ", but no workload in these manifests has pods with those labels"
                                + (service.ref().namespace().isEmpty() ? ""
                                        : " in namespace " + service.ref().namespace()),
                        "make spec.selector equal to labels of the pod template (spec.template.metadata.labels)"
                                + " of the workload this Service fronts",
                        null));
            }
        }
    }

    @Override
    public String passMessage(int looked) {
        return looked == 0 ? "no Service with a selector"
                : looked + (looked == 1 ? " Service: its selector matches" : " Services: every selector matches")
                        + " the pods of a workload";
    }

    private record Service(ResourceRef ref, Location selectorAt, LabelSelector selector) {
    }

    @Override
    public CheckDescription.Explanation explanation() {
        return new CheckDescription.Explanation(
                "every Service with a selector: some workload's pod template in the same namespace carries every"
                        + " selected label",
                "a selector that matches no pod gives a Service without endpoints: every request fails although"
                        + " everything applied",
                "make spec.selector equal to the pod template labels of the workload the Service fronts");
    }
}
