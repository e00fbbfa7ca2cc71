package io.ascent.core.validation;

import io.ascent.core.checklist.Checklist;
import io.ascent.core.workspace.Workspace;
import java.time.LocalDate;
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
 */
public record ValidationContext(
        Workspace workspace,
        Checklist checklist,
        Optional<String> kubernetesVersion,
        LocalDate today,
        boolean noGit,
        boolean continuousIntegration) {

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
