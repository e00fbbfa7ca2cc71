package io.ascent.core.provision.kube;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * An HTTPS server on 127.0.0.1 answering {@code /version} like an API server (v1.31.0), with a certificate keytool
 * issues at test time for the subject alternative names given ({@code ip:127.0.0.1}, {@code dns:api.cluster.test}).
 */
final class HttpsVersionServer implements AutoCloseable {

    static final String VERSION = "{\"major\":\"1\",\"minor\":\"31\",\"gitVersion\":\"v1.31.0\"}";

    private final HttpsServer server;
    private final String certificatePem;

    /** The subject of the client certificate of each request, in order, when client certificates are required. */
    final List<String> clientSubjects = Collections.synchronizedList(new ArrayList<>());

    /** Client certificate subjects answered 401 Unauthorized (a certificate the server no longer accepts). */
    final java.util.Set<String> unauthorised = java.util.concurrent.ConcurrentHashMap.newKeySet();

    HttpsVersionServer(Path dir, String subjectAlternativeNames) throws Exception {
        this(dir, subjectAlternativeNames, false);
    }

    /**
     * @param requireClientCertificate refuse a TLS handshake without a client certificate (any is trusted) and
     *                                 record each request's in {@link #clientSubjects}
     */
    HttpsVersionServer(Path dir, String subjectAlternativeNames, boolean requireClientCertificate) throws Exception {
        Path store = Files.createTempFile(dir, "server", ".p12");
        Files.delete(store);
        Path log = dir.resolve(store.getFileName() + ".log");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-keyalg", "EC", "-alias", "server", "-dname", "CN=api-server", "-validity", "2",
                "-ext", "SAN=" + subjectAlternativeNames, "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", "changeit").redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(Files.readString(log)).isZero();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, "changeit".toCharArray());
        }
        certificatePem = "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'})
                .encodeToString(keys.getCertificate("server").getEncoded()) + "\n-----END CERTIFICATE-----\n";
        KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        managers.init(keys, "changeit".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(managers.getKeyManagers(), requireClientCertificate ? new TrustManager[] {new AnyClient()} : null,
                null);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(context) {
            @Override
            public void configure(HttpsParameters parameters) {
                SSLParameters tls = context.getDefaultSSLParameters();
                tls.setNeedClientAuth(requireClientCertificate);
                parameters.setSSLParameters(tls);
            }
        });
        server.createContext("/version", exchange -> {
            if (requireClientCertificate) {
                String subject = ((X509Certificate) ((HttpsExchange) exchange).getSSLSession()
                        .getPeerCertificates()[0]).getSubjectX500Principal().getName();
                clientSubjects.add(subject);
                if (unauthorised.contains(subject)) {
                    exchange.sendResponseHeaders(401, -1);
                    exchange.close();
                    return;
                }
            }
            byte[] body = VERSION.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** The certificate as a kubeconfig's {@code certificate-authority-data} holds it (base64 of the PEM). */
    String certificateAuthorityData() {
        return Base64.getEncoder().encodeToString(certificatePem.getBytes(StandardCharsets.US_ASCII));
    }

    /** Trusts every client certificate: the test looks at which one came, not who issued it. */
    private static final class AnyClient implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("a server only");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
