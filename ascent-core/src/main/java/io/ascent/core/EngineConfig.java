package io.ascent.core;

import io.ascent.core.manifest.schema.CachingHttpFetcher;
import io.ascent.core.manifest.schema.SchemaFetcher;
import io.ascent.core.network.UrlAllowList;
import io.ascent.core.repo.GitCredentials;
import io.ascent.core.validation.RunBudget;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How the engine runs, as opposed to what it checks ({@link ValidateOptions}): where it caches, how it fetches
 * remote schemas, how many threads it uses, its clock. Set per {@link Ascent} instance, so builds sharing one JVM
 * (a Jenkins agent) each have their own; nothing here is JVM-wide. Built on the machine that runs the engine, so
 * it is not serializable.
 */
public final class EngineConfig {
    private final Path cacheDirectory;
    private final SchemaFetcher schemaFetcher;
    private final int threads;
    private final Clock clock;
    private final Duration networkTimeout;
    private final Path temporaryDirectory;
    private final UrlAllowList allowedUrls;
    private final Duration timeLimit;
    private final boolean continuousIntegration;
    private final Optional<GitCredentials> gitCredentials;
    private final Map<String, String> environment;

    private EngineConfig(Builder builder) {
        this.cacheDirectory = builder.cacheDirectory;
        this.networkTimeout = builder.networkTimeout;
        this.allowedUrls = builder.allowedUrls;
        // One fetcher per configuration: a server found dead is not asked again for the next kind.
        this.schemaFetcher = builder.schemaFetcher != null ? builder.schemaFetcher
                : new CachingHttpFetcher(cacheDirectory.resolve("schemas"), networkTimeout, allowedUrls,
                        CachingHttpFetcher.DEFAULT_CACHE_BYTES, builder.environment);
        this.threads = builder.threads;
        this.clock = builder.clock;
        this.temporaryDirectory = builder.temporaryDirectory;
        this.timeLimit = builder.timeLimit;
        this.continuousIntegration = builder.continuousIntegration;
        this.gitCredentials = Optional.ofNullable(builder.gitCredentials);
        this.environment = builder.environment;
    }

    /**
     * The defaults for this process, the command line's: {@link #fromEnvironment(Map)} of the JVM's environment. A
     * Jenkins agent runs builds with their own environments and uses {@link #fromEnvironment(Map)} with the build's.
     */
    public static EngineConfig defaults() {
        // Deliberately the JVM's: the CLI's entry, where the process's environment is the run's.
        return fromEnvironment(System.getenv());
    }

    /**
     * The defaults for an environment: the cache in {@code $XDG_CACHE_HOME/ascent}, else {@code ~/.cache/ascent};
     * the URLs {@value UrlAllowList#ENVIRONMENT_VARIABLE} allows; the time limit from {@code ASCENT_TIME_LIMIT}
     * ({@code 90s}, {@code 10m}, {@code 1h}, {@code PT10M}).
     *
     * @throws IllegalArgumentException when {@value UrlAllowList#ENVIRONMENT_VARIABLE} holds something that is no
     *                                  URL prefix, or {@code ASCENT_TIME_LIMIT} no positive duration (a usage error
     *                                  of the operator's; the message starts with the variable's name)
     */
    public static EngineConfig fromEnvironment(Map<String, String> environment) {
        return builderFromEnvironment(environment).build();
    }

