package io.ascent.core.manifest.cel.library;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A URL as Go's {@code net/url} (Go 1.26) parses it, with the parts Kubernetes' URL library exposes. {@code java.net.URI} is
 * stricter (it refuses the spaces Go keeps and escapes) and would give other answers, so the grammar is Go's:
 * {@link #parseRequestUri} for validity (an absolute URI or an absolute path), {@link #parse} for the parts.
 * Nothing here resolves a host name. Immutable.
 *
 * @param scheme   the scheme in lower case, or empty
 * @param opaque   what follows {@code scheme:} when it is not a path ({@code mailto:x}), or empty
 * @param userinfo the user information as written, or {@code null}
 * @param host     host and port ({@code [::1]:80}), unescaped, or empty
 * @param path     the path, unescaped
 * @param rawPath  the path as written when that differs from the default escaping of {@link #path}, or empty
 * @param forceQuery whether the URL ends in a {@code ?} with no query
 * @param rawQuery the query as written, without {@code ?}
 * @param fragment the fragment, unescaped
 */
record GoUrl(String scheme, String opaque, String userinfo, String host, String path, String rawPath,
        boolean forceQuery, String rawQuery, String fragment) {

    /** Thrown for text Go refuses; the message is Go's ({@code parse "x": invalid URI for request}). */
    static final class ParseException extends Exception {
        ParseException(String message) {
            super(message, null, false, false);
        }
    }

    private enum Mode { PATH, HOST, ZONE, USER_PASSWORD, QUERY_COMPONENT, FRAGMENT }

    /** {@code url.ParseRequestURI}: the whole text is the URI, with no fragment. */
    static GoUrl parseRequestUri(String raw) throws ParseException {
        try {
            return parse(raw, true);
        } catch (ParseException e) {
            throw new ParseException("parse " + GoQuote.quote(raw) + ": " + e.getMessage());
        }
    }

    /** Why {@link #parseRequestUri} refuses {@code raw}, if it does. */
    static Optional<String> requestUriError(String raw) {
        try {
            parseRequestUri(raw);
            return Optional.empty();
        } catch (ParseException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** {@code url.Parse}: the fragment is cut off first. */
    static GoUrl parse(String raw) throws ParseException {
        int hash = raw.indexOf('#');
        String u = hash < 0 ? raw : raw.substring(0, hash);
        GoUrl url;
        try {
            url = parse(u, false);
        } catch (ParseException e) {
            throw new ParseException("parse " + GoQuote.quote(u) + ": " + e.getMessage());
        }
        if (hash < 0 || hash == raw.length() - 1) {
            return url;
        }
        String fragment;
        try {
            fragment = unescape(raw.substring(hash + 1), Mode.FRAGMENT);
        } catch (ParseException e) {
            throw new ParseException("parse " + GoQuote.quote(raw) + ": " + e.getMessage());
        }
        return new GoUrl(url.scheme, url.opaque, url.userinfo, url.host, url.path, url.rawPath, url.forceQuery,
                url.rawQuery, fragment);
    }

    private static GoUrl parse(String raw, boolean viaRequest) throws ParseException {
        if (raw.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new ParseException("net/url: invalid control character in URL");
        }
        if (raw.isEmpty() && viaRequest) {
            throw new ParseException("empty url");
        }
        if (raw.equals("*")) {
            return new GoUrl("", "", null, "", "*", "", false, "", "");
        }
        String scheme = "";
        String rest = raw;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
                continue;
            }
            if (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.') {
                if (i == 0) {
                    break;
                }
                continue;
            }
            if (c == ':') {
                if (i == 0) {
                    throw new ParseException("missing protocol scheme");
                }
                scheme = raw.substring(0, i).toLowerCase(java.util.Locale.ROOT);
                rest = raw.substring(i + 1);
            }
            break;
        }
        boolean forceQuery = false;
        String rawQuery = "";
        if (rest.endsWith("?") && rest.indexOf('?') == rest.length() - 1) {
            forceQuery = true;
            rest = rest.substring(0, rest.length() - 1);
        } else {
            int question = rest.indexOf('?');
            if (question >= 0) {
                rawQuery = rest.substring(question + 1);
                rest = rest.substring(0, question);
            }
        }
        if (!rest.startsWith("/")) {
            if (!scheme.isEmpty()) {
                return new GoUrl(scheme, rest, null, "", "", "", forceQuery, rawQuery, "");
            }
            if (viaRequest) {
                throw new ParseException("invalid URI for request");
            }
            int slash = rest.indexOf('/');
            if ((slash < 0 ? rest : rest.substring(0, slash)).contains(":")) {
                throw new ParseException("first path segment in URL cannot contain colon");
            }
        }
        String userinfo = null;
        String host = "";
        if ((!scheme.isEmpty() || !viaRequest && !rest.startsWith("///")) && rest.startsWith("//")) {
            String authority = rest.substring(2);
            rest = "";
            int slash = authority.indexOf('/');
            if (slash >= 0) {
                rest = authority.substring(slash);
                authority = authority.substring(0, slash);
            }
            int at = authority.lastIndexOf('@');
            host = parseHost(scheme, at < 0 ? authority : authority.substring(at + 1));
            if (at >= 0) {
                userinfo = authority.substring(0, at);
                if (!validUserinfo(userinfo)) {
                    throw new ParseException("net/url: invalid userinfo");
                }
                int colon = userinfo.indexOf(':');
                unescape(colon < 0 ? userinfo : userinfo.substring(0, colon), Mode.USER_PASSWORD);
                if (colon >= 0) {
                    unescape(userinfo.substring(colon + 1), Mode.USER_PASSWORD);
                }
            }
        }
        String path = unescape(rest, Mode.PATH);
        String rawPath = escape(path, Mode.PATH).equals(rest) ? "" : rest;
        return new GoUrl(scheme, "", userinfo, host, path, rawPath, forceQuery, rawQuery, "");
    }

    /**
     * Go's {@code parseHost} as of Go 1.26: a bracketed host must be an IPv6 address (a zone allowed), and an
     * http(s) host may hold one colon only.
     */
    private static String parseHost(String scheme, String host) throws ParseException {
        int open = host.lastIndexOf('[');
        if (open > 0) {
            throw new ParseException("invalid IP-literal");
        }
        if (open == 0) {
            int close = host.lastIndexOf(']');
            if (close < 0) {
                throw new ParseException("missing ']' in host");
            }
            String colonPort = host.substring(close + 1);
            if (!validOptionalPort(colonPort)) {
                throw new ParseException("invalid port " + GoQuote.quote(colonPort) + " after host");
            }
            String port = unescape(colonPort, Mode.HOST);
            String inside = host.substring(1, close);
            int zone = inside.indexOf("%25");
            String name = zone >= 0
                    ? unescape(inside.substring(0, zone), Mode.HOST) + unescape(inside.substring(zone), Mode.ZONE)
                    : unescape(inside, Mode.HOST);
            IpAddress address;
            try {
                address = IpAddress.parse(name);
            } catch (IpAddress.ParseException e) {
                throw new ParseException("invalid host: " + e.getMessage());
            }
            if (address.is4()) {
                throw new ParseException("invalid IP-literal");
            }
            return "[" + name + "]" + port;
        }
        int colon = host.indexOf(':');
        if (colon >= 0) {
            if (colon != host.lastIndexOf(':') && !scheme.equals("http") && !scheme.equals("https")) {
                colon = host.lastIndexOf(':'); // database URLs list host:port pairs
            }
            if (!validOptionalPort(host.substring(colon))) {
                throw new ParseException("invalid port " + GoQuote.quote(host.substring(colon)) + " after host");
            }
        }
        return unescape(host, Mode.HOST);
    }

    private static boolean validOptionalPort(String port) {
        if (port.isEmpty()) {
            return true;
        }
        return port.charAt(0) == ':' && port.chars().skip(1).allMatch(c -> c >= '0' && c <= '9');
    }

    private static boolean validUserinfo(String text) {
        return text.chars().allMatch(c -> c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || "-._:~!$&'()*+,;=%@".indexOf(c) >= 0);
    }

    private static boolean isHex(byte c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    /** Go's {@code unescape}: validates the escapes of the mode and decodes them (and {@code +} in a query). */
    private static String unescape(String text, Mode mode) throws ParseException {
        byte[] s = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length);
        for (int i = 0; i < s.length; ) {
            byte c = s[i];
            if (c == '%') {
                if (i + 2 >= s.length || !isHex(s[i + 1]) || !isHex(s[i + 2])) {
                    String bad = new String(s, i, Math.min(3, s.length - i), StandardCharsets.UTF_8);
                    throw new ParseException("invalid URL escape " + GoQuote.quote(bad));
                }
                int value = Character.digit(s[i + 1], 16) << 4 | Character.digit(s[i + 2], 16);
                String escape = new String(s, i, 3, StandardCharsets.UTF_8);
                // in a host, %-escapes are for non-ASCII bytes only (RFC 3986 3.2.2), %25 aside
                if (mode == Mode.HOST && Character.digit(s[i + 1], 16) < 8 && !escape.equals("%25")) {
                    throw new ParseException("invalid URL escape " + GoQuote.quote(escape));
                }
                if (mode == Mode.ZONE && !escape.equals("%25") && value != ' '
                        && (value >= 0x80 || shouldEscape((byte) value, Mode.HOST))) {
                    throw new ParseException("invalid URL escape " + GoQuote.quote(escape));
                }
                out.write(value);
                i += 3;
            } else if (c == '+') {
                out.write(mode == Mode.QUERY_COMPONENT ? ' ' : '+');
                i++;
            } else {
                if ((mode == Mode.HOST || mode == Mode.ZONE) && c >= 0 && shouldEscape(c, mode)) {
                    throw new ParseException("invalid character " + GoQuote.quote(String.valueOf((char) c))
                            + " in host name");
                }
                out.write(c);
                i++;
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Go's {@code shouldEscape} for the modes Ascent uses. */
    private static boolean shouldEscape(byte c, Mode mode) {
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
            return false;
        }
        if ((mode == Mode.HOST || mode == Mode.ZONE) && "!$&'()*+,;=:[]<>\"".indexOf(c) >= 0) {
            return false;
        }
        if ("-_.~".indexOf(c) >= 0) {
            return false;
        }
        if ("$&+,/:;=?@".indexOf(c) >= 0) {
            return switch (mode) {
                case PATH -> c == '?';
                case USER_PASSWORD -> c == '@' || c == '/' || c == '?' || c == ':';
                case QUERY_COMPONENT -> true;
                case FRAGMENT -> false;
                default -> true;
            };
        }
        return !(mode == Mode.FRAGMENT && "!()*".indexOf(c) >= 0);
    }

    private static String escape(String text, Mode mode) {
        StringBuilder out = new StringBuilder(text.length());
        for (byte c : text.getBytes(StandardCharsets.UTF_8)) {
            if (c < 0 || shouldEscape(c, mode)) {
                out.append('%').append(Character.toUpperCase(Character.forDigit((c >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            } else {
                out.append((char) c);
            }
        }
        return out.toString();
    }

    private static boolean validEncoded(String text, Mode mode) {
        for (byte c : text.getBytes(StandardCharsets.UTF_8)) {
            if ("!$&'()*+,;=:@[]%".indexOf(c) < 0 && (c < 0 || shouldEscape(c, mode))) {
                return false;
            }
        }
        return true;
    }

    /** {@code EscapedPath()}: the path as written when that is a valid encoding of it, else the default escaping. */
    String escapedPath() {
        if (!rawPath.isEmpty() && validEncoded(rawPath, Mode.PATH)) {
            try {
                if (unescape(rawPath, Mode.PATH).equals(path)) {
                    return rawPath;
                }
            } catch (ParseException e) {
                // falls back to the escaped path, as Go does
            }
        }
        return path.equals("*") ? "*" : escape(path, Mode.PATH);
    }

    /** {@code Hostname()}: the host without port and without the brackets of an IPv6 address. */
    String hostname() {
        return splitHostPort()[0];
    }

    /** {@code Port()}: the port, or empty. */
    String port() {
        return splitHostPort()[1];
    }

    private String[] splitHostPort() {
        String name = host;
        String port = "";
        int colon = name.lastIndexOf(':');
        if (colon >= 0 && validOptionalPort(name.substring(colon))) {
            port = name.substring(colon + 1);
            name = name.substring(0, colon);
        }
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        return new String[] {name, port};
    }

    /** {@code Query()}: Go's {@code ParseQuery}, skipping pairs it cannot decode and pairs with a semicolon. */
    Map<String, List<String>> query() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&", -1)) {
            if (pair.isEmpty() || pair.contains(";")) {
                continue;
            }
            int equals = pair.indexOf('=');
            try {
                String key = unescape(equals < 0 ? pair : pair.substring(0, equals), Mode.QUERY_COMPONENT);
                String value = unescape(equals < 0 ? "" : pair.substring(equals + 1), Mode.QUERY_COMPONENT);
                out.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
            } catch (ParseException e) {
                // Go skips the pair
            }
        }
        out.replaceAll((key, values) -> List.copyOf(values));
        return out;
    }

    /**
     * Go's {@code URL.String()}, which Kubernetes compares for URL equality (user information is kept as written
     * here, where Go re-escapes it).
     */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        if (!scheme.isEmpty()) {
            out.append(scheme).append(':');
        }
        if (!opaque.isEmpty()) {
            out.append(opaque);
        } else {
            if (!scheme.isEmpty() || !host.isEmpty() || userinfo != null) {
                if (!host.isEmpty() || !path.isEmpty() || userinfo != null) {
                    out.append("//");
                }
                if (userinfo != null) {
                    out.append(userinfo).append('@');
                }
                out.append(escape(host, Mode.HOST));
            }
            String escaped = escapedPath();
            if (!escaped.isEmpty() && escaped.charAt(0) != '/' && !host.isEmpty()) {
                out.append('/');
            }
            if (out.length() == 0) {
                int slash = escaped.indexOf('/');
                if ((slash < 0 ? escaped : escaped.substring(0, slash)).contains(":")) {
                    out.append("./");
                }
            }
            out.append(escaped);
        }
        if (forceQuery || !rawQuery.isEmpty()) {
            out.append('?').append(rawQuery);
        }
        if (!fragment.isEmpty()) {
            out.append('#').append(escape(fragment, Mode.FRAGMENT));
        }
        return out.toString();
    }
}
