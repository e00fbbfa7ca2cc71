package io.ascent.core.provision.kube;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every request's socket has Nagle's algorithm off, so a request in two writes is not held for a delayed ACK. */
class NoDelaySocketsTest {

    @Test
    void shouldTurnNagleOffOnEverySocketItMakes() throws Exception {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        NoDelaySockets sockets = new NoDelaySockets();
        try (ServerSocket server = new ServerSocket(0, 10, loopback)) {
            int port = server.getLocalPort();
            List<Socket> made = new ArrayList<>();
            try {
                Socket unconnected = sockets.createSocket();
                made.add(unconnected);
                unconnected.connect(new InetSocketAddress(loopback, port));
                made.add(sockets.createSocket(loopback.getHostAddress(), port));
                made.add(sockets.createSocket(loopback.getHostAddress(), port, loopback, 0));
                made.add(sockets.createSocket(loopback, port));
                made.add(sockets.createSocket(loopback, port, loopback, 0));
                for (Socket socket : made) {
                    assertThat(socket.getTcpNoDelay()).as(socket.toString()).isTrue();
                }
            } finally {
                for (Socket socket : made) {
                    socket.close();
                }
            }
        }
    }

    @Test
    void shouldBeWhereAConnectionsSocketsComeFrom() throws Exception {
        try (ApiServerDouble server = ApiServerDouble.started()) {
            KubeConnection connection = server.connection();
            try {
                assertThat(connection.socketFactory()).isInstanceOf(NoDelaySockets.class);
            } finally {
                connection.close();
            }
        }
    }
}
