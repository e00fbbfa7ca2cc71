package io.ascent.core.provision;

import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.Ascent;
import io.ascent.core.DoctorOptions;
import io.ascent.core.EngineConfig;
import io.ascent.core.progress.ProgressListener;
import io.ascent.core.provision.command.CommandResult;
import io.ascent.core.provision.command.ProcessCommandRunner;
import io.ascent.core.report.LogEntry;
import io.ascent.core.report.Report;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The environment a run sees is the one its caller gives ({@link EngineConfig#environment()}): on a Jenkins agent the
 * build's ({@code withKubeConfig}, {@code withEnv}, {@code tool}), whose JVM has an environment of its own. Where the
 * kubeconfig is, which {@code kind} and {@code docker} run and what they see all come from it.
 */
class RunEnvironmentTest {

    @TempDir
    Path dir;

    @Test
    void shouldPlanTheClusterOfTheKubeconfigTheRunsEnvironmentNamesNotTheJvms() throws Exception {
        Path app = dir.resolve("app");
        WebApplication.write(app, "existing", "1.35", "");
        Path kubeconfig = Files.writeString(dir.resolve("build-kubeconfig"), "apiVersion: v1\nkind: Config\n"
                + "clusters:\n- name: c\n  cluster:\n    server: https://127.0.0.1:1\nusers:\n- name: u\n  user:\n"
                + "    token: t\ncontexts:\n- name: build-ci\n  context:\n    cluster: c\n    user: u\n"
                + "current-context: build-ci\n");
        assertThat(System.getenv("KUBECONFIG")).as("the JVM's own names another file, or none")
                .isNotEqualTo(kubeconfig.toString());
        Ascent engine = new Ascent(EngineConfig.fromEnvironment(Map.of("KUBECONFIG", kubeconfig.toString(),
                "HOME", dir.resolve("home").toString())));

        Report report = engine.provision(ProvisionOptions.builder(app).noGit(true).dryRun(true).build(),
                ProgressListener.SILENT);

        assertThat(report.log()).extracting(LogEntry::message)
                .contains("  use the existing cluster at context build-ci (current) of " + kubeconfig);
    }

    @Test
    void shouldRunKindAndDockerFoundOnTheRunsPathWithExactlyTheRunsEnvironment() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("build-tools"));
        // docker is on this machine's PATH too (/usr/local/bin here): the build's must be the one that runs
        recordingTool(bin, "kind", "kind v0.31.0 go1.25.5 linux/amd64");
        recordingTool(bin, "docker", "Docker version 28.0.0, build 0000000");
        Map<String, String> build = Map.of("PATH", bin.toString(), "DOCKER_HOST", "unix:///build/docker.sock",
                "HOME", dir.resolve("home").toString(), "ASCENT_TEST_BUILD", "yes");
        Ascent engine = new Ascent(EngineConfig.fromEnvironment(build));

        engine.doctor(new DoctorOptions(dir, Optional.empty(), Optional.of("kind"), Optional.empty()),
                ProgressListener.SILENT);

        for (String tool : List.of("kind", "docker")) {
            Path seen = dir.resolve(tool + ".env");
            assertThat(seen).as(tool + " ran from the build's PATH").exists();
            assertThat(Files.readAllLines(seen)).contains("PATH=" + bin, "ASCENT_TEST_BUILD=yes",
                    "DOCKER_HOST=unix:///build/docker.sock");
            assertThat(variables(seen)).as("nothing of the JVM's own environment reaches " + tool)
                    .doesNotContainAnyElementsOf(jvmOnly(build));
        }
    }

    @Test
    void shouldProbeTheContainerEngineOfTheRunsPathBeforeAKindCluster() throws Exception {
        Path app = dir.resolve("app");
        WebApplication.write(app, "kind", "1.35", "");
        Path bin = Files.createDirectories(dir.resolve("build-tools"));
        recordingTool(bin, "kind", "kind v0.31.0 go1.25.5 linux/amd64");
        recordingTool(bin, "docker", "not what docker info prints");
        Map<String, String> build = Map.of("PATH", bin.toString(), "HOME", dir.resolve("home").toString(),
                "ASCENT_TEST_BUILD", "yes");

        Report report = new Ascent(EngineConfig.fromEnvironment(build)).provision(ProvisionOptions.builder(app)
                .noGit(true).build(), ProgressListener.SILENT);

        assertThat(report.exitStatus()).as("preflight stops at the engine that does not answer").isEqualTo(3);
        Path seen = dir.resolve("docker.env");
        assertThat(seen).as("the build's docker was asked").exists();
        assertThat(Files.readAllLines(seen)).contains("PATH=" + bin, "ASCENT_TEST_BUILD=yes");
        assertThat(variables(seen)).doesNotContainAnyElementsOf(jvmOnly(build));
    }

    @Test
    void shouldNotFindACommandThatIsOnlyOnTheJvmsPath() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("empty-bin"));
        assertThat(Files.isExecutable(Path.of("/bin/sh"))).isTrue();

        CommandResult result = new ProcessCommandRunner(Map.of("PATH", bin.toString()))
                .run(List.of("sh", "-c", "exit 0"), Duration.ofSeconds(10));

        assertThat(result.notFound()).as("sh is on the JVM's PATH, not the run's").isTrue();
    }

    @Test
    void shouldGiveAChildTheRunsEnvironmentWithTheCallsVariablesOnTop() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        recordingTool(bin, "tool", "");
        Map<String, String> run = Map.of("PATH", bin.toString(), "KUBECONFIG", "/build/kc", "SHARED", "run");

        CommandResult result = new ProcessCommandRunner(run).run(List.of("tool"), Map.of("SHARED", "call"),
                Duration.ofSeconds(10));

        assertThat(result.exitCode()).isZero();
        assertThat(Files.readAllLines(dir.resolve("tool.env"))).contains("KUBECONFIG=/build/kc", "SHARED=call");
        assertThat(variables(dir.resolve("tool.env"))).doesNotContainAnyElementsOf(jvmOnly(run));
    }

    /** A tool that writes its environment to {@code DIR/NAME.env} and prints {@code output}. */
    private void recordingTool(Path bin, String name, String output) throws Exception {
        Path tool = bin.resolve(name);
        Files.writeString(tool, "#!/bin/sh\n/usr/bin/env > '" + dir.resolve(name + ".env") + "'\necho '" + output
                + "'\n");
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwx------"));
    }

    /** The JVM's variables the run's environment does not have (those a shell sets for itself aside). */
    private static Set<String> jvmOnly(Map<String, String> run) {
        Set<String> names = new HashSet<>(System.getenv().keySet());
        names.removeAll(run.keySet());
        names.removeAll(Set.of("PWD", "OLDPWD", "SHLVL", "_"));
        assertThat(names).as("the test needs a variable only the JVM has").isNotEmpty();
        return names;
    }

    private static Set<String> variables(Path envOutput) throws Exception {
        Set<String> names = new HashSet<>();
        for (String line : Files.readAllLines(envOutput)) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                names.add(line.substring(0, equals));
            }
        }
        return names;
    }
}
