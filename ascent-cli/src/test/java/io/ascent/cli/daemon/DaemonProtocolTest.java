package io.ascent.cli.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whatever a peer sends, the resident engine answers with one line naming the problem and status 4, or closes the
 * connection, and it keeps no thread for it: {@code daemon status} afterwards counts nothing running.
 */
@Timeout(120)
class DaemonProtocolTest {
    @TempDir
    Path dir;

    private InProcessDaemon daemon;

    @BeforeEach
    void start() throws Exception {
        daemon = InProcessDaemon.start(dir.resolve("rt").resolve("d.sock"), "10m");
    }

    @AfterEach
    void stopAndCheckNothingIsLeftRunning() throws Exception {
        DaemonClient.Answer status = DaemonClient.run(daemon.socket, dir, Map.of(), "daemon", "status");
        assertThat(status.out()).contains(" 0 running");
        assertThat(connectionThreads(5)).as("threads still serving a connection").isEmpty();
        daemon.close();
    }

    /** The server's threads for connections and runs still alive after {@code seconds}. */
    static List<String> connectionThreads(int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<String> alive;
        do {
            alive = Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                    .filter(name -> name.startsWith("ascent-daemon-request-") || name.startsWith("ascent-daemon-run-")
                            || name.startsWith("ascent-daemon-stops-") || name.startsWith("ascent-daemon-wait-"))
                    .toList();
            if (!alive.isEmpty()) {
                Thread.sleep(50);
            }
        } while (!alive.isEmpty() && System.nanoTime() < deadline);
        return alive;
    }

    private DaemonClient.Answer send(char type, String payload) throws Exception {
        return send(type, payload.getBytes(StandardCharsets.UTF_8));
    }

    private DaemonClient.Answer send(char type, byte[] payload) throws Exception {
        try (DaemonClient client = DaemonClient.connect(daemon.socket)) {
            client.sendFrame(type, payload);
            return client.answer();
        }
    }

    @Test
    void shouldColourHelpOnlyWhenTheClientsStandardInputAndOutputAreBothTerminals() throws Exception {
        assertThat(help(Map.of("stdinTty", true, "stdoutTty", true)).out()).contains("\u001b[1mascent checks");
        assertThat(help(Map.of("stdinTty", false, "stdoutTty", true)).out()).doesNotContain("\u001b[")
                .startsWith("Usage: ascent checks");
        assertThat(help(Map.of("stdinTty", true, "stdoutTty", false)).out()).doesNotContain("\u001b[");
    }

    @Test
    void shouldColourHelpByStandardOutputAloneForAClientThatDoesNotSayWhetherItsInputIsATerminal() throws Exception {
        assertThat(help(Map.of("stdoutTty", true)).out()).contains("\u001b[1mascent checks");
    }

    @Test
    void shouldRefuseATerminalFlagThatIsNotABoolean() throws Exception {
        DaemonClient.Answer answer = help(Map.of("stdinTty", "yes", "stdoutTty", true));

        assertThat(answer.status()).isEqualTo(4);
        assertThat(answer.err()).isEqualTo("ascent: the resident engine refused the request: the request's stdinTty is"
                + " not true or false\n");
    }

    /** {@code ascent checks --help} as a request whose terminal flags are {@code terminals}, the others absent. */
    private DaemonClient.Answer help(Map<String, Object> terminals) throws Exception {
        JSONObject request = new JSONObject().put("version", 1).put("cwd", dir.toString())
                .put("args", List.of("checks", "--help")).put("env", Map.of());
        terminals.forEach(request::put);
        return send('Q', request.toString());
    }

    @Test
    void shouldRefuseAnotherProtocolVersionWithOneLineAndStatus4() throws Exception {
        DaemonClient.Answer answer = send('Q', DaemonClient.request(dir, Map.of(), "checks")
                .replace("\"version\":1", "\"version\":2"));

        assertThat(answer.status()).isEqualTo(4);
        assertThat(answer.out()).isEmpty();
        assertThat(answer.err()).isEqualTo("ascent: the resident engine refused the request: the request is protocol"
                + " version 2; this resident engine speaks version 1 (stop it with 'ascent daemon stop' after updating"
                + " the client, or update both)\n");
    }

    @Test
    void shouldRefuseARequestThatIsNotJson() throws Exception {
        DaemonClient.Answer answer = send('Q', "{\"version\":1, \"cwd\": [[[[");

        assertThat(answer.status()).isEqualTo(4);
        assertThat(answer.err()).contains("the request is not a JSON object").doesNotContain("Exception");
    }

