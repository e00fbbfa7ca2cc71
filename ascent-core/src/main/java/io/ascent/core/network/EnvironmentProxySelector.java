package io.ascent.core.network;

import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JDK's {@link ProxySelector} over {@link ProxyRoute}'s rules: {@code HTTPS_PROXY}, {@code HTTP_PROXY} and
 * {@code NO_PROXY} from the environment, as kubectl and curl read them. The JDK's own default selector reads only the
 * {@code https.proxyHost} system properties, which a CI agent seldom sets, so a schema download behind a proxy
 * failed where {@code curl} succeeded.
 *
 * <p>An unusable proxy variable fails the request (an exception the fetcher reports as a failed fetch) rather than
 * connecting directly: in a network that forces a proxy, a silent direct connection is the wrong answer. The
 * password of a proxy that asks for one is answered by the client that uses {@link #route}, per client
 * ({@link ProxyRoute#authenticator()}).
 */
public final class EnvironmentProxySelector extends ProxySelector {

    private final Map<String, String> environment;

    /** @param environment the process environment, or a test's */
    public EnvironmentProxySelector(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Override
    public List<Proxy> select(URI uri) {
        Optional<ProxyRoute> route;
        try {
            route = route(uri);
        } catch (ProxyRoute.ProxyException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return List.of(route.map(ProxyRoute::proxy).orElse(Proxy.NO_PROXY));
    }

    /**
     * The proxy for {@code uri} with its credentials, or empty for a direct connection.
     *
     * @throws ProxyRoute.ProxyException when the variable that applies is unusable (the message names it, never a
     *                                   password)
     */
    public Optional<ProxyRoute> route(URI uri) throws ProxyRoute.ProxyException {
        return ProxyRoute.forServer(uri, Optional.empty(), environment);
    }

    @Override
    public void connectFailed(URI uri, SocketAddress address, IOException failure) {
        // nothing to remember: one route per URI, and the fetcher does not ask a failed origin again
    }
}
