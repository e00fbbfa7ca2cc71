package io.ascent.core.manifest.check;

import io.ascent.core.manifest.PodTemplate;
import io.ascent.core.manifest.PodTemplate.Container;
import io.ascent.core.manifest.Resource;
import io.ascent.core.report.CheckDescription;
import io.ascent.core.report.Severity;

/**
 * Every container names its image with a fixed tag or a digest: without a tag, or with {@code latest}, what runs
 * changes whenever someone pushes, and a rollback cannot restore it.
 */
final class ImageTagCheck extends ContainerCheck {
    static final String ID = "manifest.image-tag";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Images are pinned to a tag or digest";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    void inspect(Resource resource, PodTemplate pod, Container container, Findings findings) {
        Object image = container.json().opt("image");
        if (!(image instanceof String reference) || reference.isBlank()) {
            findings.add(resource, container.tokens(), container.keyPart(),
                    resource.displayName() + ": " + container.describe() + " names no image",
                    "set image on " + container.describe() + " to a pinned reference such as nginx:1.27.3");
            return;
        }
        String tag = tagOf(reference);
        if (tag != null && !tag.equals("latest")) {
            return;
        }
        boolean digest = reference.contains("@");
        if (digest) {
            return;
        }
        String problem = tag == null ? "has no tag, so it means ':latest'" : "uses the tag 'latest'";
        findings.add(resource, container.tokensOf("image"), container.keyPart(),
                resource.displayName() + ": image '" + reference + "' of " + container.describe() + " " + problem,
                "write image: " + repository(reference) + ":<version> (a release tag such as 1.27.3) or "
                        + repository(reference) + "@sha256:<digest>");
    }

    /** The tag of {@code registry:5000/team/app:1.2@sha256:...}, or {@code null} when it has none. */
    static String tagOf(String reference) {
        String name = reference.contains("@") ? reference.substring(0, reference.indexOf('@')) : reference;
        int colon = name.lastIndexOf(':');
        // A colon before the last slash belongs to a registry port (localhost:5000/app), not to a tag.
        return colon > name.lastIndexOf('/') ? name.substring(colon + 1) : null;
    }

    private static String repository(String reference) {
        String name = reference.contains("@") ? reference.substring(0, reference.indexOf('@')) : reference;
        return tagOf(name) == null ? name : name.substring(0, name.lastIndexOf(':'));
    }

    @Override
    public String passMessage(int looked) {
        return containers(looked) + ": every image is pinned to a tag other than latest, or to a digest";
    }

    @Override
    public CheckDescription.Explanation explanation() {
        return new CheckDescription.Explanation(
                "every container's image: present, with a tag other than latest, or a digest",
                "latest or no tag deploys whatever was pushed last, so a rollout or a node restart can change the"
                        + " running code",
                "image: nginx:1.27.3 or image: nginx@sha256:<digest>");
    }
}
