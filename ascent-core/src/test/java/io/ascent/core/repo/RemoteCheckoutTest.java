package io.ascent.core.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ascent.core.Ascent;
import io.ascent.core.EngineConfig;
import io.ascent.core.ValidateOptions;
import io.ascent.core.progress.ProgressListener;
import io.ascent.core.report.ErrorKind;
import io.ascent.core.report.Report;
import io.ascent.core.report.Verdict;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --repository}: which failures are the environment's (exit 3) and which the input's (exit 2). */
class RemoteCheckoutTest {
    @TempDir
    Path dir;

    private Report validate(String url, Optional<String> ref, Duration timeout) throws Exception {
        Files.createDirectories(dir.resolve("tmp"));
        EngineConfig config = EngineConfig.builder().temporaryDirectory(dir.resolve("tmp")).networkTimeout(timeout)
                .build();
        return new Ascent(config, List.of(new RepositoryStep())).validate(
                ValidateOptions.builder(Path.of(".")).repository(url).ref(ref.orElse(null)).build(),
                ProgressListener.SILENT);
    }

    private Path origin() throws Exception {
        Path origin = dir.resolve("origin");
        try (TestRepository repo = TestRepository.init(origin)) {
            repo.file("ascent.yaml", RepositoryRun.checklist("")).commit("init");
        }
        return origin;
    }

    @Test
    void shouldReportARemoteThatRefusesConnectionsAsAnEnvironmentError() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        Report report = validate("http://127.0.0.1:" + port + "/app.git", Optional.empty(), Duration.ofSeconds(10));

