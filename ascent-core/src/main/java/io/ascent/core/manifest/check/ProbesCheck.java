package io.ascent.core.manifest.check;

import io.ascent.core.manifest.PodTemplate;
import io.ascent.core.manifest.PodTemplate.Container;
import io.ascent.core.manifest.Resource;
import io.ascent.core.report.CheckDescription;
import io.ascent.core.report.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * Every long-running container has a readiness probe (no traffic before it can serve) and a liveness probe (a
 * hung process is restarted). Init containers and the pods of Jobs and CronJobs run to completion, so they are
 * not looked at.
 */
final class ProbesCheck extends ContainerCheck {
    static final String ID = "manifest.probes";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Containers have readiness and liveness probes";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.WARNING;
    }

    @Override
    boolean appliesTo(Resource resource) {
        return !PodTemplate.runsToCompletion(resource);
    }

    @Override
    boolean includesInitContainers() {
        return false;
    }

    @Override
    void inspect(Resource resource, PodTemplate pod, Container container, Findings findings) {
        List<String> missing = new ArrayList<>();
        for (String probe : List.of("readinessProbe", "livenessProbe")) {
            if (container.json().optJSONObject(probe) == null) {
                missing.add(probe);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        findings.add(resource, container.tokens(), container.keyPart(),
                resource.displayName() + ": " + container.describe() + " has no " + String.join(" and no ", missing),
                "add to " + container.describe() + " " + String.join(" and ", missing)
                        + ", for example readinessProbe: {httpGet: {path: /healthz, port: 8080}}"
                        + " (tcpSocket or exec for a service without HTTP)");
    }

    @Override
    public String passMessage(int looked) {
        return containers(looked) + ": every long-running one has a readiness and a liveness probe";
    }

    @Override
    public CheckDescription.Explanation explanation() {
        return new CheckDescription.Explanation(
                "every container of long-running workloads (not Jobs and CronJobs): a readinessProbe and a"
                        + " livenessProbe",
                "without a readiness probe traffic reaches pods before they can serve; without a liveness probe a"
                        + " hung process is never restarted",
                "readinessProbe: {httpGet: {path: /healthz, port: 8080}} and a livenessProbe (tcpSocket or exec"
                        + " without HTTP)");
    }
}
