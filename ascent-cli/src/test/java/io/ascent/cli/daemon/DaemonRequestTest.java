package io.ascent.cli.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A request to the resident engine runs as the command line would in the client's directory and environment: the
 * same output and status, its files where the client is, nothing of another request's, and stopped as a signal
 * stops the command line.
 */
@Timeout(180)
class DaemonRequestTest {
    /** The repository's root: the tests run in ascent-cli. */
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    @TempDir
    Path dir;

    private InProcessDaemon daemon;

    @BeforeEach
    void start() throws Exception {
        daemon = InProcessDaemon.start(dir.resolve("rt").resolve("d.sock"), "10m");
    }

    @AfterEach
    void stop() throws Exception {
        daemon.close();
    }

    /** The environment of a client: the test's PATH and HOME, its own cache folder. */
    private Map<String, String> env(String... more) {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("HOME", System.getProperty("user.home"));
        env.put("XDG_CACHE_HOME", dir.resolve("cache").toString());
        for (int i = 0; i < more.length; i += 2) {
            env.put(more[i], more[i + 1]);
        }
        return env;
    }

    @Test
    void shouldPrintWhatTheCommandLinePrintsWhenValidatingByARelativePathFromTheClientsDirectory() throws Exception {
        Path log = dir.resolve("cli.log");
        Process cli = new ProcessBuilder(List.of(ChildDaemon.java(), "-cp", System.getProperty("java.class.path"),
                "io.ascent.cli.Main", "validate", "examples/hello-web")).directory(ROOT.toFile())
                .redirectErrorStream(false).redirectOutput(log.toFile()).start();
        assertThat(cli.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String expected = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(expected).contains("Ascent examples/hello-web");

        // The daemon's JVM works in another directory than the client: the relative path is the client's.
        try (ChildDaemon child = ChildDaemon.start(dir.resolve("rt2").resolve("d.sock"), dir.resolve("d.log"))) {
            DaemonClient.Answer answer = DaemonClient.run(child.socket, ROOT, env(), "validate",
                    "examples/hello-web");

            assertThat(answer.out()).isEqualTo(expected);
            assertThat(answer.status()).isEqualTo(cli.exitValue());
            assertThat(child.log()).doesNotContain("hello-web");
        }
    }

    @Test
    void shouldWriteARelativeOutputIntoTheClientsDirectory() throws Exception {
        Path client = Files.createDirectories(dir.resolve("client"));
        Path app = Files.createDirectories(client.resolve("app"));
        Files.writeString(app.resolve("ascent.yaml"), "apiVersion: ascent.dev/v1\nkind: Checklist\nmetadata:\n"
                + "  name: app\n");

        DaemonClient.Answer answer = DaemonClient.run(daemon.socket, client, env(), "validate", "app", "--no-git",
                "-f", "json", "--output", "report.json");

        assertThat(answer.status()).as(answer.err()).isZero();
        assertThat(client.resolve("report.json")).content().contains("\"verdict\" : \"PASSED\"");
        assertThat(Path.of("report.json")).doesNotExist();
        assertThat(answer.out()).contains("wrote report.json");
    }

    @Test
    void shouldStartChildProcessesInTheClientsDirectory() throws Exception {
        Path client = Files.createDirectories(dir.resolve("client"));
        // a kind that says where it was started and which release it is; doctor runs `kind version` and changes nothing
        Path kind = client.resolve("fake-kind");
        Files.writeString(kind, "#!/bin/sh\npwd -P > \"$0.pwd\"\necho 'kind v0.29.0 go1.24.2 linux/amd64'\n");
        assertThat(kind.toFile().setExecutable(true)).isTrue();

        DaemonClient.Answer answer = DaemonClient.run(daemon.socket, client, env("ASCENT_KIND", "./fake-kind"),
                "doctor", "--driver", "kind");

        assertThat(client.resolve("fake-kind.pwd")).as(answer.out() + answer.err())
                .hasContent(client.toRealPath().toString());
        assertThat(answer.out()).doesNotContain("fake-kind was not found");
    }

    @Test
    void shouldKeepTwoRequestsApartWhenTheyRunAtOnce() throws Exception {
        try (HangingSchemaServer schemas = new HangingSchemaServer()) {
            Path first = Files.createDirectories(dir.resolve("first"));
            Path second = Files.createDirectories(dir.resolve("second"));
            schemas.application(first.resolve("app"));
            schemas.application(second.resolve("app"));

            // The first one's environment allows the schema server, so its run waits there; the second one's does
            // not, asks its format as JSON and must neither see that URL allowed nor wait.
            CompletableFuture<DaemonClient.Answer> waiting = CompletableFuture.supplyAsync(() -> {
                try {
                    return DaemonClient.run(daemon.socket, first, env("ASCENT_ALLOWED_URLS", schemas.base), "validate",
                            "app", "--no-git", "-o", "first.txt");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(schemas.awaitAsked(60)).as("the first run to ask the schema server").isTrue();

            DaemonClient.Answer other = DaemonClient.run(daemon.socket, second, env(), "validate", "app", "--no-git",
                    "-f", "json", "-v");

            assertThat(other.status()).as(other.err()).isZero();
            assertThat(other.out()).startsWith("{").contains("\"verdict\" : \"PASSED\"", "no request was sent");
            assertThat(waiting).isNotDone();
            schemas.release();
            DaemonClient.Answer answer = waiting.get(60, TimeUnit.SECONDS);
            assertThat(answer.status()).as(answer.err()).isZero();
            assertThat(first.resolve("first.txt")).content().contains("Ascent app").doesNotContain("no request");
            assertThat(second.resolve("first.txt")).doesNotExist();
        }
    }

    @Test
    void shouldEndWith143AndTheInterruptedReportWhenTheClientForwardsSigterm() throws Exception {
        try (HangingSchemaServer schemas = new HangingSchemaServer()) {
            Path client = Files.createDirectories(dir.resolve("client"));
            schemas.application(client.resolve("app"));
            try (DaemonClient connection = DaemonClient.connect(daemon.socket)) {
                // -v: the run writes progress on standard error while it unwinds from the stop, too
                connection.send(client, env("ASCENT_ALLOWED_URLS", schemas.base), "validate", "app", "--no-git",
                        "-v", "-f", "text", "-f", "json", "-o", "-", "-o", "report.json");
                assertThat(schemas.awaitAsked(60)).isTrue();

                connection.signal(15);
                DaemonClient.Answer answer = connection.answer();

                assertThat(answer.status()).as(answer.out() + answer.err()).isEqualTo(143);
                assertThat(answer.out()).contains("result: INTERRUPTED (exit 143)");
                assertThat(answer.err()).contains("interrupted: the run was cancelled");
                assertThat(client.resolve("report.json")).content().contains("\"interrupted\" : true",
                        "\"exitStatus\" : 143");
                assertThat(answer.afterExit()).isFalse();
            }
        }
    }

    @Test
    void shouldStopTheRunWhenTheClientHangsUp() throws Exception {
        try (HangingSchemaServer schemas = new HangingSchemaServer()) {
            Path client = Files.createDirectories(dir.resolve("client"));
            schemas.application(client.resolve("app"));
            try (DaemonClient connection = DaemonClient.connect(daemon.socket)) {
                connection.send(client, env("ASCENT_ALLOWED_URLS", schemas.base), "validate", "app", "--no-git",
                        "-f", "json", "-o", "report.json");
                assertThat(schemas.awaitAsked(60)).isTrue();
            }

            // Stopped as SIGHUP stops the command line: the partial report is written, status 128 + 1.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!Files.exists(client.resolve("report.json")) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(client.resolve("report.json")).content().contains("\"interrupted\" : true",
                    "\"exitStatus\" : 129");
            String status = "";
            while (!status.contains(" 0 running") && System.nanoTime() < deadline) {
                status = DaemonClient.run(daemon.socket, client, env(), "daemon", "status").out();
            }
            assertThat(status).contains("1 requests served, 0 running");
            assertThat(DaemonProtocolTest.connectionThreads(5)).as("threads of the request hung up").isEmpty();
        }
    }
}
