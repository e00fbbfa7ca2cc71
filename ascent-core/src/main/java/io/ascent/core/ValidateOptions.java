package io.ascent.core;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What to validate.
 *
 * @param directory         the application directory
 * @param checklist         the checklist file, when not the application directory's {@code ascent.yaml}
 * @param kubernetesVersion a target Kubernetes version overriding the checklist's
 * @param noGit             {@code --no-git}: scan the files on disk instead of the git HEAD tree
 * @param repository        {@code --repository URL}: clone this repository and validate {@code directory} inside it
 * @param ref               {@code --ref REF}: the branch or tag to clone; the remote's default branch when empty
 */
public record ValidateOptions(Path directory, Optional<Path> checklist, Optional<String> kubernetesVersion,
        boolean noGit, Optional<String> repository, Optional<String> ref) {

    public ValidateOptions {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(checklist, "checklist");
        Objects.requireNonNull(kubernetesVersion, "kubernetesVersion");
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(ref, "ref");
    }

    /** Options for a local directory read from git. */
    public ValidateOptions(Path directory, Optional<Path> checklist, Optional<String> kubernetesVersion) {
        this(directory, checklist, kubernetesVersion, false, Optional.empty(), Optional.empty());
    }

    public static ValidateOptions of(Path directory) {
        return new ValidateOptions(directory, Optional.empty(), Optional.empty());
    }

    /** These options with {@code --no-git}. */
    public ValidateOptions withNoGit(boolean noGit) {
        return new ValidateOptions(directory, checklist, kubernetesVersion, noGit, repository, ref);
    }

    /** These options with {@code --repository URL --ref REF}; {@code directory} is then a path inside the clone. */
    public ValidateOptions withRepository(String url, Optional<String> ref) {
        return new ValidateOptions(directory, checklist, kubernetesVersion, noGit, Optional.of(url), ref);
    }

    /** These options for another directory (the application directory inside a clone), read from git. */
    public ValidateOptions withDirectory(Path directory) {
        return new ValidateOptions(directory, checklist, kubernetesVersion, noGit, Optional.empty(), Optional.empty());
    }
}
