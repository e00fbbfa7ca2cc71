package io.ascent.core.repo;

import io.ascent.core.network.ProxyRoute;
import java.io.IOException;
import java.net.Proxy;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.transport.http.HttpConnection;
import org.eclipse.jgit.transport.http.HttpConnectionFactory2;
import org.eclipse.jgit.transport.http.JDKHttpConnectionFactory;

/**
 * JGit's HTTP connections for one clone, routed by the run's environment ({@code HTTPS_PROXY}, {@code HTTP_PROXY},
 * {@code NO_PROXY}, as {@link ProxyRoute} reads them for the API server and schema downloads) instead of the JVM's
 * {@link java.net.ProxySelector}. JGit's {@code TransportHttp} asks the JVM-wide selector and hands its answer to
 * the connection factory; a factory set on the one transport ({@code TransportHttp.setHttpConnectionFactory}, from
 * the clone's {@code TransportConfigCallback}) ignores that answer. So each build on a shared Jenkins agent clones
 * through its own proxy, and nothing JVM-wide is read or changed.
 *
 * <p>A proxy user and password are sent for an {@code http://} remote ({@code Proxy-Authorization} on each request).
 * For an {@code https://} remote they cannot be: the JDK connection JGit uses opens the tunnel ({@code CONNECT})
 * without the request's headers, and answers a proxy's Basic challenge there only when the JVM-wide
 * {@code jdk.http.auth.tunneling.disabledSchemes} allows it. Such a clone is refused with that reason rather than
 * sent to the proxy without its credentials.
 */
final class ProxiedHttpConnections implements HttpConnectionFactory2 {

    /** A proxy setting this clone cannot use; the message names the setting, never a password. */
    static final class UnusableProxy extends IOException {
        private static final long serialVersionUID = 1L;

        UnusableProxy(String message) {
            super(message);
        }
    }

    private final JDKHttpConnectionFactory connections = new JDKHttpConnectionFactory();
    private final Map<String, String> environment;

    ProxiedHttpConnections(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Override
    public HttpConnection create(URL url) throws IOException {
        return create(url, null);
    }

    /** A connection to {@code url} through the run's proxy; {@code jvmChoice}, the JVM selector's, is ignored. */
    @Override
    public HttpConnection create(URL url, Proxy jvmChoice) throws IOException {
        Optional<ProxyRoute> route = route(url);
        HttpConnection connection = connections.create(url, route.map(ProxyRoute::proxy).orElse(Proxy.NO_PROXY));
        route.flatMap(ProxyRoute::credentials)
                .ifPresent(credentials -> connection.setRequestProperty("Proxy-Authorization", credentials));
        return connection;
    }

    /**
     * The proxy the run's environment names for {@code url}, or empty for a direct connection.
     *
     * @throws UnusableProxy when the setting that applies cannot be used for it
     */
    Optional<ProxyRoute> route(URL url) throws UnusableProxy {
        Optional<ProxyRoute> route;
        try {
            route = ProxyRoute.forServer(url.toURI(), Optional.empty(), environment);
        } catch (ProxyRoute.ProxyException e) {
            throw new UnusableProxy(e.getMessage());
        } catch (URISyntaxException e) {
            throw new UnusableProxy("the remote's address is not a URL");
        }
        if (route.isPresent() && route.get().credentials().isPresent()
                && "https".equalsIgnoreCase(url.getProtocol())) {
            throw new UnusableProxy("the proxy " + route.get().address() + " (" + route.get().source() + ") has a "
                    + "user and password, which a clone of an https:// remote cannot send it (JGit's JDK connection "
                    + "opens the tunnel without them)");
        }
        return route;
    }

    @Override
    public GitSession newSession() {
        return connections.newSession();
    }
}
