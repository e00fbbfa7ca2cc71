package io.ascent.core.provision.kube;

import static io.ascent.core.provision.kube.ApiServerDouble.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.network.HttpProxyDouble;
import io.ascent.core.progress.ProgressListener;
import io.ascent.core.provision.ClusterRequest;
import io.ascent.core.provision.existing.ExistingClusterPreflight;
import io.ascent.core.report.Item;
import io.ascent.core.report.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run's connections live in the run's environment (a Jenkins build's {@code withKubeConfig}, {@code withEnv},
 * {@code tool}), not the JVM's: the kubeconfig its {@code KUBECONFIG} names, the proxy it names, and exec credential
 * plugins found on its {@code PATH} and started with exactly its variables.
 */
class RunEnvironmentConnectionTest {

    private static final String VERSION = "{\"major\":\"1\",\"minor\":\"31\",\"gitVersion\":\"v1.31.0\"}";

    @TempDir
    Path dir;

    private final ApiServerDouble server = ApiServerDouble.started();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void shouldResolveAndReachTheKubeconfigTheRunsEnvironmentNamesInPreflight() throws Exception {
        server.always("GET /version", json(200, VERSION));
        server.always("POST /apis/authorization.k8s.io/v1/selfsubjectaccessreviews",
                json(201, "{\"status\":{\"allowed\":true}}"));
        Path kubeconfig = kubeconfig("build-ci", "    token: from-the-build\n");
        assertThat(System.getenv("KUBECONFIG")).as("the JVM's own names another file, or none")
                .isNotEqualTo(kubeconfig.toString());

        List<Item> items;
        try (KubeConnections connections = new KubeConnections(Map.of("KUBECONFIG", kubeconfig.toString(),
                "HOME", dir.resolve("home").toString()))) {
            items = new ExistingClusterPreflight(connections).check(request(), ProgressListener.SILENT);
        }

        assertThat(items).as(items.toString()).allMatch(item -> item.status() == Status.PASS);
        assertThat(items.get(0).message()).isEqualTo("using the context build-ci (current) of " + kubeconfig);
        assertThat(server.authorizations).first().isEqualTo("Bearer from-the-build");
    }

    @Test
    void shouldRunTheExecPluginOnTheRunsPathWithExactlyTheRunsEnvironment() throws Exception {
        server.always("GET /version", json(200, VERSION));
        Path bin = Files.createDirectories(dir.resolve("build-tools"));
        Path seen = dir.resolve("plugin.env");
        // A bare name, as cloud kubeconfigs write it (aws, gke-gcloud-auth-plugin): on the build's PATH only.
        Path plugin = bin.resolve("ascent-test-auth");
        Files.writeString(plugin, "#!/bin/sh\n/usr/bin/env > '" + seen + "'\n"
                + "printf '{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\","
                + "\"status\":{\"token\":\"from-the-build-path\"}}'\n");
        Files.setPosixFilePermissions(plugin, PosixFilePermissions.fromString("rwx------"));
        Path kubeconfig = kubeconfig("cloud", "    exec:\n      apiVersion: client.authentication.k8s.io/v1\n"
                + "      command: ascent-test-auth\n      env:\n      - name: AWS_PROFILE\n        value: ci\n"
                + "      interactiveMode: Never\n");
        Map<String, String> build = Map.of("PATH", bin.toString(), "ASCENT_TEST_BUILD", "yes");

        try (KubeConnections connections = new KubeConnections(build)) {
            connections.connect(KubeconfigFiles.of(kubeconfig), Optional.empty()).get("/version");
        }

        assertThat(server.authorizations).containsExactly("Bearer from-the-build-path");
        Set<String> names = variables(seen);
        assertThat(names).contains("PATH", "ASCENT_TEST_BUILD", "AWS_PROFILE", "KUBERNETES_EXEC_INFO");
        assertThat(Files.readAllLines(seen)).contains("PATH=" + bin, "ASCENT_TEST_BUILD=yes", "AWS_PROFILE=ci");
        assertThat(names).as("nothing of the JVM's own environment").doesNotContainAnyElementsOf(jvmOnly(build));
    }

    @Test
    void shouldReachTheServerThroughTheProxyOfTheRunsEnvironment() throws Exception {
        server.always("GET /version", json(200, VERSION));
        // resolves nowhere: only the proxy (which sends every host to 127.0.0.1) reaches it
        String url = "http://api.cluster.test:" + server.address().substring(server.address().lastIndexOf(':') + 1);
        Path kubeconfig = Files.writeString(dir.resolve("remote"), "apiVersion: v1\nkind: Config\nclusters:\n"
                + "- name: remote\n  cluster:\n    server: " + url + "\nusers:\n- name: ci\n  user:\n    token: t\n"
                + "contexts:\n- name: remote\n  context:\n    cluster: remote\n    user: ci\ncurrent-context: remote\n");
        try (HttpProxyDouble proxy = new HttpProxyDouble(Optional.empty());
                KubeConnections connections = new KubeConnections(Map.of("HTTP_PROXY",
                        "http://127.0.0.1:" + proxy.port()))) {
            KubeConnection connection = connections.connect(KubeconfigFiles.of(kubeconfig), Optional.empty());

            assertThat(connection.get("/version").getString("gitVersion")).isEqualTo("v1.31.0");
            assertThat(proxy.requestLines).containsExactly("GET " + url + "/version HTTP/1.1");
        }
    }

    @Test
    void shouldNameThePodsServiceAddressFromTheRunsEnvironment() {
        assertThat(ClusterConnector.serviceAddress(Map.of("KUBERNETES_SERVICE_HOST", "10.96.0.1",
                "KUBERNETES_SERVICE_PORT", "6443"))).isEqualTo("https://10.96.0.1:6443");
        assertThat(ClusterConnector.serviceAddress(Map.of("KUBERNETES_SERVICE_HOST", "fd00:10:96::1")))
                .isEqualTo("https://[fd00:10:96::1]:443");
        assertThat(ClusterConnector.inClusterAvailable(Map.of())).as("no service host in the run's environment")
                .isFalse();
    }

    /** The JVM's variables the run's environment does not have (those a shell sets for itself aside). */
    static Set<String> jvmOnly(Map<String, String> run) {
        Set<String> names = new HashSet<>(System.getenv().keySet());
        names.removeAll(run.keySet());
        names.removeAll(Set.of("PWD", "OLDPWD", "SHLVL", "_"));
        assertThat(names).as("the test needs a variable only the JVM has").isNotEmpty();
        return names;
    }

    /** The names of the variables a child wrote with {@code env}. */
    static Set<String> variables(Path envOutput) throws Exception {
        Set<String> names = new HashSet<>();
        for (String line : Files.readAllLines(envOutput)) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                names.add(line.substring(0, equals));
            }
        }
        return names;
    }

    private ClusterRequest request() {
        return new ClusterRequest("ascent-20261201-000000-abcdef", Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), dir.resolve("work"), Duration.ofMinutes(1),
                Map.of());
    }

    private Path kubeconfig(String context, String user) throws Exception {
        return Files.writeString(dir.resolve("build-kubeconfig"), "apiVersion: v1\nkind: Config\n"
                + "clusters:\n- name: double\n  cluster:\n    server: " + server.address() + "\nusers:\n- name: ci\n"
                + "  user:\n" + user + "contexts:\n- name: " + context + "\n  context:\n    cluster: double\n"
                + "    user: ci\ncurrent-context: " + context + "\n");
    }
}
