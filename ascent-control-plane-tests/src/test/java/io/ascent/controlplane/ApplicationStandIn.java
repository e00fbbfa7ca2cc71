package io.ascent.controlplane;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * The application a deployment would run, reduced to an HTTP server that says
 * who it is and which path it was asked for. {@link ServiceProxyTest} starts it
 * inside a network namespace: {@code ApplicationStandIn ADDRESS PORT GREETING}.
 */
public final class ApplicationStandIn {

    private ApplicationStandIn() {
    }

    public static void main(String[] arguments) throws IOException {
        String address = arguments[0];
        int port = Integer.parseInt(arguments[1]);
        String greeting = arguments[2];
        HttpServer server = HttpServer.create(new InetSocketAddress(address, port), 16);
        server.createContext("/", exchange -> {
            byte[] body = (greeting + " " + exchange.getRequestURI().getPath()).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        System.out.println("listening on " + address + ":" + port);
    }
}
