package io.ascent.core.manifest.check;

import io.ascent.core.manifest.PodTemplate;
import io.ascent.core.manifest.PodTemplate.Container;
import io.ascent.core.manifest.Resource;
import io.ascent.core.report.CheckDescription;
import io.ascent.core.report.Severity;

/** No container is privileged: a privileged container has every capability and the host's devices. */
final class PrivilegedCheck extends ContainerCheck {
    static final String ID = "manifest.privileged";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "No container is privileged";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    void inspect(Resource resource, PodTemplate pod, Container container, Findings findings) {
        if (Boolean.TRUE.equals(container.securityContext().opt("privileged"))) {
            findings.add(resource, container.tokensOf("securityContext", "privileged"), container.keyPart(),
                    resource.displayName() + ": " + container.describe() + " is privileged",
                    "remove privileged: true from " + container.describe()
                            + "; add only the capabilities it needs under securityContext.capabilities.add");
        }
    }

    @Override
    public String passMessage(int looked) {
        return containers(looked) + ": none is privileged";
    }

    @Override
    public CheckDescription.Explanation explanation() {
        return new CheckDescription.Explanation(
                "every container's securityContext.privileged",
                "a privileged container has every capability and the host's devices: it is root on the node",
                "remove privileged: true; add only the capabilities needed under securityContext.capabilities.add");
    }
}