    /** A builder holding {@link #fromEnvironment}'s values, for the command line to add its options to. */
    public static Builder builderFromEnvironment(Map<String, String> environment) {
        String xdg = environment.get("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        Builder builder = builder().environment(environment).cacheDirectory(base.resolve("ascent"))
                .allowedUrls(UrlAllowList.fromEnvironment(environment))
                .continuousIntegration(isContinuousIntegration(environment))
                .gitCredentials(GitCredentials.fromEnvironment(environment).orElse(null));
        String limit = environment.get(TIME_LIMIT_VARIABLE);
        if (limit != null && !limit.isBlank()) {
            try {
                builder.timeLimit(RunBudget.parse(limit));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(TIME_LIMIT_VARIABLE + ": " + e.getMessage(), e);
            }
        }
        return builder;
    }

    /**
     * Whether the environment is a CI build: {@code CI} set to anything but empty, {@code false} or {@code 0} (GitHub
     * Actions, GitLab CI and most others set {@code CI=true}), or Jenkins' {@code JENKINS_URL} or
     * {@code BUILD_NUMBER} set.
     */
    public static boolean isContinuousIntegration(Map<String, String> environment) {
        String ci = environment.getOrDefault("CI", "").strip();
        return !ci.isEmpty() && !ci.equalsIgnoreCase("false") && !ci.equals("0")
                || !environment.getOrDefault("JENKINS_URL", "").isBlank()
                || !environment.getOrDefault("BUILD_NUMBER", "").isBlank();
    }

    /** The environment variable an operator sets the run's time limit with. */
    public static final String TIME_LIMIT_VARIABLE = "ASCENT_TIME_LIMIT";

    public static Builder builder() {
        return new Builder();
    }

    /** Ascent's cache folder; remote schemas are kept in its {@code schemas} folder. */
    public Path cacheDirectory() {
        return cacheDirectory;
    }

    /**
     * The URL prefixes the operator allows remote schema locations to be fetched from (none by default; see
     * docs/security.md). A checklist alone never opens the network.
     */
    public UrlAllowList allowedUrls() {
        return allowedUrls;
    }

    /**
     * Fetches {@code http(s)} schema locations; by default a caching HTTP client over {@link #cacheDirectory()}
     * that asks only {@link #allowedUrls()}.
     */
    public SchemaFetcher schemaFetcher() {
        return schemaFetcher;
    }

    /** Threads a step may use for parallel work (parsing manifests); at least 1. */
    public int threads() {
        return threads;
    }

    /** The clock waivers are judged by and phases are timed with. */
    public Clock clock() {
        return clock;
    }

    /** How long a network operation (a schema fetch, a clone's read) may wait for an answer. */
    public Duration networkTimeout() {
        return networkTimeout;
    }

    /** Where temporary folders (a {@code --repository} clone) are made. */
    public Path temporaryDirectory() {
        return temporaryDirectory;
    }

    /**
     * How long one run may take in all ({@link RunBudget}): {@code ASCENT_TIME_LIMIT} in the environment, else
     * {@link RunBudget#DEFAULT}. The repository decides how much work a run has, so the operator bounds it.
     */
    public Duration timeLimit() {
        return timeLimit;
    }

    /**
     * Whether the run is a CI build, where a checklist edited but not committed fails ({@code repo.checklist-committed});
     * on a workstation it only warns, so that an edit can be tried. {@link #isContinuousIntegration} for
     * {@link #fromEnvironment}; {@code true} unless set otherwise, as in the Jenkins plugin.
     */
    public boolean continuousIntegration() {
        return continuousIntegration;
    }

    /**
     * What a {@code --repository} clone authenticates with ({@value GitCredentials#SECRET_VARIABLE} in
     * {@link #fromEnvironment}), or empty. Never printed.
     */
    public Optional<GitCredentials> gitCredentials() {
        return gitCredentials;
    }

    /**
     * The environment the run sees, in place of the JVM's: where the kubeconfig is ({@code KUBECONFIG}), the proxy
     * ({@code HTTPS_PROXY}, {@code NO_PROXY}), the {@code PATH} kind, docker, kubectl, Helm and exec credential
     * plugins are found on, {@code DOCKER_HOST}, and exactly what every child process Ascent starts gets (plus what
     * Ascent itself sets for it). The JVM's for the command line; a Jenkins build's own (its {@code withEnv},
     * {@code withKubeConfig}, {@code tool} steps) on an agent, whose JVM serves many builds. May hold secrets (a
     * bound credential): never printed.
     */
    public Map<String, String> environment() {
        return environment;
    }

    /** Builds an {@link EngineConfig}; every value has a default. */

    public static final class Builder {
        private Path cacheDirectory = Path.of(System.getProperty("user.home"), ".cache", "ascent");
        private SchemaFetcher schemaFetcher;
        private int threads = Math.min(2, Runtime.getRuntime().availableProcessors());
        private Clock clock = Clock.systemDefaultZone();
        private Duration networkTimeout = Duration.ofSeconds(30);
        private Path temporaryDirectory = Path.of(System.getProperty("java.io.tmpdir"));
        private UrlAllowList allowedUrls = UrlAllowList.none();
        private Duration timeLimit = RunBudget.DEFAULT;
        private boolean continuousIntegration = true;
        private GitCredentials gitCredentials;
        // The JVM's unless told otherwise: the command line's and tests' default; fromEnvironment sets the given one.
        private Map<String, String> environment = System.getenv();

        private Builder() {
        }

        /** The environment the run sees ({@link EngineConfig#environment()}); copied. */
        public Builder environment(Map<String, String> environment) {
            this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
            return this;
        }

        public Builder cacheDirectory(Path directory) {
            this.cacheDirectory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /** The URL prefixes remote schema locations may be fetched from ({@link UrlAllowList#none()} by default). */
        public Builder allowedUrls(UrlAllowList allowed) {
            this.allowedUrls = Objects.requireNonNull(allowed, "allowed");
            return this;
        }

        /** Replaces the HTTP schema fetcher ({@link SchemaFetcher#offline()} for a run without network). */
        public Builder schemaFetcher(SchemaFetcher fetcher) {
            this.schemaFetcher = fetcher;
            return this;
        }

        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1, not " + threads);
            }
            this.threads = threads;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder networkTimeout(Duration timeout) {
            this.networkTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        public Builder temporaryDirectory(Path directory) {
            this.temporaryDirectory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /** The whole run's time limit; positive. */
        public Builder timeLimit(Duration limit) {
            Objects.requireNonNull(limit, "limit");
            if (limit.isNegative() || limit.isZero()) {
                throw new IllegalArgumentException("the time limit must be positive, not " + limit);
            }
            this.timeLimit = limit;
            return this;
        }

        /** Whether the run is a CI build ({@link EngineConfig#continuousIntegration()}). */
        public Builder continuousIntegration(boolean continuousIntegration) {
            this.continuousIntegration = continuousIntegration;
            return this;
        }

        /** What a {@code --repository} clone authenticates with; {@code null} for none. */
        public Builder gitCredentials(GitCredentials credentials) {
            this.gitCredentials = credentials;
            return this;
        }

        public EngineConfig build() {
            return new EngineConfig(this);
        }
    }
}
