package io.ascent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ascent validate} on a hostile kind configuration, run as a user runs it: the host policy's refusals and
 * warnings at the kind configuration's lines in every report format, exit 2, as {@code ascent provision} reports
 * them. The application is a copy of examples/hello-web whose kind configuration is rewritten at test time.
 */
class ValidateKindHostTest {

    /** Where each finding is: the docker socket, /etc, a path up out of the repository, 0.0.0.0, a fixed port. */
    private static final List<String> FINDINGS = List.of("7:19", "9:19", "11:19", "14:24", "15:19").stream()
            .map(at -> "hello-web/deploy/kind-config.yaml:" + at).toList();

    /** A kind configuration's first lines, up to its control plane's list of mounts. */
    private static final String MOUNTING = """
            kind: Cluster
            apiVersion: kind.x-k8s.io/v1alpha4
            nodes:
              - role: control-plane
                extraMounts:
            """;

    /** Tests run in the module directory; the examples sit at the repository root. */
    private static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();

    /** Holds the repository and, beside it, the folder its kind configuration reaches out to. */
    @TempDir
    Path base;

    private Path app;

    @BeforeEach
    void writeApplication() throws Exception {
        Files.createDirectories(base.resolve("outside"));
        Files.createDirectories(base.resolve("repository/.git")); // the repository's root, not read with --no-git
        app = base.resolve("repository/hello-web");
        ExamplesTest.copyTree(EXAMPLES.resolve("hello-web"), app);
        // hello-web's own kind configuration, rewritten to reach the agent
        Files.writeString(app.resolve("deploy/kind-config.yaml"), MOUNTING + """
                      - containerPath: /var/run/docker.sock
                        hostPath: /var/run/docker.sock
                      - containerPath: /host-etc
                        hostPath: /etc
                      - containerPath: /up
                        hostPath: ../../outside
                    extraPortMappings:
                      - containerPort: 80
                        listenAddress: 0.0.0.0
                        hostPort: 8080
                  - role: worker
                """);
    }

    @Test
    void shouldRefuseTheHostileKindConfigurationAtItsLinesInEveryFormat() throws IOException {
        Path out = base.resolve("out");

        CliRun run = CliRun.of("validate", app.toString(), "--no-git", "-f", "text", "-f", "json", "-f",
                "sarif", "-f", "junit", "-f", "html", "-f", "markdown", "-o", out + "/");

        assertThat(run.status()).as(run.err()).isEqualTo(2);
        assertThat(run.out() + run.err()).contains("INVALID INPUT: 4 errors, 1 warning");
        String text = Files.readString(out.resolve("ascent-report.txt"));
        assertThat(text).contains("ERROR  hello-web/deploy/kind-config.yaml:7:19: nodes[0].extraMounts[0].hostPath "
                        + "'/var/run/docker.sock' is the container engine's socket",
                "ERROR  hello-web/deploy/kind-config.yaml:9:19: nodes[0].extraMounts[1].hostPath '/etc' is outside the "
                        + "repository",
                "ERROR  hello-web/deploy/kind-config.yaml:11:19: nodes[0].extraMounts[2].hostPath '../../outside' is "
                        + "outside the repository",
                "ERROR  hello-web/deploy/kind-config.yaml:14:24: nodes[0].extraPortMappings[0].listenAddress '0.0.0.0' "
                        + "publishes",
                "WARN   hello-web/deploy/kind-config.yaml:15:19: nodes[0].extraPortMappings[0].hostPort 8080 is a "
                        + "fixed port");
        String json = Files.readString(out.resolve("ascent-report.json"));
        assertThat(json).contains("\"id\" : \"provision.kind-host\"", "\"line\" : 14", "\"column\" : 24");
        String sarif = Files.readString(out.resolve("ascent.sarif"));
        assertThat(sarif.split("\"ruleId\" : \"provision.kind-host\"", -1)).hasSize(FINDINGS.size() + 1);
        assertThat(sarif).contains("\"level\" : \"warning\"");
        String junit = Files.readString(out.resolve("ascent-junit.xml"));
        String html = Files.readString(out.resolve("ascent-report.html"));
        String markdown = Files.readString(out.resolve("ascent-report.md"));
        for (String at : FINDINGS) {
            assertThat(junit).contains("classname=\"provision.kind-host\" name=\"The kind configuration keeps the "
                    + "cluster off the build agent (" + at + ")\"");
            assertThat(html).contains(at);
            assertThat(markdown).contains("`" + at + "`");
        }
        assertThat(junit.split("<error message=\"nodes\\[0\\]", -1)).as("the refusals are errors, the port a "
                + "warning").hasSize(5);
    }

    @Test
    void shouldExitAsProvisionDoesAndTakeTheOperatorsFolders() throws IOException {
        CliRun provision = CliRun.of("provision", app.toString(), "--no-git", "--dry-run");
        // What remains with /etc and /var/run allowed: the path up out of the repository and 0.0.0.0
        CliRun allowed = CliRun.of("validate", app.toString(), "--no-git", "--kind-mount", "/etc",
                "--kind-mount", "/var/run", "--kind-mount", base.resolve("outside").toString());

        assertThat(provision.status()).as(provision.out()).isEqualTo(2);
        assertThat(provision.out()).contains("ERROR  hello-web/deploy/kind-config.yaml:9:19: "
                + "nodes[0].extraMounts[1].hostPath '/etc'");
        assertThat(allowed.out()).doesNotContain("'/etc'", "'../../outside'")
                .contains("ERROR  hello-web/deploy/kind-config.yaml:14:24: "
                        + "nodes[0].extraPortMappings[0].listenAddress '0.0.0.0'");
        assertThat(allowed.status()).isEqualTo(2);
    }

    @Test
    void shouldPassAKindConfigurationThatStaysInsideTheRepository() throws IOException {
        Files.writeString(app.resolve("deploy/kind-config.yaml"), MOUNTING + """
                      - {containerPath: /site, hostPath: ./site}
                """);

        CliRun run = CliRun.of("validate", app.toString(), "--no-git", "-v");

        assertThat(run.status()).as(run.out()).isZero();
        assertThat(run.out()).contains("PASS   hello-web/deploy/kind-config.yaml: the kind configuration mounts host "
                + "paths from inside the repository only, and publishes no port beyond loopback [provision.kind-host]");
    }
}
