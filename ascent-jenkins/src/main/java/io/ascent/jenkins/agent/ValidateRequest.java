package io.ascent.jenkins.agent;

import io.ascent.core.network.UrlAllowList;
import io.ascent.core.report.render.Format;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * What {@code ascentValidate} asks the agent to do, with every default already resolved on the controller. Crosses the
 * remoting channel, so it holds only serializable values; paths are relative to the workspace.
 *
 * @param directory         the application directory
 * @param checklist         the checklist relative to {@code directory}, or empty for its {@code ascent.yaml}
 * @param kubernetesVersion the target Kubernetes version, or empty for the checklist's
 * @param reports           the folder the report files are written to
 * @param formats           the report files to write
 * @param allowedUrls       where remote schemas may be fetched from, as the Jenkins administrator allows (the
 *                          agent's own {@code ASCENT_ALLOWED_URLS} adds to it); never from the Pipeline
 * @param kindMounts        folders outside the workspace a kind configuration may mount, from the administrator's
 *                          global configuration (the agent's own {@code ASCENT_KIND_MOUNTS} adds to them), so that
 *                          {@code ascentValidate} judges the kind host policy as {@code ascentProvision} does
 * @param kindNodeImages    node image repositories the administrator accepts besides kind's own (the agent's own
 *                          {@code ASCENT_KIND_NODE_IMAGES} adds to them), for the node image policy
 */
public record ValidateRequest(String directory, String checklist, String kubernetesVersion, String reports,
        List<Format> formats, UrlAllowList allowedUrls, List<String> kindMounts, List<String> kindNodeImages)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public ValidateRequest {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(checklist, "checklist");
        Objects.requireNonNull(kubernetesVersion, "kubernetesVersion");
        Objects.requireNonNull(reports, "reports");
        formats = List.copyOf(formats);
        Objects.requireNonNull(allowedUrls, "allowedUrls");
        kindMounts = List.copyOf(kindMounts);
        kindNodeImages = List.copyOf(kindNodeImages);
    }

    /** A request without operator mount folders (only the agent's own {@code ASCENT_KIND_MOUNTS}). */
    public ValidateRequest(String directory, String checklist, String kubernetesVersion, String reports,
            List<Format> formats, UrlAllowList allowedUrls) {
        this(directory, checklist, kubernetesVersion, reports, formats, allowedUrls, List.of(), List.of());
    }
}
