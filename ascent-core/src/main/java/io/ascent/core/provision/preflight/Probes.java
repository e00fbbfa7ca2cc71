package io.ascent.core.provision.preflight;

import io.ascent.core.provision.command.CommandRunner;
import io.ascent.core.provision.command.ProcessCommandRunner;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything preflight looks at: commands it runs, files it reads, and the environment variables that steer the
 * tools ({@code KIND_EXPERIMENTAL_PROVIDER}, {@code DOCKER_HOST}, {@code CONTAINER_HOST}).
 *
 * @param commands    runs {@code docker info}, {@code kind version}, {@code kubectl version}
 * @param files       reads {@code /sys/fs/cgroup}, {@code /proc}
 * @param environment the environment the tools will see
 */
public record Probes(CommandRunner commands, HostFiles files, Map<String, String> environment) {

    public Probes {
        Objects.requireNonNull(commands, "commands");
        Objects.requireNonNull(files, "files");
        environment = Map.copyOf(environment);
    }

    /** This machine, as it is. */
    public static Probes local() {
        return new Probes(new ProcessCommandRunner(), new LocalHostFiles(), System.getenv());
    }

    /** A non-blank environment variable. */
    public Optional<String> env(String name) {
        return Optional.ofNullable(environment.get(name)).filter(value -> !value.isBlank());
    }
}
