package io.ascent.core.network;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The proxy through which a server is reached, chosen as kubectl (Go's {@code net/http}) chooses it: an explicit
 * proxy URL when there is one (a kubeconfig cluster's {@code proxy-url}), otherwise {@code HTTPS_PROXY} (for an
 * {@code https} server) or {@code HTTP_PROXY} (for an {@code http} one), upper case before lower case, unless
 * {@code NO_PROXY} names the server. The API server connection and schema downloads both go this way.
 * A server on {@code localhost} or a loopback address (a kind cluster) is never proxied. {@code NO_PROXY} is read
 * as Go reads it: comma-separated host names (each matching itself and its subdomains; with a leading dot, only
 * subdomains), IP addresses, CIDR ranges, {@code host:port}, or {@code *} for everything.
 *
 * <p>An {@code http://} or {@code socks5://} proxy is supported, with a user and password in the URL for an HTTP
 * proxy; an {@code https://} proxy (TLS to the proxy itself) is not, and says so. The password never reaches a
 * message: {@link #toString()} and {@link #describe()} show the proxy's address only.
 *
 * @param proxy       how to connect
 * @param address     {@code scheme://host:port} of the proxy, without credentials
 * @param source      where it came from ({@code proxy-url}, {@code HTTPS_PROXY}, ...)
 * @param credentials the {@code Proxy-Authorization} value for an HTTP proxy with a user, or empty
 */
public record ProxyRoute(Proxy proxy, String address, String source, Optional<String> credentials) {

    /** The proxy settings are unusable: the message names the setting and never its password. */
    public static final class ProxyException extends Exception {
        private static final long serialVersionUID = 1L;

        ProxyException(String message) {
            super(message);
        }
    }

    /**
     * The proxy for {@code server}, or empty for a direct connection.
     *
     * @param proxyUrl    the kubeconfig cluster's {@code proxy-url}, if any
     * @param environment the process environment ({@code HTTPS_PROXY}, {@code NO_PROXY}, ...)
     * @throws ProxyException when the proxy URL that applies cannot be used
     */
    public static Optional<ProxyRoute> forServer(URI server, Optional<String> proxyUrl,
            Map<String, String> environment) throws ProxyException {
        if (proxyUrl.isPresent() && !proxyUrl.get().isBlank()) {
            return Optional.of(parse(proxyUrl.get(), "the kubeconfig's proxy-url"));
        }
        String host = server.getHost() == null ? "" : server.getHost();
        boolean https = "https".equalsIgnoreCase(server.getScheme());
        String variable = https ? "HTTPS_PROXY" : "HTTP_PROXY";
        Optional<String> value = variable(environment, variable);
        if (value.isEmpty() || isLoopback(host)) {
            return Optional.empty();
        }
        int port = server.getPort() != -1 ? server.getPort() : https ? 443 : 80;
        if (bypassed(host, port, variable(environment, "NO_PROXY").orElse(""))) {
            return Optional.empty();
        }
        String name = environment.containsKey(variable) && !environment.get(variable).isBlank() ? variable
                : variable.toLowerCase(Locale.ROOT);
        return Optional.of(parse(value.get(), name));
    }

    /** The variable in upper case, else in lower case, when set and not blank. */
    private static Optional<String> variable(Map<String, String> environment, String name) {
        for (String key : new String[] {name, name.toLowerCase(Locale.ROOT)}) {
            String value = environment.get(key);
            if (value != null && !value.isBlank()) {
                return Optional.of(value.strip());
            }
        }
        return Optional.empty();
    }

    /** Go's rule: requests to localhost or a loopback address are never proxied. */
    public static boolean isLoopback(String host) {
        String bare = unbracket(host).toLowerCase(Locale.ROOT);
        if (bare.equals("localhost") || bare.endsWith(".localhost")) {
            return true;
        }
        return literal(bare).map(InetAddress::isLoopbackAddress).orElse(false);
    }

    /** Whether {@code NO_PROXY} ({@code noProxy}) names {@code host}:{@code port}. */
    public static boolean bypassed(String host, int port, String noProxy) {
        String name = unbracket(host).toLowerCase(Locale.ROOT);
        Optional<InetAddress> ip = literal(name);
        for (String raw : noProxy.split(",")) {
            String entry = raw.strip().toLowerCase(Locale.ROOT);
            if (entry.isEmpty()) {
                continue;
            }
            if (entry.equals("*")) {
                return true;
            }
            if (entry.contains("/")) {
                if (ip.isPresent() && inRange(ip.get(), entry)) {
                    return true;
                }
                continue;
            }
            int entryPort = -1;
            int colon = entry.lastIndexOf(':');
            if (colon > 0 && entry.indexOf(':') == colon && !entry.endsWith("]")) { // host:port, not an IPv6 address
                try {
                    entryPort = Integer.parseInt(entry.substring(colon + 1));
                    entry = entry.substring(0, colon);
                } catch (NumberFormatException e) {
                    continue;
                }
            }
            if (entryPort != -1 && entryPort != port) {
                continue;
            }
            entry = unbracket(entry);
            Optional<InetAddress> entryIp = literal(entry);
            if (entryIp.isPresent()) {
                if (ip.isPresent() && ip.get().equals(entryIp.get())) {
                    return true;
                }
                continue;
            }
            if (entry.startsWith("*.")) {
                entry = entry.substring(1);
            }
            if (entry.startsWith(".") ? name.endsWith(entry) : name.equals(entry) || name.endsWith("." + entry)) {
                return true;
            }
        }
        return false;
    }

    private static boolean inRange(InetAddress ip, String cidr) {
        int slash = cidr.indexOf('/');
        Optional<InetAddress> network = literal(cidr.substring(0, slash));
        int bits;
        try {
            bits = Integer.parseInt(cidr.substring(slash + 1));
        } catch (NumberFormatException e) {
            return false;
        }
        if (network.isEmpty()) {
            return false;
        }
        byte[] a = ip.getAddress();
        byte[] b = network.get().getAddress();
        if (a.length != b.length || bits < 0 || bits > a.length * 8) {
            return false;
        }
        for (int i = 0; i < bits; i++) {
            int mask = 0x80 >> (i % 8);
            if ((a[i / 8] & mask) != (b[i / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    /** An IP address written as one, never a name lookup. */
    private static Optional<InetAddress> literal(String text) {
        boolean v4 = text.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean v6 = text.contains(":") && text.matches("[0-9a-f:.%a-z]+");
        if (!v4 && !v6) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(text)); // a literal: no DNS query
        } catch (java.net.UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static String unbracket(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static ProxyRoute parse(String text, String source) throws ProxyException {
        String value = text.contains("://") ? text : "http://" + text; // Go reads a bare host:port as http
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new ProxyException("the proxy in " + source + " is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null) {
            throw new ProxyException("the proxy in " + source + " names no host");
        }
        Proxy.Type type = switch (scheme) {
            case "http" -> Proxy.Type.HTTP;
            case "socks5", "socks5h" -> Proxy.Type.SOCKS;
            case "https" -> throw new ProxyException("the proxy in " + source + " is an https:// proxy (TLS to the "
                    + "proxy itself), which Ascent cannot use");
            default -> throw new ProxyException("the proxy in " + source + " has the scheme '" + scheme
                    + "'; use http:// or socks5://");
        };
        int port = uri.getPort() != -1 ? uri.getPort() : type == Proxy.Type.HTTP ? 80 : 1080;
        String address = scheme + "://" + uri.getHost() + ":" + port;
        Optional<String> credentials = Optional.empty();
        if (uri.getRawUserInfo() != null) {
            if (type != Proxy.Type.HTTP) {
                // The JDK's SOCKS client takes a user only from the JVM-wide default Authenticator.
                throw new ProxyException("the proxy in " + source + " carries a user for a SOCKS proxy, which "
                        + "Ascent cannot authenticate to without changing the whole JVM's settings; use an http:// "
                        + "proxy or one without a user");
            }
            String[] parts = uri.getRawUserInfo().split(":", 2);
            String pair = decode(parts[0]) + ":" + (parts.length > 1 ? decode(parts[1]) : "");
            credentials = Optional.of("Basic " + java.util.Base64.getEncoder().encodeToString(
                    pair.getBytes(StandardCharsets.UTF_8)));
        }
        // Unresolved: the proxy's name is looked up when connecting, and an unknown one fails there, as kubectl's.
        return new ProxyRoute(new Proxy(type, InetSocketAddress.createUnresolved(uri.getHost(), port)), address,
                source, credentials);
    }

    private static String decode(String part) {
        return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /**
     * Answers this proxy's {@code 407} with its credentials, and OkHttp's pre-emptive challenge before a CONNECT
     * tunnel, for one HTTP client only: nothing JVM-wide ({@link java.net.Authenticator#setDefault}, system
     * properties) is touched, so builds sharing an agent JVM keep their own proxies. The JDK's HTTP client cannot do
     * this for an {@code https} URL: it drops a Basic {@code Proxy-Authorization} from the CONNECT request while the
     * JVM-wide {@code jdk.http.auth.tunneling.disabledSchemes} lists Basic, as it does by default. A refused answer is
     * not retried.
     */
    public okhttp3.Authenticator authenticator() {
        if (credentials.isEmpty()) {
            return okhttp3.Authenticator.NONE;
        }
        String value = credentials.get();
        return (route, response) -> response.request().header("Proxy-Authorization") != null ? null
                : response.request().newBuilder().header("Proxy-Authorization", value).build();
    }

    /** For a message: the proxy's address and where it came from, never its credentials. */
    public String describe() {
        return "the proxy " + address + " (" + source + ")";
    }

    @Override
    public String toString() {
        return "ProxyRoute[" + describe() + "]";
    }
}
