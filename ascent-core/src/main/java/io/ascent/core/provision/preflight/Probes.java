package io.ascent.core.provision.preflight;

import io.ascent.core.provision.command.CommandRunner;
import io.ascent.core.provision.command.ProcessCommandRunner;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything preflight looks at: commands it runs, files it reads, and the environment variables that steer the
 * tools ({@code KIND_EXPERIMENTAL_PROVIDER}, {@code DOCKER_HOST}, {@code CONTAINER_HOST}) and Ascent's own
 * {@value #KIND_EXECUTABLE}.
 *
 * @param commands    runs {@code docker info}, {@code kind version}, {@code kubectl version}
 * @param files       reads {@code /sys/fs/cgroup}, {@code /proc}
 * @param environment the run's environment, which the tools see
 */
public record Probes(CommandRunner commands, HostFiles files, Map<String, String> environment) {

    public Probes {
        Objects.requireNonNull(commands, "commands");
        Objects.requireNonNull(files, "files");
        environment = Map.copyOf(environment);
    }

    /**
     * This machine in the run's {@code environment}: the commands are started with it and found on its
     * {@code PATH}, and preflight reads its variables (a Jenkins build's, not the agent JVM's).
     */
    public static Probes of(Map<String, String> environment) {
        return new Probes(new ProcessCommandRunner(environment), new LocalHostFiles(), environment);
    }

    /** The environment variable that names the {@code kind} executable, when it is not the one on {@code PATH}. */
    public static final String KIND_EXECUTABLE = "ASCENT_KIND";

    /**
     * The {@code kind} executable preflight probes and the kind driver runs: {@value #KIND_EXECUTABLE} when set (a
     * path, or a name looked up on {@code PATH}), else {@code kind}. One place, so both judge the same binary.
     */
    public String kind() {
        return env(KIND_EXECUTABLE).orElse("kind");
    }

    /** These probes with {@code executable} as the {@code kind} to run (a configured path wins over the environment). */
    public Probes withKind(String executable) {
        Map<String, String> changed = new java.util.HashMap<>(environment);
        changed.put(KIND_EXECUTABLE, executable);
        return new Probes(commands, files, changed);
    }

    /** A non-blank environment variable. */
    public Optional<String> env(String name) {
        return Optional.ofNullable(environment.get(name)).filter(value -> !value.isBlank());
    }
}
