package io.ascent.core.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.ascent.core.Ascent;
import io.ascent.core.EngineConfig;
import io.ascent.core.ValidateOptions;
import io.ascent.core.progress.ProgressListener;
import io.ascent.core.report.ErrorKind;
import io.ascent.core.report.Item;
import io.ascent.core.report.Report;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.PacketLineOut;
import org.eclipse.jgit.transport.RefAdvertiser;
import org.eclipse.jgit.transport.UploadPack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --repository} over HTTP through the run's proxy, not the JVM's: a proxy on 127.0.0.1 that is also the git
 * server (JGit's {@code UploadPack} behind smart HTTP) for whatever host the request names. The remote's host,
 * {@code git.example.test}, is never resolved: a request that does not go through the proxy fails.
 */
class RemoteCheckoutProxyTest {
    @TempDir
    Path dir;

    private HttpServer proxy;
    private Repository served;
    /** What reached the proxy: the request line's method and absolute URI, and its Proxy-Authorization. */
    private final List<String> requests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startAProxyThatServesTheRepository() throws Exception {
        Path origin = dir.resolve("origin");
        try (TestRepository repo = TestRepository.init(origin)) {
            repo.file("ascent.yaml", RepositoryRun.checklist("")).commit("init");
        }
        served = new FileRepositoryBuilder().setGitDir(origin.resolve(".git").toFile()).build();
        proxy = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        proxy.createContext("/", exchange -> {
            try (exchange) {
                requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                        + exchange.getRequestHeaders().getFirst("Proxy-Authorization"));
                String path = exchange.getRequestURI().getPath();
                UploadPack upload = new UploadPack(served);
                upload.setBiDirectionalPipe(false); // smart HTTP: one request, one answer
                if (path.endsWith("/info/refs")) {
                    exchange.getResponseHeaders().add("Content-Type", "application/x-git-upload-pack-advertisement");
                    exchange.sendResponseHeaders(200, 0);
                    try (OutputStream out = exchange.getResponseBody()) {
                        PacketLineOut lines = new PacketLineOut(out);
                        lines.writeString("# service=git-upload-pack\n");
                        lines.end();
                        upload.sendAdvertisedRefs(new RefAdvertiser.PacketLineOutRefAdvertiser(lines));
                    }
                } else if (path.endsWith("/git-upload-pack")) {
                    exchange.getResponseHeaders().add("Content-Type", "application/x-git-upload-pack-result");
                    exchange.sendResponseHeaders(200, 0);
                    boolean gzip = "gzip".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"));
                    try (InputStream in = gzip ? new java.util.zip.GZIPInputStream(exchange.getRequestBody())
                            : exchange.getRequestBody(); OutputStream out = exchange.getResponseBody()) {
                        upload.upload(in, out, null);
                    }
                } else {
                    exchange.sendResponseHeaders(404, -1);
                }
            }
        });
        proxy.start();
    }

    @AfterEach
    void stop() {
        proxy.stop(0);
        served.close();
    }

    private String proxyUrl() {
        return "http://127.0.0.1:" + proxy.getAddress().getPort();
    }

    @Test
    void shouldCloneThroughTheRunsHttpProxyWithoutTheJvmsProxySettings() throws Exception {
        ProxySelector before = ProxySelector.getDefault();
        Path parent = Files.createDirectories(dir.resolve("clones"));

        try (RemoteCheckout checkout = RemoteCheckout.clone("http://git.example.test/app.git", Optional.empty(),
                parent, Duration.ofSeconds(20), Optional.empty(), Map.of("HTTP_PROXY", proxyUrl()))) {
            assertThat(checkout.directory().resolve("ascent.yaml")).exists();
        }

        assertThat(requests).isNotEmpty()
                .allMatch(request -> request.contains("http://git.example.test/app.git/"))
                .anyMatch(request -> request.startsWith("POST http://git.example.test/app.git/git-upload-pack"));
        assertThat(ProxySelector.getDefault()).as("the JVM's selector").isSameAs(before);
        assertThat(System.getProperty("http.proxyHost")).isNull();
    }

    @Test
    void shouldSendTheProxysUserAndPasswordToAnHttpProxyAndShowThemNowhere() throws Exception {
        Path parent = Files.createDirectories(dir.resolve("clones"));

        try (RemoteCheckout checkout = RemoteCheckout.clone("http://git.example.test/app.git", Optional.empty(),
                parent, Duration.ofSeconds(20), Optional.empty(),
                Map.of("http_proxy", "http://ci:pr0xy-SECRET@127.0.0.1:" + proxy.getAddress().getPort()))) {
            assertThat(checkout.directory().resolve("ascent.yaml")).exists();
        }

        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString("ci:pr0xy-SECRET".getBytes(
                java.nio.charset.StandardCharsets.UTF_8));
        assertThat(requests).isNotEmpty().allMatch(request -> request.endsWith(" " + basic));
    }

    @Test
    void shouldReportAProxyThatCannotBeUsedAsAnEnvironmentErrorWithoutItsPassword() throws Exception {
        Files.createDirectories(dir.resolve("tmp"));
        EngineConfig config = EngineConfig.builder().temporaryDirectory(dir.resolve("tmp"))
                .networkTimeout(Duration.ofSeconds(10))
                .environment(Map.of("HTTPS_PROXY", "http://ci:pr0xy-SECRET@127.0.0.1:" + proxy.getAddress().getPort()))
                .build();

        Report report = new Ascent(config, List.of(new RepositoryStep())).validate(ValidateOptions.builder(
                Path.of(".")).repository("https://git.example.test/app.git").build(), ProgressListener.SILENT);

        Item clone = report.items().stream().filter(item -> item.errorKind() != null).findFirst().orElseThrow();
        assertThat(clone.errorKind()).isEqualTo(ErrorKind.ENVIRONMENT);
        assertThat(clone.message()).contains("has a user and password, which a clone of an https:// remote cannot "
                + "send it").contains("HTTPS_PROXY").doesNotContain("pr0xy-SECRET");
        assertThat(report.verdict().exitStatus()).isEqualTo(3);
        assertThat(requests).as("nothing was sent to the proxy without its credentials").isEmpty();
    }

    @Test
    void shouldConnectDirectlyWhenNoProxyNamesTheRemoteWhateverTheJvmWouldChoose() throws Exception {
        ProxiedHttpConnections connections = new ProxiedHttpConnections(Map.of("HTTPS_PROXY", proxyUrl(),
                "NO_PROXY", ".example.test"));

        assertThat(connections.route(new URL("https://git.example.test/app.git"))).isEmpty();
        assertThat(connections.route(new URL("https://git.example.org/app.git"))).hasValueSatisfying(route -> {
            assertThat(route.address()).isEqualTo(proxyUrl());
            assertThat(route.proxy().type()).isEqualTo(Proxy.Type.HTTP);
        });
        assertThat(new ProxiedHttpConnections(Map.of()).route(new URL("https://git.example.org/app.git")))
                .as("no proxy in the run's environment: direct").isEmpty();
    }

    @Test
    void shouldRefuseAnHttpsProxyNamingTheVariable() {
        ProxiedHttpConnections connections = new ProxiedHttpConnections(Map.of("HTTPS_PROXY",
                "https://proxy.internal.test:3128"));

        assertThatThrownBy(() -> connections.route(new URL("https://git.example.org/app.git")))
                .isInstanceOf(ProxiedHttpConnections.UnusableProxy.class).hasMessageContaining("HTTPS_PROXY");
    }
}
