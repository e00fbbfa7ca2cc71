package io.ascent.core.manifest.check;

import io.ascent.core.manifest.PodTemplate;
import io.ascent.core.manifest.PodTemplate.Container;
import io.ascent.core.manifest.Resource;
import io.ascent.core.report.CheckDescription;
import io.ascent.core.report.Severity;
import java.util.ArrayList;
import java.util.List;
import org.json.JSONObject;

/**
 * Every container sets CPU and memory requests (so the scheduler places it where it fits) and limits (so one
 * container cannot starve its neighbours).
 */
final class ResourcesCheck extends ContainerCheck {
    static final String ID = "manifest.resources";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Containers set resource requests and limits";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.WARNING;
    }

    @Override
    void inspect(Resource resource, PodTemplate pod, Container container, Findings findings) {
        JSONObject resources = container.json().optJSONObject("resources");
        List<String> missing = new ArrayList<>();
        for (String section : List.of("requests", "limits")) {
            JSONObject values = resources == null ? null : resources.optJSONObject(section);
            for (String quantity : List.of("cpu", "memory")) {
                if (values == null || !values.has(quantity)) {
                    missing.add(section + "." + quantity);
                }
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        List<String> at = resources == null ? container.tokens() : container.tokensOf("resources");
        findings.add(resource, at, container.keyPart(),
                resource.displayName() + ": " + container.describe() + " does not set resources."
                        + String.join(", resources.", missing),
                "set, on " + container.describe() + ", resources: {requests: {cpu: 100m, memory: 128Mi}, "
                        + "limits: {cpu: 500m, memory: 128Mi}} with values measured for the application");
    }

    @Override
    public String passMessage(int looked) {
        return containers(looked) + ": every one sets CPU and memory requests and limits";
    }

    @Override
    public CheckDescription.Explanation explanation() {
        return new CheckDescription.Explanation(
                "every container and init container of Pods and workloads: resources.requests and resources.limits"
                        + " for cpu and memory",
                "without requests the scheduler packs pods blindly; without limits one container can starve its node",
                "resources: {requests: {cpu: 100m, memory: 128Mi}, limits: {cpu: 500m, memory: 128Mi}} with values"
                        + " measured for the application");
    }
}
