package io.ascent.core;

import io.ascent.core.repo.RemoteCheckout;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What to validate: an immutable, {@link Serializable} value (a Jenkins controller builds it and sends it to the
 * agent that runs the engine), made with {@link #builder(Path)}:
 * <pre>{@code
 * ValidateOptions.builder(dir).checklist(p).kubernetesVersion("1.31").noGit(true).build()
 * }</pre>
 * Paths are kept as text, since {@link Path} is not serializable, and resolved on the machine that runs the
 * engine.
 */
public final class ValidateOptions implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String directory;
    private final String checklist;
    private final String kubernetesVersion;
    private final boolean noGit;
    private final String repository;
    private final String ref;
    private final boolean noBaseline;
    private final boolean excerpts;
    private final List<String> kindMounts;
    private final List<String> kindNodeImages;

    private ValidateOptions(Builder builder) {
        this.directory = builder.directory.toString();
        this.checklist = builder.checklist == null ? null : builder.checklist.toString();
        this.kubernetesVersion = builder.kubernetesVersion;
        this.noGit = builder.noGit;
        this.repository = builder.repository;
        this.ref = builder.ref;
        this.noBaseline = builder.noBaseline;
        this.excerpts = builder.excerpts;
        this.kindMounts = List.copyOf(builder.kindMounts);
        this.kindNodeImages = List.copyOf(builder.kindNodeImages);
    }

    /** Options for {@code directory} read from git; then set what differs from the defaults. */
    public static Builder builder(Path directory) {
        return new Builder(directory);
    }

    /** Options for a local directory read from git, with nothing else set. */
    public static ValidateOptions of(Path directory) {
        return builder(directory).build();
    }

    /** Options for a local directory read from git, with a checklist file and target version if present. */
    public ValidateOptions(Path directory, Optional<Path> checklist, Optional<String> kubernetesVersion) {
        this(builder(directory).checklist(checklist.orElse(null)).kubernetesVersion(kubernetesVersion.orElse(null)));
    }

    /** The application directory; with {@link #repository()} a path inside the clone. */
    public Path directory() {
        return Path.of(directory);
    }

    /** The checklist file, when not the application directory's {@code ascent.yaml}. */
    public Optional<Path> checklist() {
        return Optional.ofNullable(checklist).map(Path::of);
    }

    /** A target Kubernetes version overriding the checklist's. */
    public Optional<String> kubernetesVersion() {
        return Optional.ofNullable(kubernetesVersion);
    }

    /** {@code --no-git}: scan the files on disk instead of the git HEAD tree. */
    public boolean noGit() {
        return noGit;
    }

    /** {@code --repository URL}: clone this repository and validate {@link #directory()} inside it. */
    public Optional<String> repository() {
        return Optional.ofNullable(repository);
    }

    /** {@code --ref REF}: the branch or tag to clone; the remote's default branch when empty. */
    public Optional<String> ref() {
        return Optional.ofNullable(ref);
    }

    /** {@code --no-baseline}: judge every finding, ignoring the committed baseline file. */
    public boolean noBaseline() {
        return noBaseline;
    }

    /**
     * Whether the report keeps the source lines around each finding ({@code Report#excerpts()}), for the HTML report
     * and the Jenkins report page; off by default, since other formats do not show them.
     */
    public boolean excerpts() {
        return excerpts;
    }

    /**
     * Folders outside the repository the checklist's kind configuration may mount host paths from
     * ({@code --kind-mount}, {@code ASCENT_KIND_MOUNTS}): the operator's escape hatch from the host policy, which
     * validate judges as provision does; empty by default, only folders inside the repository.
     */
    public List<Path> kindMounts() {
        // null when read from options serialized by an engine that had no such field
        return kindMounts == null ? List.of() : kindMounts.stream().map(Path::of).toList();
    }

    /**
     * Node image repositories accepted besides kind's own for {@code provision.cluster.nodeImage}, added to those of
     * {@code ASCENT_KIND_NODE_IMAGES}: the operator's (the Jenkins plugin's global configuration); empty by default.
     */
    public List<String> kindNodeImages() {
        // null when read from options serialized by an engine that had no such field
        return kindNodeImages == null ? List.of() : kindNodeImages;
    }

    /** A builder holding these options. */
    public Builder toBuilder() {
        return builder(directory()).checklist(checklist().orElse(null)).kubernetesVersion(kubernetesVersion)
                .noGit(noGit).repository(repository).ref(ref).noBaseline(noBaseline).excerpts(excerpts)
                .kindMounts(kindMounts()).kindNodeImages(kindNodeImages());
    }

    /** These options with {@code --no-git}. */
    public ValidateOptions withNoGit(boolean noGit) {
        return toBuilder().noGit(noGit).build();
    }

    /** These options with {@code --repository URL --ref REF}; {@code directory} is then a path inside the clone. */
    public ValidateOptions withRepository(String url, Optional<String> ref) {
        return toBuilder().repository(url).ref(ref.orElse(null)).build();
    }

    /** These options for another directory (the application directory inside a clone), read from git. */
    public ValidateOptions withDirectory(Path directory) {
        return toBuilder().directory(directory).repository(null).ref(null).build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ValidateOptions other && other.directory.equals(directory)
                && Objects.equals(other.checklist, checklist)
                && Objects.equals(other.kubernetesVersion, kubernetesVersion) && other.noGit == noGit
                && Objects.equals(other.repository, repository) && Objects.equals(other.ref, ref)
                && other.noBaseline == noBaseline && other.excerpts == excerpts
                && other.kindMounts().equals(kindMounts()) && other.kindNodeImages().equals(kindNodeImages());
    }

    @Override
    public int hashCode() {
        return Objects.hash(directory, checklist, kubernetesVersion, noGit, repository, ref, noBaseline, excerpts,
                kindMounts(), kindNodeImages());
    }

    /** The options as text, with any credentials in the repository URL masked. */
    @Override
    public String toString() {
        return "ValidateOptions[directory=" + directory + (checklist == null ? "" : ", checklist=" + checklist)
                + (kubernetesVersion == null ? "" : ", kubernetesVersion=" + kubernetesVersion)
                + (noGit ? ", noGit" : "")
                + (repository == null ? "" : ", repository=" + RemoteCheckout.withoutCredentials(repository))
                + (ref == null ? "" : ", ref=" + ref) + (noBaseline ? ", noBaseline" : "")
                + (excerpts ? ", excerpts" : "") + (kindMounts().isEmpty() ? "" : ", kindMounts=" + kindMounts())
                + (kindNodeImages().isEmpty() ? "" : ", kindNodeImages=" + kindNodeImages()) + "]";
    }

    /** Builds {@link ValidateOptions}; {@code null} clears an optional value. */
    public static final class Builder {
        private Path directory;
        private Path checklist;
        private String kubernetesVersion;
        private boolean noGit;
        private String repository;
        private String ref;
        private boolean noBaseline;
        private boolean excerpts;
        private List<String> kindMounts = List.of();
        private List<String> kindNodeImages = List.of();

        private Builder(Path directory) {
            directory(directory);
        }

        public Builder directory(Path directory) {
            this.directory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        public Builder checklist(Path checklist) {
            this.checklist = checklist;
            return this;
        }

        public Builder kubernetesVersion(String version) {
            this.kubernetesVersion = version;
            return this;
        }

        public Builder noGit(boolean noGit) {
            this.noGit = noGit;
            return this;
        }

        /** Clone {@code url} and validate the directory inside it. */
        public Builder repository(String url) {
            this.repository = url;
            return this;
        }

        public Builder ref(String ref) {
            this.ref = ref;
            return this;
        }

        /** Ignore the committed baseline: every finding is judged as new. */
        public Builder noBaseline(boolean noBaseline) {
            this.noBaseline = noBaseline;
            return this;
        }

        /** Keep the source lines around each finding in the report (HTML report, Jenkins report page). */
        public Builder excerpts(boolean excerpts) {
            this.excerpts = excerpts;
            return this;
        }

        /** Folders outside the repository kind configurations may mount from; the operator's choice. */
        public Builder kindMounts(List<Path> folders) {
            this.kindMounts = folders == null ? List.of() : folders.stream().map(Path::toString).toList();
            return this;
        }

        /** Node image repositories accepted besides kind's own; the operator's choice. */
        public Builder kindNodeImages(List<String> repositories) {
            this.kindNodeImages = repositories == null ? List.of() : List.copyOf(repositories);
            return this;
        }

        public ValidateOptions build() {
            return new ValidateOptions(this);
        }
    }
}
