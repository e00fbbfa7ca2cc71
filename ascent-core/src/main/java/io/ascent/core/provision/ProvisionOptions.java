package io.ascent.core.provision;

import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code ascent provision} (or the Jenkins step on an agent) asks for. Everything unset falls back to the
 * checklist's {@code provision} section. Serializable: the plugin builds it on the controller and runs it on the
 * agent, so paths are kept as strings.
 */
public final class ProvisionOptions implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String directory;
    private final String checklist;
    private final String driver;
    private final String kubeconfig;
    private final String context;
    private final String kubernetesVersion;
    private final Keep keep;
    private final Duration timeout;
    private final boolean dryRun;
    private final boolean noGit;
    private final String workDirectory;
    private final String kind;
    private final boolean excerpts;
    private final List<String> kindMounts;
    private final List<String> kindNodeImages;
    private final List<String> tests;

    private ProvisionOptions(Builder b) {
        this.directory = Objects.requireNonNull(b.directory, "directory");
        this.checklist = b.checklist;
        this.driver = b.driver;
        this.kubeconfig = b.kubeconfig;
        this.context = b.context;
        this.kubernetesVersion = b.kubernetesVersion;
        this.keep = b.keep;
        this.timeout = b.timeout;
        this.dryRun = b.dryRun;
        this.noGit = b.noGit;
        this.workDirectory = b.workDirectory;
        this.kind = b.kind;
        this.excerpts = b.excerpts;
        this.kindMounts = List.copyOf(b.kindMounts);
        this.kindNodeImages = List.copyOf(b.kindNodeImages);
        this.tests = List.copyOf(b.tests);
    }

    public static Builder builder(Path directory) {
        return new Builder(directory);
    }

    public Path directory() {
        return Path.of(directory);
    }

    /** The checklist file, when not the directory's {@code ascent.yaml}. */
    public Optional<Path> checklist() {
        return Optional.ofNullable(checklist).map(Path::of);
    }

    /** {@code kind} or {@code existing}; empty: the checklist's {@code provision.cluster.driver}. */
    public Optional<String> driver() {
        return Optional.ofNullable(driver);
    }

    public Optional<Path> kubeconfig() {
        return Optional.ofNullable(kubeconfig).map(Path::of);
    }

    /** The kubeconfig context; empty: the checklist's {@code provision.cluster.context}, else the current one. */
    public Optional<String> context() {
        return Optional.ofNullable(context);
    }

    /** Overrides the checklist's target (and the kind cluster's) Kubernetes version. */
    public Optional<String> kubernetesVersion() {
        return Optional.ofNullable(kubernetesVersion);
    }

    /** Empty: from the checklist's {@code provision.teardown}. */
    public Optional<Keep> keep() {
        return Optional.ofNullable(keep);
    }

    /** How long the rollout may take; empty: the checklist's {@code provision.deploy.timeout}. */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    /** Print the plan and touch nothing. */
    public boolean dryRun() {
        return dryRun;
    }

    /** Validate the files on disk instead of the git HEAD tree. */
    public boolean noGit() {
        return noGit;
    }

    /** A folder for the run's files (a kind cluster's kubeconfig); empty: a temporary folder. */
    public Optional<Path> workDirectory() {
        return Optional.ofNullable(workDirectory).map(Path::of);
    }

    /** The kind executable the kind driver runs; {@code kind} on the PATH unless set (a Jenkins agent's may differ). */
    public String kind() {
        return kind == null ? ClusterDrivers.KIND : kind;
    }

    /**
     * The kind executable when the caller named one ({@code --kind}, the plugin's configuration); empty: the
     * {@code ASCENT_KIND} environment variable, else {@code kind} on the PATH.
     */
    public Optional<String> kindExecutable() {
        return Optional.ofNullable(kind);
    }

    /**
     * Whether the report keeps the source lines around each finding located in the repository
     * ({@code Report#excerpts()}), for the HTML report and the Jenkins page, as validate's does.
     */
    public boolean excerpts() {
        return excerpts;
    }

    /**
     * Folders outside the repository a kind configuration may mount host paths from ({@code --kind-mount},
     * {@code ASCENT_KIND_MOUNTS}): the operator's escape hatch for a shared cache; empty by default, and never read
     * from the repository.
     */
    public List<Path> kindMounts() {
        return kindMounts.stream().map(Path::of).toList();
    }

    /**
     * Node image repositories accepted besides kind's own ({@code NodeImagePolicy}), added to those of the
     * {@code ASCENT_KIND_NODE_IMAGES} environment variable: the operator's (the Jenkins plugin's global
     * configuration); empty by default, and never read from the repository.
     */
    public List<String> kindNodeImages() {
        return kindNodeImages;
    }

    /**
     * The names of the smoke tests to run ({@code --test}); empty for all of them. The others are SKIP items that
     * say so. A name the checklist has no test of is bad input, found before anything is created.
     */
    public List<String> tests() {
        return tests;
    }

    /** Builds {@link ProvisionOptions}; everything but the directory is optional. */
    public static final class Builder {
        private final String directory;
        private String checklist;
        private String driver;
        private String kubeconfig;
        private String context;
        private String kubernetesVersion;
        private Keep keep;
        private Duration timeout;
        private boolean dryRun;
        private boolean noGit;
        private String workDirectory;
        private String kind;
        private boolean excerpts;
        private List<String> kindMounts = List.of();
        private List<String> kindNodeImages = List.of();
        private List<String> tests = List.of();

        private Builder(Path directory) {
            this.directory = directory.toString();
        }

        public Builder checklist(Path checklist) {
            this.checklist = checklist == null ? null : checklist.toString();
            return this;
        }

        public Builder driver(String driver) {
            this.driver = driver;
            return this;
        }

        public Builder kubeconfig(Path kubeconfig) {
            this.kubeconfig = kubeconfig == null ? null : kubeconfig.toString();
            return this;
        }

        public Builder context(String context) {
            this.context = context;
            return this;
        }

        public Builder kubernetesVersion(String version) {
            this.kubernetesVersion = version;
            return this;
        }

        public Builder keep(Keep keep) {
            this.keep = keep;
            return this;
        }

        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        public Builder dryRun(boolean dryRun) {
            this.dryRun = dryRun;
            return this;
        }

        public Builder noGit(boolean noGit) {
            this.noGit = noGit;
            return this;
        }

        public Builder workDirectory(Path workDirectory) {
            this.workDirectory = workDirectory == null ? null : workDirectory.toString();
            return this;
        }

        /** The kind executable; null or blank: {@code kind} on the PATH. */
        public Builder kind(String executable) {
            this.kind = executable == null || executable.isBlank() ? null : executable.trim();
            return this;
        }

        public Builder excerpts(boolean excerpts) {
            this.excerpts = excerpts;
            return this;
        }

        /** Folders outside the repository kind configurations may mount from; the operator's choice. */
        public Builder kindMounts(List<Path> folders) {
            this.kindMounts = folders == null ? List.of() : folders.stream().map(Path::toString).toList();
            return this;
        }

        /** Node image repositories accepted besides kind's own, with those of the environment; the operator's. */
        public Builder kindNodeImages(List<String> repositories) {
            this.kindNodeImages = repositories == null ? List.of() : List.copyOf(repositories);
            return this;
        }

        /** The smoke tests to run, by name; empty or null for all of them. */
        public Builder tests(List<String> names) {
            this.tests = names == null ? List.of() : List.copyOf(names);
            return this;
        }

        public ProvisionOptions build() {
            return new ProvisionOptions(this);
        }
    }
}
