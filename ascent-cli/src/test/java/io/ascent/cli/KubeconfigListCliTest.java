package io.ascent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code KUBECONFIG=first:second}, as kubectl users set it: {@code ascent provision --dry-run} and {@code ascent doctor}
 * use the context the first file makes current though the second defines it, as kubectl would. Each run is a JVM of
 * its own, since a test cannot set this JVM's environment.
 */
class KubeconfigListCliTest {

    private static final String HELLO_WEB = Path.of("..", "examples", "hello-web").toAbsolutePath().normalize()
            .toString();

    @TempDir
    Path dir;

    private Path first;
    private Path second;
    private int decoyPort;
    private int targetPort;

    private record Run(int status, String out) {
    }

    @BeforeEach
    void writeTwoFiles() throws Exception {
        decoyPort = closedPort();
        // a port just closed may be handed out again at once: the two servers must differ, or the test proves nothing
        do {
            targetPort = closedPort();
        } while (targetPort == decoyPort);
        first = Files.createDirectories(dir.resolve("home/.kube")).resolve("config");
        Files.writeString(first, "apiVersion: v1\nkind: Config\ncurrent-context: eks\n"
                + "clusters:\n- name: decoy\n  cluster:\n    server: https://127.0.0.1:" + decoyPort + "\n"
                + "users:\n- name: decoy\n  user:\n    token: decoy-token\n"
                + "contexts:\n- name: decoy\n  context:\n    cluster: decoy\n    user: decoy\n");
        second = Files.createDirectories(dir.resolve("clouds")).resolve("eks.yaml");
        Files.writeString(second, "apiVersion: v1\nkind: Config\ncurrent-context: decoy\n"
                + "clusters:\n- name: eks\n  cluster:\n    server: https://127.0.0.1:" + targetPort + "\n"
                + "- name: decoy\n  cluster:\n    server: https://127.0.0.1:1\n"
                + "users:\n- name: aws\n  user:\n    token: s3cr3t-aws-token\n"
                + "contexts:\n- name: eks\n  context:\n    cluster: eks\n    user: aws\n");
    }

    /** A port on 127.0.0.1 that nothing listens on (it was free a moment ago): a server that does not answer. */
    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private Run ascent(String kubeconfig, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeAll(List.of("CI", "JENKINS_URL", "BUILD_NUMBER", "KUBECONFIG"));
        builder.environment().putAll(Map.of("HOME", dir.resolve("home").toString()));
        if (kubeconfig != null) {
            builder.environment().put("KUBECONFIG", kubeconfig);
        }
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(out).isTrue();
        return new Run(process.exitValue(), out);
    }

    @Test
    void shouldPlanTheContextTheFirstFileMakesCurrentThoughTheSecondDefinesIt() throws Exception {
        Run run = ascent(first + ":" + second, "provision", HELLO_WEB, "--no-git", "--driver", "existing",
                "--dry-run");

        assertThat(run.status()).as(run.out()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("use the existing cluster at context eks (current) of KUBECONFIG=" + first
                + ":" + second).doesNotContain("s3cr3t");
    }

    @Test
    void shouldCheckTheClusterOfTheMergedContextInDoctor() throws Exception {
        Run run = ascent(":" + dir.resolve("missing") + ":" + first + "::" + second, "doctor", HELLO_WEB,
                "--driver", "existing");

        assertThat(run.status()).as(run.out()).isEqualTo(ExitCodes.ENVIRONMENT);
        assertThat(run.out()).contains("https://127.0.0.1:" + targetPort + " does not answer /version")
                .doesNotContain("127.0.0.1:" + decoyPort, "s3cr3t", "decoy-token");
    }

    @Test
    void shouldReadTheHomeKubeconfigAloneWhenKubeconfigIsUnset() throws Exception {
        Run run = ascent(null, "doctor", HELLO_WEB, "--driver", "existing");

        assertThat(run.status()).as(run.out()).isEqualTo(ExitCodes.ENVIRONMENT);
        assertThat(run.out()).contains("the current context 'eks' is not defined in the kubeconfig " + first);
    }

    @Test
    void shouldNameTheFilesLookedInForAnUnknownContext() throws Exception {
        Run run = ascent(first + ":" + second, "doctor", HELLO_WEB, "--driver", "existing", "--context", "prod");

        assertThat(run.status()).as(run.out()).isEqualTo(ExitCodes.ENVIRONMENT);
        assertThat(run.out()).contains("no context 'prod' in the kubeconfigs " + first + ", " + second
                + "; defined: 'decoy', 'eks'");
    }

    @Test
    void shouldExitThreeNamingASecondFileThatDoesNotParseWithoutQuotingIt() throws Exception {
        Files.writeString(second, "users:\n- name: aws\n  user:\n    token: s3cr3t-aws-token\n   broken: [\n");

        Run run = ascent(first + ":" + second, "provision", HELLO_WEB, "--no-git", "--driver", "existing");

        assertThat(run.status()).as(run.out()).isEqualTo(ExitCodes.ENVIRONMENT);
        assertThat(run.out()).contains("the kubeconfig " + second + " cannot be read").doesNotContain("s3cr3t");
    }

    @Test
    void shouldCollectNamespacesOnTheMergedContextInGc() throws Exception {
        Run run = ascent(first + ":" + second, "gc", "--dry-run", "--context", "eks");

        assertThat(run.status()).as(run.out()).isEqualTo(ExitCodes.ENVIRONMENT);
        assertThat(run.out()).contains("cannot list namespaces", "127.0.0.1:" + targetPort)
                .doesNotContain("127.0.0.1:" + decoyPort, "s3cr3t", "decoy-token");
    }

    @Test
    void shouldNameTheFilesLookedInForAnUnknownContextInGc() throws Exception {
        Run run = ascent(first + ":" + second, "gc", "--dry-run", "--context", "prod");

        assertThat(run.status()).as(run.out()).isEqualTo(ExitCodes.ENVIRONMENT);
        assertThat(run.out()).contains("no context 'prod' in the kubeconfigs " + first + ", " + second
                + "; defined: 'decoy', 'eks'");
    }
}
