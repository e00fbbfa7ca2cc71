package io.ascent.core.provision.kube;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the API server's {@code Warning} response headers (RFC 7234 section 5.5, as Kubernetes sends them since
 * 1.19: {@code 299 - "v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice"}), the way
 * client-go's {@code ParseWarningHeaders} does: a three-digit code, an agent, a quoted text with backslash escapes,
 * an optional quoted date, several warnings in one header separated by commas. Bounded: a hostile or broken server
 * cannot make Ascent keep more than {@value #MAX_WARNINGS} warnings of {@value #MAX_LENGTH} characters each; a header
 * that does not parse is skipped, as client-go skips it.
 */
final class ServerWarnings {

    static final int MAX_WARNINGS = 20;
    static final int MAX_LENGTH = 1_000;

    private ServerWarnings() {
    }

    /** The warnings' texts, in the order of the headers. */
    static List<String> parse(List<String> headers) {
        List<String> warnings = new ArrayList<>();
        for (String header : headers) {
            Reader reader = new Reader(header);
            while (warnings.size() < MAX_WARNINGS && reader.next()) {
                String text = reader.text.toString().strip();
                if (!text.isEmpty()) {
                    warnings.add(text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) + "..." : text);
                }
            }
        }
        return warnings;
    }

    /** Reads one header value warning by warning. */
    private static final class Reader {
        private final String value;
        private int at;
        private final StringBuilder text = new StringBuilder();

        Reader(String value) {
            this.value = value;
        }

        /** Reads the next warning into {@link #text}; false at the end or on a malformed rest. */
        boolean next() {
            text.setLength(0);
            skipSpaces();
            if (at < value.length() && value.charAt(at) == ',') {
                at++;
                skipSpaces();
            }
            if (at + 3 > value.length() || !isCode(value.substring(at, at + 3))) {
                return false;
            }
            at += 3;
            if (!space()) {
                return false;
            }
            while (at < value.length() && value.charAt(at) != ' ') {
                at++; // the agent ("-" from the API server)
            }
            if (!space() || !quoted(text)) {
                return false;
            }
            skipSpaces();
            // an optional quoted date; a malformed one spoils the rest
            return at >= value.length() || value.charAt(at) != '"' || quoted(new StringBuilder());
        }

        private boolean quoted(StringBuilder into) {
            if (at >= value.length() || value.charAt(at) != '"') {
                return false;
            }
            at++;
            while (at < value.length()) {
                char c = value.charAt(at++);
                if (c == '"') {
                    return true;
                }
                if (c == '\\' && at < value.length()) {
                    c = value.charAt(at++);
                }
                if (into.length() <= MAX_LENGTH) {
                    into.append(c);
                }
            }
            return false; // no closing quote
        }

        private boolean space() {
            if (at < value.length() && value.charAt(at) == ' ') {
                skipSpaces();
                return true;
            }
            return false;
        }

        private void skipSpaces() {
            while (at < value.length() && value.charAt(at) == ' ') {
                at++;
            }
        }

        private static boolean isCode(String text) {
            return Character.isDigit(text.charAt(0)) && Character.isDigit(text.charAt(1))
                    && Character.isDigit(text.charAt(2));
        }
    }
}
