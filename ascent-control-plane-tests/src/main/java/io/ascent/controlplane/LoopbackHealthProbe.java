package io.ascent.controlplane;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Waits for a component's health endpoint on 127.0.0.1 to answer 200.
 *
 * <p>The controller-manager and scheduler serve health over HTTPS with a
 * certificate they generate themselves at start, so there is nothing to trust
 * in advance: this probe accepts any certificate. It only ever talks to
 * loopback ports of processes this harness started, and only reads /healthz.
 */
final class LoopbackHealthProbe {

    private final HttpClient client;

    LoopbackHealthProbe() {
        // HTTP/1.1: over HTTP/2 the JDK client gave up on the API server's GOAWAY frames.
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .sslContext(acceptingAnyCertificate())
                .connectTimeout(Duration.ofSeconds(2))
                .build();
    }

    void awaitHealthy(ComponentProcess component, URI endpoint, Duration timeout)
            throws InterruptedException, IOException {
        if (!"127.0.0.1".equals(endpoint.getHost())) {
            throw new IllegalArgumentException("health probes only go to 127.0.0.1, not " + endpoint);
        }
        Instant deadline = Instant.now().plus(timeout);
        String lastAnswer = "no answer yet";
        while (Instant.now().isBefore(deadline)) {
            component.requireAlive();
            try {
                HttpResponse<String> response = client.send(
                        HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(5)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
                lastAnswer = response.statusCode() + " " + response.body();
            } catch (IOException e) {
                lastAnswer = e.toString();
            }
            Thread.sleep(200);
        }
        throw new IOException(component + " was not healthy at " + endpoint + " within " + timeout
                + " (last answer: " + lastAnswer + "); its log " + component.log() + " ends with:\n"
                + LogTail.of(component.log(), 40));
    }

    private static SSLContext acceptingAnyCertificate() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new AcceptingTrustManager()}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Extended, so that JSSE does not add a host name check the self-signed certificates cannot pass. */
    private static final class AcceptingTrustManager extends X509ExtendedTrustManager {
        @Override public void checkClientTrusted(X509Certificate[] chain, String authType, java.net.Socket socket) { }
        @Override public void checkServerTrusted(X509Certificate[] chain, String authType, java.net.Socket socket) { }
        @Override public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) { }
        @Override public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) { }
        @Override public void checkClientTrusted(X509Certificate[] chain, String authType) { }
        @Override public void checkServerTrusted(X509Certificate[] chain, String authType) { }
        @Override public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
