package io.ascent.core.manifest.check;

import io.ascent.core.manifest.PodTemplate;
import io.ascent.core.manifest.PodTemplate.Container;
import io.ascent.core.manifest.Resource;
import io.ascent.core.report.CheckDescription;
import io.ascent.core.report.Severity;
import org.json.JSONObject;

/**
 * Every container is known not to run as root: {@code runAsNonRoot: true} (the kubelet then refuses to start a
 * root image) or a non-zero {@code runAsUser}, on the container or inherited from the pod. A container's own
 * setting wins over the pod's, as in Kubernetes.
 */
final class RunAsNonRootCheck extends ContainerCheck {
    static final String ID = "manifest.run-as-non-root";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Containers run as a non-root user";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    void inspect(Resource resource, PodTemplate pod, Container container, Findings findings) {
        JSONObject own = container.securityContext();
        JSONObject inherited = pod.securityContext();
        Object nonRoot = own.has("runAsNonRoot") ? own.opt("runAsNonRoot") : inherited.opt("runAsNonRoot");
        Object user = own.has("runAsUser") ? own.opt("runAsUser") : inherited.opt("runAsUser");
        boolean root = user instanceof Number n && n.longValue() == 0;
        boolean nonRootUser = user instanceof Number n && n.longValue() > 0;
        if (!root && (Boolean.TRUE.equals(nonRoot) || (nonRootUser && !Boolean.FALSE.equals(nonRoot)))) {
            return;
        }
        String why = root ? "runs as root (runAsUser: 0)"
                : Boolean.FALSE.equals(nonRoot) ? "sets runAsNonRoot: false"
                : "may run as root: neither it nor its pod sets runAsNonRoot: true or a non-zero runAsUser";
        java.util.List<String> at = own.isEmpty() ? container.tokens() : container.tokensOf("securityContext");
        findings.add(resource, at, container.keyPart(),
                resource.displayName() + ": " + container.describe() + " " + why,
                "set securityContext: {runAsNonRoot: true, runAsUser: 10001} on the pod spec or on "
                        + container.describe() + " (any non-zero user id the image supports)");
    }

    @Override
    public String passMessage(int looked) {
        return containers(looked) + ": every one runs as a non-root user";
    }

    @Override
    public CheckDescription.Explanation explanation() {
        return new CheckDescription.Explanation(
                "every container's effective security context (its own, else the pod's): runAsNonRoot: true, or a"
                        + " non-zero runAsUser",
                "a process running as root inside a container turns any escape or mounted host path into root on the"
                        + " node",
                "securityContext: {runAsNonRoot: true, runAsUser: 10001} on the pod spec or the container");
    }
}
