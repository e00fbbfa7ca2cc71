package io.ascent.core.validation;

import io.ascent.core.checklist.Checklist;
import io.ascent.core.workspace.Workspace;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What every validation step sees. Progress and log lines go to the step's sink, not here.
 *
 * @param workspace         the repository and application directory
 * @param checklist         the loaded, valid checklist
 * @param kubernetesVersion the target Kubernetes version: the command line's, else the checklist's, if any
 * @param today             the date waivers are judged on
 * @param noGit             {@code --no-git}: read the files on disk instead of the git HEAD tree
 * @param continuousIntegration whether this is a CI build, where an uncommitted checklist fails instead of warning
 * @param kindMounts        folders outside the repository the operator allows the kind configuration to mount host
 *                          paths from ({@code --kind-mount}, {@code ASCENT_KIND_MOUNTS}); never the repository's
 * @param kindNodeImages    node image repositories the operator accepts besides kind's own (added to
 *                          {@code ASCENT_KIND_NODE_IMAGES}); never the repository's
 */
public record ValidationContext(
        Workspace workspace,
        Checklist checklist,
        Optional<String> kubernetesVersion,
        LocalDate today,
        boolean noGit,
        boolean continuousIntegration,
        List<Path> kindMounts,
        List<String> kindNodeImages) {

    public ValidationContext {
        kindMounts = List.copyOf(kindMounts);
        kindNodeImages = List.copyOf(kindNodeImages);
    }

    /** A context with the operator's kind mount folders and no further node image repositories. */
    public ValidationContext(Workspace workspace, Checklist checklist, Optional<String> kubernetesVersion,
            LocalDate today, boolean noGit, boolean continuousIntegration, List<Path> kindMounts) {
        this(workspace, checklist, kubernetesVersion, today, noGit, continuousIntegration, kindMounts, List.of());
    }

    /** A context whose kind configuration may mount host paths from inside the repository only. */
    public ValidationContext(Workspace workspace, Checklist checklist, Optional<String> kubernetesVersion,
            LocalDate today, boolean noGit, boolean continuousIntegration) {
        this(workspace, checklist, kubernetesVersion, today, noGit, continuousIntegration, List.of());
    }

    /** A context for a CI build. */
    public ValidationContext(Workspace workspace, Checklist checklist, Optional<String> kubernetesVersion,
            LocalDate today, boolean noGit) {
        this(workspace, checklist, kubernetesVersion, today, noGit, true);
    }

    /** A context that reads the git HEAD tree. */
    public ValidationContext(Workspace workspace, Checklist checklist, Optional<String> kubernetesVersion,
            LocalDate today) {
        this(workspace, checklist, kubernetesVersion, today, false);
    }
}
