package io.ascent.cli.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a stopped run writes still reaches the client: its thread is interrupted, and an interrupted thread's write
 * would close the connection (a socket channel is interruptible), losing the interrupted run's report.
 */
@Timeout(60)
class OutputRelayTest {
    @TempDir
    Path dir;

    @Test
    void shouldDeliverWhatAnInterruptedThreadWritesAndKeepTheConnectionOpen() throws Exception {
        Path socket = dir.resolve("r.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            try (DaemonClient client = DaemonClient.connect(socket);
                    SocketChannel accepted = server.accept();
                    FrameChannel channel = new FrameChannel(accepted)) {
                OutputRelay relay = new OutputRelay(channel);
                boolean[] stillInterrupted = new boolean[1];
                Thread run = new Thread(() -> {
                    Thread.currentThread().interrupt(); // as a stop leaves the run's thread
                    FrameOutputStream err = new FrameOutputStream(relay, Frame.STDERR);
                    err.write("ascent: interrupted\n".getBytes(StandardCharsets.UTF_8), 0, 20);
                    stillInterrupted[0] = Thread.currentThread().isInterrupted();
                    relay.finish();
                });
                run.start();

                relay.relay();
                channel.write(Frame.ofNumber(Frame.EXIT, 143));
                channel.close();
                DaemonClient.Answer answer = client.answer();

                run.join();
                assertThat(answer.err()).isEqualTo("ascent: interrupted\n");
                assertThat(answer.status()).isEqualTo(143);
                assertThat(stillInterrupted[0]).as("the stop is still there for the run to see").isTrue();
            }
        }
    }
}
