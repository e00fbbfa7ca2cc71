package io.ascent.core.provision.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.report.Item;
import io.ascent.core.report.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The clusterctl/provider skew, with fake kubectl and clusterctl executables standing in for the real ones. */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "the fakes are shell scripts")
class ClusterctlProviderSkewTest {
    private static final String PROVIDERS = """
            {"apiVersion": "v1", "kind": "List", "items": [
              {"metadata": {"namespace": "capi-system", "name": "cluster-api"}, "providerName": "cluster-api",
               "type": "CoreProvider", "version": "v1.2.5"},
              {"metadata": {"namespace": "capi-kubeadm-bootstrap-system", "name": "bootstrap-kubeadm"},
               "providerName": "kubeadm", "type": "BootstrapProvider", "version": "v1.2.5"},
              {"metadata": {"namespace": "capa-system", "name": "infrastructure-aws"}, "providerName": "aws",
               "type": "InfrastructureProvider", "version": "v2.0.2"}
            ]}
            """;

    @TempDir
    Path dir;

    private Path script(String name, String body) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        file.toFile().setExecutable(true);
        return file;
    }

    private List<Item> check(String clusterctlVersion, String kubectlBody) throws Exception {
        Path clusterctl = script("clusterctl", "echo '{\"clusterctl\": {\"major\": \"1\", \"gitVersion\": \""
                + clusterctlVersion + "\"}}'");
        Path kubectl = script("kubectl", kubectlBody);
        return new ClusterctlProviderSkew(kubectl.toString(), Duration.ofSeconds(10))
                .check(dir.resolve("kubeconfig"), "management", clusterctl.toString());
    }

    @Test
    void shouldFailEveryClusterApiProviderOfAnotherReleaseNamingBothVersions() throws Exception {
        List<Item> items = check("v1.2.4", "cat <<'EOF'\n" + PROVIDERS + "EOF");
        assertThat(items).hasSize(2).allSatisfy(item -> {
            assertThat(item.status()).isEqualTo(Status.FAIL);
            assertThat(item.message()).contains("is v1.2.5 but clusterctl is v1.2.4");
            assertThat(item.remediation()).contains("use clusterctl v1.2.5", "clusterctl upgrade apply");
        });
        assertThat(items.get(0).message()).startsWith("provider cluster-api (CoreProvider in capi-system)");
        assertThat(items.get(0).key()).isEqualTo("capi-system/cluster-api");
    }

    @Test
    void shouldPassTheSameReleaseAndListOtherProjectsProvidersWithoutComparingThem() throws Exception {
        assertThat(check("v1.2.5", "cat <<'EOF'\n" + PROVIDERS + "EOF")).singleElement().satisfies(item -> {
            assertThat(item.status()).isEqualTo(Status.PASS);
            assertThat(item.message()).isEqualTo("clusterctl v1.2.5 and provider cluster-api (CoreProvider in "
                    + "capi-system), provider kubeadm (BootstrapProvider in capi-kubeadm-bootstrap-system) are the "
                    + "same release; versioned by their own projects, not compared: provider aws "
                    + "(InfrastructureProvider in capa-system) v2.0.2");
        });
    }

    @Test
    void shouldPassTheKubeconfigAndContextToKubectl() throws Exception {
        check("v1.2.5", "echo \"$@\" > " + dir.resolve("argv") + "; echo '{\"items\": []}'");
        assertThat(Files.readString(dir.resolve("argv")).strip()).isEqualTo("--kubeconfig " + dir.resolve("kubeconfig")
                + " --context management get providers.clusterctl.cluster.x-k8s.io --all-namespaces -o json "
                + "--request-timeout 10s");
    }

    @Test
    void shouldSkipWhenClusterctlInitHasNotRun() throws Exception {
        assertThat(check("v1.2.5", "echo 'error: the server doesn'\"'\"'t have a resource type \"providers\"' >&2; "
                + "exit 1")).singleElement().satisfies(item -> {
                    assertThat(item.status()).isEqualTo(Status.SKIP);
                    assertThat(item.message()).contains("clusterctl init has not run there");
                });
        assertThat(check("v1.2.5", "echo '{\"items\": []}'")).singleElement()
                .satisfies(item -> assertThat(item.status()).isEqualTo(Status.SKIP));
    }

    @Test
    void shouldReportAnUnreachableClusterAsAnEnvironmentError() throws Exception {
        assertThat(check("v1.2.5", "echo 'The connection to the server 10.0.0.1:6443 was refused' >&2; exit 1"))
                .singleElement().satisfies(item -> {
                    assertThat(item.status()).isEqualTo(Status.ERROR);
                    assertThat(item.message()).contains("context management", "was refused");
                });
    }

    @Test
    void shouldSkipWithoutClusterctlOrWithoutAVersionFromIt() throws Exception {
        List<Item> missing = new ClusterctlProviderSkew(script("kubectl", "exit 0").toString(), Duration.ofSeconds(5))
                .check(dir.resolve("kubeconfig"), null, dir.resolve("no-such-clusterctl").toString());
        assertThat(missing).singleElement().satisfies(item -> {
            assertThat(item.status()).isEqualTo(Status.SKIP);
            assertThat(item.message()).contains("clusterctl was not found");
        });
        Path silent = script("clusterctl", "echo nothing useful");
        List<Item> noVersion = new ClusterctlProviderSkew(script("kubectl", "exit 0").toString(), Duration.ofSeconds(5))
                .check(dir.resolve("kubeconfig"), null, silent.toString());
        assertThat(noVersion).singleElement().satisfies(item -> assertThat(item.message()).contains("did not say"));
    }

    @Test
    void shouldSayWhyAClusterctlFoundThroughARelativePathEntryWasNotRun() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("relative-bin"));
        Files.move(script("clusterctl", "touch '" + dir.resolve("ran") + "'"), bin.resolve("clusterctl"));
        String entry = Path.of("").toAbsolutePath().relativize(bin).toString();
        io.ascent.core.provision.command.ProcessCommandRunner commands =
                new io.ascent.core.provision.command.ProcessCommandRunner(java.util.Map.of("PATH", entry), 1024,
                        io.ascent.core.provision.command.OperatingSystem.UNIX);

        List<Item> items = new ClusterctlProviderSkew(commands, script("kubectl", "exit 0").toString(),
                Duration.ofSeconds(5)).check(dir.resolve("kubeconfig"), null, "clusterctl");

        assertThat(items).singleElement().satisfies(item -> {
            assertThat(item.status()).isEqualTo(Status.SKIP);
            assertThat(item.message()).contains("clusterctl was found as " + entry + "/clusterctl",
                    "relative PATH entry '" + entry + "'");
        });
        assertThat(dir.resolve("ran")).doesNotExist();
    }

    @Test
    void shouldStopAHangingKubectlAtTheTimeout() throws Exception {
        Path clusterctl = script("clusterctl", "echo v1.2.5");
        long start = System.nanoTime();
        List<Item> items = new ClusterctlProviderSkew(script("kubectl", "sleep 30").toString(), Duration.ofSeconds(1))
                .check(dir.resolve("kubeconfig"), null, clusterctl.toString());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
        assertThat(items).singleElement().satisfies(item -> {
            assertThat(item.status()).isEqualTo(Status.ERROR);
            assertThat(item.message()).contains("did not finish within 1 s");
        });
    }

    @Test
    void shouldReadTheVersionFromEachOutputFormOfClusterctl() {
        assertThat(ClusterctlProviderSkew.versionOf("{\"clusterctl\":{\"gitVersion\":\"v1.2.4\"}}")).isEqualTo("v1.2.4");
        assertThat(ClusterctlProviderSkew.versionOf("clusterctl version: &version.Info{Major:\"1\", Minor:\"2\", "
                + "GitVersion:\"v1.2.4\", GitCommit:\"abc\"}")).isEqualTo("v1.2.4");
        assertThat(ClusterctlProviderSkew.versionOf("v1.2.4\n")).isEqualTo("v1.2.4");
        assertThat(ClusterctlProviderSkew.versionOf("nothing")).isNull();
    }
}
