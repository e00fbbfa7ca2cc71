package io.ascent.core.network;

import java.io.Serializable;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The URL prefixes the operator allows Ascent to fetch from: {@code --allow-url PREFIX} (repeatable),
 * {@value #ENVIRONMENT_VARIABLE}, or the Jenkins global configuration. Empty by default: a URL a repository names
 * is asked only when it starts with an allowed prefix, never because the repository says so.
 *
 * <p>Prefixes and URLs are compared in a normal form: scheme and host in lower case, the default port dropped,
 * {@code .} and {@code ..} segments resolved, and a prefix without a path ending in {@code /}, so that
 * {@code https://schemas.example} allows {@code https://schemas.example/x.json} but not
 * {@code https://schemas.example.attacker.test/}. A prefix ends where it is written: end it with {@code /} to stop
 * at a folder. URLs carrying user information ({@code https://a@b/}) are never allowed. Immutable.
 */
public final class UrlAllowList implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The environment variable the command line reads: prefixes separated by spaces, commas or new lines. */
    public static final String ENVIRONMENT_VARIABLE = "ASCENT_ALLOWED_URLS";
    /** The command-line option that adds a prefix; messages name it. */
    public static final String OPTION = "--allow-url";

    private static final UrlAllowList NONE = new UrlAllowList(List.of());

    private final List<String> prefixes;

    private UrlAllowList(List<String> prefixes) {
        this.prefixes = List.copyOf(prefixes);
    }

    /** Nothing allowed: the default. */
    public static UrlAllowList none() {
        return NONE;
    }

    /**
     * The given prefixes.
     *
     * @throws IllegalArgumentException for a prefix that is not an absolute {@code http(s)} URL with a host, or
     *                                  that carries user information
     */
    public static UrlAllowList of(Collection<String> prefixes) {
        Set<String> normal = new LinkedHashSet<>();
        for (String prefix : prefixes) {
            String trimmed = prefix.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            normal.add(normalize(trimmed).orElseThrow(() -> new IllegalArgumentException("'" + trimmed
                    + "' is not a URL prefix Ascent can allow: write an http:// or https:// URL with a host, such "
                    + "as https://raw.githubusercontent.com/datreeio/CRDs-catalog/")));
        }
        return normal.isEmpty() ? NONE : new UrlAllowList(new ArrayList<>(normal));
    }

    /** The prefixes of {@value #ENVIRONMENT_VARIABLE} in {@code environment}; none when it is unset or blank. */
    public static UrlAllowList fromEnvironment(Map<String, String> environment) {
        String value = environment.get(ENVIRONMENT_VARIABLE);
        if (value == null || value.isBlank()) {
            return NONE;
        }
        try {
            return of(List.of(value.split("[\\s,]+")));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(ENVIRONMENT_VARIABLE + ": " + e.getMessage(), e);
        }
    }

    /** These prefixes and {@code other}'s. */
    public UrlAllowList plus(UrlAllowList other) {
        if (other.prefixes.isEmpty()) {
            return this;
        }
        Set<String> all = new LinkedHashSet<>(prefixes);
        all.addAll(other.prefixes);
        return new UrlAllowList(new ArrayList<>(all));
    }

    /** The prefixes, in normal form. */
    public List<String> prefixes() {
        return prefixes;
    }

    public boolean isEmpty() {
        return prefixes.isEmpty();
    }

    /** Whether {@code url} (a whole URL, or the fixed beginning of a template) starts with an allowed prefix. */
    public boolean allows(String url) {
        if (prefixes.isEmpty()) {
            return false;
        }
        Optional<String> normal = normalize(url);
        return normal.isPresent() && prefixes.stream().anyMatch(normal.get()::startsWith);
    }

    /** Whether {@code uri} starts with an allowed prefix. */
    public boolean allows(URI uri) {
        return allows(uri.toString());
    }

    /**
     * The normal form of an absolute http(s) URL, or empty when it is none (no host, another scheme, user
     * information, unparsable). The fragment is left out: it is never sent.
     */
    static Optional<String> normalize(String text) {
        URI uri;
        try {
            uri = new URI(text).normalize();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                || uri.getRawUserInfo() != null) {
            return Optional.empty();
        }
        int port = uri.getPort();
        boolean defaultPort = port == -1 || scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443;
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (path.startsWith("/..")) {
            return Optional.empty(); // climbs above the root: no server path, no prefix match
        }
        StringBuilder out = new StringBuilder(scheme).append("://").append(uri.getHost().toLowerCase(Locale.ROOT));
        if (!defaultPort) {
            out.append(':').append(port);
        }
        out.append(path);
        if (uri.getRawQuery() != null) {
            out.append('?').append(uri.getRawQuery());
        }
        return Optional.of(out.toString());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UrlAllowList other && other.prefixes.equals(prefixes);
    }

    @Override
    public int hashCode() {
        return prefixes.hashCode();
    }

    @Override
    public String toString() {
        return prefixes.isEmpty() ? "no URL allowed" : String.join(" ", prefixes);
    }
}
