package io.ascent.jenkins.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * An API server stand-in on 127.0.0.1 over HTTPS, with a self-signed certificate keytool issues at test time (so
 * only a client given {@link #caPem()} trusts it): it answers {@code /version} and refuses everything else with 403,
 * recording each request's path and {@code Authorization} header, to show what a token kubeconfig sends.
 */
final class TokenApiDouble implements AutoCloseable {

    private final HttpsServer server;
    private final String caPem;
    /** {@code <path> <Authorization header or "-">} per request, in order. */
    final List<String> requests = new CopyOnWriteArrayList<>();

    TokenApiDouble(Path dir) throws Exception {
        Path store = dir.resolve("api-double.p12");
        Path log = dir.resolve("keytool.log");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-keyalg", "EC", "-alias", "api", "-dname", "CN=api-double", "-validity", "2",
                "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", "changeit").redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(Files.readString(log)).isZero();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, "changeit".toCharArray());
        }
        caPem = "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'})
                .encodeToString(keys.getCertificate("api").getEncoded()) + "\n-----END CERTIFICATE-----\n";
        KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        managers.init(keys, "changeit".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(managers.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(context));
        server.createContext("/", exchange -> {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            requests.add(exchange.getRequestURI().getPath() + " " + (authorization == null ? "-" : authorization));
            boolean version = exchange.getRequestURI().getPath().equals("/version");
            byte[] body = (version ? "{\"major\":\"1\",\"minor\":\"31\",\"gitVersion\":\"v1.31.0\"}"
                    : "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"Forbidden\","
                    + "\"code\":403}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(version ? 200 : 403, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "https://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The server's (self-signed) certificate as PEM: the CA a client must be given. */
    String caPem() {
        return caPem;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
