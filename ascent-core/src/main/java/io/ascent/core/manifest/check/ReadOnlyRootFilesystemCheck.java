package io.ascent.core.manifest.check;

import io.ascent.core.manifest.PodTemplate;
import io.ascent.core.manifest.PodTemplate.Container;
import io.ascent.core.manifest.Resource;
import io.ascent.core.report.CheckDescription;
import io.ascent.core.report.Severity;

/** Every container mounts its root file system read-only, so an intruder cannot change the image's files. */
final class ReadOnlyRootFilesystemCheck extends ContainerCheck {
    static final String ID = "manifest.read-only-root-filesystem";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Containers have a read-only root file system";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.WARNING;
    }

    @Override
    void inspect(Resource resource, PodTemplate pod, Container container, Findings findings) {
        if (Boolean.TRUE.equals(container.securityContext().opt("readOnlyRootFilesystem"))) {
            return;
        }
        boolean hasContext = container.json().optJSONObject("securityContext") != null;
        findings.add(resource, hasContext ? container.tokensOf("securityContext") : container.tokens(),
                container.keyPart(),
                resource.displayName() + ": " + container.describe() + " can write to its root file system",
                "set securityContext.readOnlyRootFilesystem: true on " + container.describe()
                        + " and mount an emptyDir volume where it must write (such as /tmp)");
    }

    @Override
    public String passMessage(int looked) {
        return containers(looked) + ": every one has a read-only root file system";
    }

    @Override
    public CheckDescription.Explanation explanation() {
        return new CheckDescription.Explanation(
                "every container's securityContext.readOnlyRootFilesystem",
                "a writable root file system lets an intruder replace binaries and hides state that a restart should"
                        + " clear",
                "securityContext: {readOnlyRootFilesystem: true} and an emptyDir volume where the container must"
                        + " write (such as /tmp)");
    }
}