        assertThat(RepositoryRun.items(report, RepositoryRule.REMOTE)).singleElement().satisfies(item -> {
            assertThat(item.isError(ErrorKind.ENVIRONMENT)).isTrue();
            assertThat(item.remediation()).contains("reaches the remote");
        });
        assertThat(report.verdict()).isEqualTo(Verdict.ENVIRONMENT_ERROR);
        assertThat(report.verdict().exitStatus()).isEqualTo(3);
    }

    @Test
    void shouldReportARemoteThatNeverAnswersAsAnEnvironmentErrorAfterTheTimeout() throws Exception {
        List<Socket> accepted = new CopyOnWriteArrayList<>();
        try (ServerSocket silent = silentServer(accepted)) {
            long start = System.nanoTime();
            // http(s): JGit reads with the socket's own timeout (git:// goes through a relay: see below).
            Report report = validate("http://127.0.0.1:" + silent.getLocalPort() + "/app.git", Optional.empty(),
                    Duration.ofSeconds(1));

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
            assertThat(report.verdict()).isEqualTo(Verdict.ENVIRONMENT_ERROR);
        } finally {
            for (Socket socket : accepted) {
                socket.close();
            }
        }
        assertThat(dir.resolve("tmp")).isEmptyDirectory();
    }

    /** Accepts every connection and never says anything: the remote that used to hold a git:// clone forever. */
    private static ServerSocket silentServer(List<Socket> accepted) throws IOException {
        ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            try {
                while (true) {
                    accepted.add(silent.accept());
                }
            } catch (IOException closed) {
                // the test is over
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        return silent;
    }

    @Test
    void shouldGiveUpOnAGitProtocolRemoteThatNeverAnswersAfterTheTimeout() throws Exception {
        List<Socket> accepted = new CopyOnWriteArrayList<>();
        try (ServerSocket silent = silentServer(accepted)) {
            long start = System.nanoTime();
            Report report = validate("git://127.0.0.1:" + silent.getLocalPort() + "/app.git", Optional.empty(),
                    Duration.ofSeconds(1));

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
            assertThat(report.verdict()).isEqualTo(Verdict.ENVIRONMENT_ERROR);
            assertThat(RepositoryRun.items(report, RepositoryRule.REMOTE)).singleElement().satisfies(item ->
                    assertThat(item.message()).contains("git://127.0.0.1:" + silent.getLocalPort() + "/app.git")
                            .contains("did not answer within 1 s"));
            assertThat(accepted).isNotEmpty();
        } finally {
            for (Socket socket : accepted) {
                socket.close();
            }
        }
        assertThat(dir.resolve("tmp")).isEmptyDirectory();
    }

    @Test
    void shouldStopAGitProtocolCloneBlockedOnASilentRemoteWhenInterrupted() throws Exception {
        List<Socket> accepted = new CopyOnWriteArrayList<>();
        Path parent = Files.createDirectories(dir.resolve("clones"));
        try (ServerSocket silent = silentServer(accepted)) {
            assertThat(interruptedClone("git://127.0.0.1:" + silent.getLocalPort() + "/app.git", parent, accepted,
                    Duration.ofMinutes(10)))
                    .isInstanceOf(InterruptedException.class);
        } finally {
            for (Socket socket : accepted) {
                socket.close();
            }
        }
        assertThat(parent).isEmptyDirectory();
    }

    /**
     * Clones {@code url} (a silent remote) on a thread of its own, interrupts that thread once the remote has a
     * connection, and returns what the clone threw, which must come within 10 s of the interrupt.
     */
    private static Throwable interruptedClone(String url, Path parent, List<Socket> accepted, Duration timeout)
            throws Exception {
        java.util.concurrent.CompletableFuture<Throwable> outcome = new java.util.concurrent.CompletableFuture<>();
        Thread caller = new Thread(() -> {
            try {
                RemoteCheckout.clone(url, Optional.empty(), parent, timeout).close();
                outcome.complete(null);
            } catch (Exception e) {
                outcome.complete(e);
            }
        });
        caller.start();
        long waited = System.nanoTime();
        while (accepted.isEmpty() && System.nanoTime() - waited < 10_000_000_000L) {
            Thread.sleep(20);
        }
        assertThat(accepted).as("the clone reached the remote").isNotEmpty();
        long start = System.nanoTime();
        caller.interrupt();
        Throwable thrown = outcome.get(15, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        return thrown;
    }

    @Test
    void shouldReturnAtOnceFromAnHttpCloneBlockedOnASilentRemoteWhenInterruptedAndRemoveItsFolderLater()
            throws Exception {
        List<Socket> accepted = new CopyOnWriteArrayList<>();
        Path parent = Files.createDirectories(dir.resolve("http-clones"));
        try (ServerSocket silent = silentServer(accepted)) {
            // Without its own thread the caller stayed in the read until the network timeout (15 s here).
            assertThat(interruptedClone("http://127.0.0.1:" + silent.getLocalPort() + "/app.git", parent, accepted,
                    Duration.ofSeconds(15)))
                    .isInstanceOf(InterruptedException.class);
        } finally {
            for (Socket socket : accepted) {
                socket.close(); // the remote hangs up: the left clone's read ends and it removes its folder
            }
        }
        long waited = System.nanoTime(); // the hang-up ends the read; at the latest, the 15 s timeout does
        while (!isEmpty(parent) && System.nanoTime() - waited < 30_000_000_000L) {
            Thread.sleep(50);
        }
        assertThat(parent).isEmptyDirectory();
    }

    private static boolean isEmpty(Path folder) throws IOException {
        try (var entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        }
    }

    @Test
    void shouldCloneAGitProtocolRemoteThroughTheRelayNamingItsHost() throws Exception {
        Path served = Files.createDirectories(dir.resolve("served"));
        try (TestRepository repo = TestRepository.init(served.resolve("app"))) {
            repo.file("ascent.yaml", RepositoryRun.checklist("")).commit("init");
        }
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Path log = dir.resolve("daemon.log");
        // --interpolated-path uses the host the client named: only the rewritten host=localhost finds the repository.
        Process daemon = new ProcessBuilder("git", "daemon", "--export-all", "--reuseaddr", "--listen=127.0.0.1",
                "--port=" + port, "--interpolated-path=" + served + "/%H%D", "--verbose", "--informative-errors")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long waited = System.nanoTime();
            while (!Files.readString(log).contains("Ready to rumble") && System.nanoTime() - waited < 20_000_000_000L) {
                Thread.sleep(50);
            }
            Files.createDirectories(served.resolve("localhost"));
            Files.move(served.resolve("app"), served.resolve("localhost").resolve("app"));
            Path parent = Files.createDirectories(dir.resolve("clones"));
            try (RemoteCheckout checkout = RemoteCheckout.clone("git://localhost:" + port + "/app/.git",
                    Optional.empty(), parent, Duration.ofSeconds(15))) {
                assertThat(checkout.directory().resolve("ascent.yaml")).exists();
            }
        } finally {
            daemon.destroy();
            daemon.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    @Test
    void shouldAuthenticateWithTheEnginesCredentialsAndNeverShowTheSecret() throws Exception {
        List<String> authorizations = new CopyOnWriteArrayList<>();
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization == null) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"git\"");
                exchange.sendResponseHeaders(401, -1);
            } else {
                authorizations.add(authorization);
                exchange.sendResponseHeaders(403, -1);
            }
            exchange.close();
        });
        server.start();
        try {
            Files.createDirectories(dir.resolve("tmp"));
            GitCredentials credentials = new GitCredentials("ci-bot", "SECRET-TOKEN-123");
            EngineConfig config = EngineConfig.builder().temporaryDirectory(dir.resolve("tmp"))
                    .networkTimeout(Duration.ofSeconds(10)).gitCredentials(credentials).build();
            Report report = new Ascent(config, List.of(new RepositoryStep())).validate(ValidateOptions.builder(
                    Path.of(".")).repository("http://127.0.0.1:" + server.getAddress().getPort() + "/app.git")
                    .build(), ProgressListener.SILENT);

            assertThat(authorizations).isNotEmpty().allMatch(a -> a.equals("Basic " + java.util.Base64.getEncoder()
                    .encodeToString("ci-bot:SECRET-TOKEN-123".getBytes(java.nio.charset.StandardCharsets.UTF_8))));
            assertThat(report.verdict()).isNotEqualTo(Verdict.PASSED);
            java.io.StringWriter json = new java.io.StringWriter();
            new io.ascent.core.report.render.JsonRenderer().render(report, json);
            assertThat(json.toString()).contains("127.0.0.1").doesNotContain("SECRET-TOKEN");
            assertThat(credentials.toString()).doesNotContain("SECRET-TOKEN").contains("ci-bot");
            assertThat(config.gitCredentials()).contains(credentials);
        } finally {
            server.stop(0);
        }
        assertThat(dir.resolve("tmp")).isEmptyDirectory();
    }

    @Test
    void shouldTakeCredentialsFromTheEnvironmentOnlyWhenATokenIsSet() {
        assertThat(GitCredentials.fromEnvironment(java.util.Map.of())).isEmpty();
        assertThat(GitCredentials.fromEnvironment(java.util.Map.of(GitCredentials.SECRET_VARIABLE, "t")))
                .contains(new GitCredentials("git", "t"));
        assertThat(EngineConfig.fromEnvironment(java.util.Map.of(GitCredentials.USERNAME_VARIABLE, "me",
                GitCredentials.SECRET_VARIABLE, "t")).gitCredentials()).contains(new GitCredentials("me", "t"));
    }

    @Test
    void shouldReportAnUnknownRefAsAnInputError() throws Exception {
        Report report = validate(origin().toUri().toString(), Optional.of("no-such-branch"), Duration.ofSeconds(10));

        assertThat(RepositoryRun.items(report, RepositoryRule.REMOTE)).singleElement()
                .satisfies(item -> assertThat(item.isError(ErrorKind.INPUT)).isTrue());
        assertThat(report.verdict()).isEqualTo(Verdict.INVALID_INPUT);
        assertThat(dir.resolve("tmp")).isEmptyDirectory();
    }

    @Test
    void shouldStopACloneOfAnInterruptedThreadAndRemoveItsFolder() throws Exception {
        String url = origin().toUri().toString();
        Path parent = Files.createDirectories(dir.resolve("clones"));
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> RemoteCheckout.clone(url, Optional.empty(), parent, Duration.ofSeconds(10)))
                    .isInstanceOf(InterruptedException.class);
        } finally {
            Thread.interrupted();
        }
        assertThat(parent).isEmptyDirectory();
    }

    @Test
    void shouldMarkTheRunInterruptedAndLeaveNoCloneBehind() throws Exception {
        String url = origin().toUri().toString();
        Thread.currentThread().interrupt();
        Report report;
        try {
            report = validate(url, Optional.empty(), Duration.ofSeconds(10));
        } finally {
            Thread.interrupted();
        }
        assertThat(report.interrupted()).isTrue();
        assertThat(report.phases()).singleElement().satisfies(phase -> assertThat(phase.outcome())
                .isEqualTo(io.ascent.core.report.PhaseRecord.Outcome.INTERRUPTED));
        assertThat(dir.resolve("tmp")).isEmptyDirectory();
    }

    @Test
    void shouldCancelTheCloneOnceTheCallingThreadIsInterrupted() {
        RemoteCheckout.CancelOnInterrupt monitor = new RemoteCheckout.CancelOnInterrupt(Thread.currentThread());
        assertThat(monitor.isCancelled()).isFalse();
        Thread.currentThread().interrupt();
        try {
            assertThat(monitor.isCancelled()).isTrue();
            assertThat(monitor.isCancelled()).as("asking does not clear the flag").isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
