package io.ascent.core.provision.gc;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.ascent.core.GcOptions;
import io.ascent.core.progress.ProgressListener;
import io.ascent.core.provision.RunName;
import io.ascent.core.provision.command.CommandResult;
import io.ascent.core.provision.command.CommandRunner;
import io.ascent.core.report.ErrorKind;
import io.ascent.core.report.Item;
import io.ascent.core.report.Report;
import io.ascent.core.report.Status;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ascent gc}'s namespaces reached as a provision reaches its cluster: the same kubeconfig checks (an exec
 * plugin kubectl would refuse is refused before it runs), the same retries of a throttled server, and messages that
 * name the server. Against an API double on 127.0.0.1; the real control plane's test deletes real namespaces.
 */
class GarbageCollectorNamespacesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC);
    private static final CommandRunner NO_CLUSTERS = (argv, environment, timeout) ->
            CommandResult.exited(argv, 0, "", "");
    private static final String OLD_RUN = "ascent-20261130-080000-7f3a9b";

    @TempDir
    Path dir;

    private final HttpServer server = server();
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger throttled = new AtomicInteger();
    private volatile int listStatus = 200;

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void shouldDeleteTheOldNamespaceAfterTheServerThrottledTheList() throws IOException {
        throttled.set(1);

        Report report = collect(tokenKubeconfig(), Map.of());

        assertThat(namespaceItems(report)).singleElement().satisfies(item -> {
            assertThat(item.status()).isEqualTo(Status.PASS);
            assertThat(item.message()).startsWith("deleted namespace " + OLD_RUN);
        });
        String list = "GET /api/v1/namespaces?labelSelector=" + RunName.RUN_LABEL;
        assertThat(requests).containsExactly(list, list, "DELETE /api/v1/namespaces/" + OLD_RUN);
    }

    @Test
    void shouldNameTheServerWhenItRefusesTheList() throws IOException {
        listStatus = 403;

        Report report = collect(tokenKubeconfig(), Map.of());

        assertThat(namespaceItems(report)).singleElement().satisfies(item -> {
            assertThat(item.status()).isEqualTo(Status.ERROR);
            assertThat(item.errorKind()).isEqualTo(ErrorKind.ENVIRONMENT);
            assertThat(item.message()).isEqualTo("cannot list namespaces at " + address() + ": HTTP 403");
        });
    }

    @Test
    void shouldRefuseAnExecPluginThatNeedsATerminalBeforeRunningItAsKubectlDoes() throws IOException {
        Path ran = dir.resolve("plugin-ran");
        Path plugin = Files.writeString(dir.resolve("login-plugin"), "#!/bin/sh\ntouch " + ran + "\nexit 1\n");
        Files.setPosixFilePermissions(plugin, PosixFilePermissions.fromString("rwx------"));
        Path kubeconfig = kubeconfig("    exec:\n      apiVersion: client.authentication.k8s.io/v1\n"
                + "      command: " + plugin + "\n      interactiveMode: Always\n");

        Report report = collect(kubeconfig, Map.of("PATH", "/usr/bin:/bin"));

        assertThat(namespaceItems(report)).singleElement().satisfies(item -> {
            assertThat(item.status()).isEqualTo(Status.ERROR);
            assertThat(item.errorKind()).isEqualTo(ErrorKind.ENVIRONMENT);
            assertThat(item.message()).contains("interactiveMode Always", "needs a terminal");
        });
        assertThat(ran).doesNotExist();
        assertThat(requests).isEmpty();
    }

    @Test
    void shouldNotQuoteTheKubeconfigWhenItIsNotOne() throws IOException {
        Path kubeconfig = Files.writeString(dir.resolve("kubeconfig"), "token: hunter2-secret\n: [\n");

        Report report = collect(kubeconfig, Map.of());

        assertThat(namespaceItems(report)).singleElement().satisfies(item -> {
            assertThat(item.status()).isEqualTo(Status.ERROR);
            assertThat(item.message()).startsWith("cannot use " + kubeconfig + ": ").doesNotContain("hunter2");
        });
    }

    private Report collect(Path kubeconfig, Map<String, String> environment) {
        return new GarbageCollector(CLOCK, NO_CLUSTERS, "kind", dir.resolve("tmp"), environment).run(
                new GcOptions(Duration.ofHours(2), false, Optional.of(kubeconfig), Optional.empty()),
                ProgressListener.SILENT);
    }

    private static List<Item> namespaceItems(Report report) {
        return report.items().stream().filter(i -> i.id().equals(GarbageCollector.NAMESPACE_ID)).toList();
    }

    private Path tokenKubeconfig() throws IOException {
        return kubeconfig("    token: not-a-secret\n");
    }

    private Path kubeconfig(String user) throws IOException {
        return Files.writeString(dir.resolve("kubeconfig"), "apiVersion: v1\nkind: Config\nclusters:\n- name: double\n"
                + "  cluster:\n    server: " + address() + "\nusers:\n- name: tester\n  user:\n" + user
                + "contexts:\n- name: double\n  context:\n    cluster: double\n    user: tester\n"
                + "current-context: double\n");
    }

    private String address() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private HttpServer server() {
        try {
            HttpServer created = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            created.createContext("/", this::answer);
            created.start();
            return created;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getRawQuery();
        requests.add(exchange.getRequestMethod() + " " + path + (query == null ? "" : "?" + query));
        exchange.getRequestBody().readAllBytes();
        if (path.equals("/api/v1/namespaces") && throttled.getAndDecrement() > 0) {
            exchange.getResponseHeaders().add("Retry-After", "0");
            send(exchange, 429, "{\"kind\":\"Status\",\"code\":429}");
        } else if (path.equals("/api/v1/namespaces") && listStatus != 200) {
            send(exchange, listStatus, "{\"kind\":\"Status\",\"code\":" + listStatus + "}");
        } else if (path.equals("/api/v1/namespaces")) {
            send(exchange, 200, "{\"kind\":\"NamespaceList\",\"items\":[" + namespace(OLD_RUN, "2026-11-30T08:00:00Z")
                    + "," + namespace("ascent-20261130-113000-1b2c3d", "2026-11-30T11:30:00Z") + "]}");
        } else if (exchange.getRequestMethod().equals("DELETE")) {
            send(exchange, 200, "{\"kind\":\"Namespace\"}");
        } else {
            send(exchange, 404, "{\"kind\":\"Status\",\"code\":404}");
        }
    }

    private static String namespace(String name, String created) {
        return "{\"metadata\":{\"name\":\"" + name + "\",\"creationTimestamp\":\"" + created + "\",\"labels\":{\""
                + RunName.RUN_LABEL + "\":\"" + name + "\",\"" + RunName.CREATED_LABEL + "\":\"x\"}},"
                + "\"status\":{\"phase\":\"Active\"}}";
    }

    private static void send(HttpExchange exchange, int code, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(code, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
