package io.ascent.core.provision.kube;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.ClientBuilder;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;

/**
 * client-java's {@link ApiClient}, whose TLS set-up runs once, when {@link ClientBuilder} has given it everything.
 *
 * <p>{@code ClientBuilder.build()} sets the client's TLS properties one by one (verification, the client key, the
 * CA), and client-java's client rebuilds its SSL context after each; before the first, its plain constructor builds
 * an OkHttp client with the JVM's default trust store. That is the default {@code cacerts} read and parsed (about
 * 35 ms of CPU in a cold JVM, for certificates a kubeconfig's CA replaces) and three SSL contexts made and thrown
 * away, on the path of every cold {@code ascent provision}. Here the client starts with a placeholder socket factory
 * that cannot connect, postpones client-java's own {@code applySslSettings()} until the builder is done, and then
 * runs it once: the same code, the same TLS result, a quarter of the work.
 */
final class SingleTlsApiClient extends ApiClient {

    private boolean built;

    private SingleTlsApiClient() {
        super(new OkHttpClient.Builder().sslSocketFactory(NotYet.FACTORY, NotYet.TRUST).build());
        // What client-java's plain constructor adds (download progress of its generated API calls).
        setHttpClient(getHttpClient().newBuilder().addNetworkInterceptor(getProgressInterceptor()).build());
    }

    /** {@code builder}'s client, with its TLS set up once. */
    static ApiClient build(ClientBuilder builder) {
        SingleTlsApiClient client = new SingleTlsApiClient();
        builder.setApiClient(client).build();
        client.built = true;
        client.applySslSettings();
        return client;
    }

    @Override
    protected void applySslSettings() {
        if (built) {
            super.applySslSettings();
        }
    }

    /** Stands in for the TLS set-up until it is done; never connects and trusts nothing. */
    private static final class NotYet extends SSLSocketFactory implements X509TrustManager {
        static final NotYet FACTORY = new NotYet();
        static final NotYet TRUST = FACTORY;

        private static IOException notYet() {
            return new IOException("the client's TLS is not set up yet");
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return new String[0];
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return new String[0];
        }

        @Override
        public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
            throw notYet();
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            throw notYet();
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            throw notYet();
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            throw notYet();
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            throw notYet();
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("the client's TLS is not set up yet");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("the client's TLS is not set up yet");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