    @Test
    void shouldRefuseDeeplyNestedJsonWithoutAStackOverflow() throws Exception {
        DaemonClient.Answer answer = send('Q', "[".repeat(1_000_000));

        assertThat(answer.status()).isEqualTo(4);
        assertThat(answer.err()).contains("the request is not a JSON object");
    }

    @Test
    void shouldRefuseARequestThatIsNotUtf8() throws Exception {
        DaemonClient.Answer answer = send('Q', new byte[] {'{', (byte) 0xff, '}'});

        assertThat(answer.status()).isEqualTo(4);
        assertThat(answer.err()).contains("the request is not UTF-8 text");
    }

    @Test
    void shouldRefuseARelativeWorkingDirectory() throws Exception {
        DaemonClient.Answer answer = send('Q', DaemonClient.request(Path.of("relative"), Map.of(), "checks"));

        assertThat(answer.status()).isEqualTo(4);
        assertThat(answer.err()).contains("the request's cwd is not an absolute path");
    }

    @Test
    void shouldNameTheVariableButNeverItsValueWhenTheEnvironmentIsMalformed() throws Exception {
        DaemonClient.Answer answer = send('Q', "{\"version\":1,\"cwd\":\"/\",\"args\":[],"
                + "\"env\":{\"TOKEN\":{\"secret\":\"hunter2\"}}}");

        assertThat(answer.status()).isEqualTo(4);
        assertThat(answer.err()).contains("env value of TOKEN is not a string").doesNotContain("hunter2");
        assertThat(daemon.log()).doesNotContain("hunter2", "TOKEN");
    }

    @Test
    void shouldRefuseAnyFrameButTheRequestFirst() throws Exception {
        DaemonClient.Answer answer = send('S', ByteBuffer.allocate(4).putInt(15).array());

        assertThat(answer.status()).isEqualTo(4);
        assertThat(answer.err()).contains("the first frame must be the request ('Q'), not 'S'");
    }

    @Test
    void shouldCloseTheConnectionOnAFrameOverTheBoundWithoutReadingIt() throws Exception {
        try (DaemonClient client = DaemonClient.connect(daemon.socket)) {
            // a header announcing 16 MiB + 1 bytes, and none of them: a server that waited for them would hold the
            // connection until the request timeout
            client.sendRaw(ByteBuffer.allocate(5).put((byte) 'Q').putInt(16 * 1024 * 1024 + 1).flip());
            long started = System.nanoTime();
            DaemonClient.Answer answer = client.answer();

            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(3000);
            assertThat(answer.status()).isIn(4, null);
            if (answer.status() != null) {
                assertThat(answer.err()).contains("over the limit of 16777216 bytes");
            }
        }
    }

    @Test
    void shouldAcceptAFrameOfExactlyTheBound() throws Exception {
        String request = DaemonClient.request(dir, Map.of(), "daemon", "status");
        byte[] padded = (request.substring(0, request.length() - 1) + ",\"pad\":\""
                + "x".repeat(16 * 1024 * 1024 - request.length() - 9) + "\"}").getBytes(StandardCharsets.UTF_8);
        assertThat(padded).hasSize(16 * 1024 * 1024);

        DaemonClient.Answer answer = send('Q', padded);

        assertThat(answer.status()).as(answer.err()).isZero();
        assertThat(answer.out()).startsWith("ascent daemon: pid ");
    }

    @Test
    void shouldDropAClientThatConnectsAndSendsNothing() throws Exception {
        try (DaemonClient client = DaemonClient.connect(daemon.socket)) {
            long started = System.nanoTime();

            DaemonClient.Answer answer = client.answer();

            assertThat(answer.status()).isNull();
            assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started))
                    .isBetween((long) Connection.REQUEST_WAIT_SECONDS - 1, (long) Connection.REQUEST_WAIT_SECONDS + 5);
        }
    }

    @Test
    void shouldDropAConnectionThatEndsInsideTheRequest() throws Exception {
        try (DaemonClient client = DaemonClient.connect(daemon.socket)) {
            client.sendRaw(ByteBuffer.wrap(new byte[] {'Q', 0, 0, 1, 0, '{'}));
            client.close();
        }
        // the @AfterEach status shows nothing left running
    }
}
