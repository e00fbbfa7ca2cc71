package io.ascent.core.manifest.check;

import io.ascent.core.manifest.Resource;
import io.ascent.core.report.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * Values that hold a variable of a substitution step, {@code ${CLUSTER_NAME}}, {@code ${WORKER_MACHINE_COUNT}},
 * {@code ${SERVICE_CIDR:=["10.128.0.0/12"]}}: ClusterAPI's cluster templates ({@code clusterctl generate cluster},
 * drone/envsubst's syntax) and manifests run through {@code envsubst}. The API server never sees such a value, so a
 * name, type or pattern check of it as written judges the template, not the object; only what stays wrong whatever
 * the variable holds is a finding (kubernetes-sigs/cluster-api {@code test/e2e/data/infrastructure-docker/main}:
 * 53 FAILs, each a variable).
 */
final class TemplateVariables {
    /**
     * {@code ${NAME}} and drone/envsubst's forms with a default or an operation ({@code ${NAME:-x}}); clusterctl
     * takes spaces inside the braces too ({@code ${ CLUSTER_NAME }}, its {@code \$\{\s*([A-Z0-9_]+)}).
     */
    // Possessive quantifiers: a value is hostile input (up to 2 MiB), and with backtracking "${AAAA..." without a
    // closing brace took time quadratic in its length (40,000 characters: 42 s), as the name and the rest overlap.
    static final Pattern VARIABLE = Pattern.compile("\\$\\{\\s*+([A-Za-z_][A-Za-z0-9_]*+)([^{}]*+)}");
    /** Where a variable starts, nested ones too ({@code ${CLUSTER_CLASS_NAMESPACE:-${NAMESPACE}}}). */
    private static final Pattern NAME = Pattern.compile("\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)");

    private TemplateVariables() {
    }

    /** The variables {@code value} holds, as written ({@code ${CLUSTER_NAME}}), sorted; empty for anything else. */
    static Set<String> in(Object value) {
        Set<String> names = new TreeSet<>();
        if (value instanceof String text && text.contains("${")) {
            Matcher m = NAME.matcher(text);
            while (m.find()) {
                names.add("${" + m.group(1) + "}");
            }
        }
        return names;
    }

    /**
     * {@code text} with every variable (innermost first, so {@code ${A:-${B}}} too) replaced by {@code x}: what a
     * name check can still judge. {@code ${PREFIX}_Web} stays wrong whatever {@code PREFIX} holds.
     */
    static String filledIn(String text) {
        String current = text;
        for (int i = 0; i < 8; i++) {
            String next = VARIABLE.matcher(current).replaceAll("x");
            if (next.equals(current)) {
                break;
            }
            current = next;
        }
        return current;
    }

    /**
     * A value as {@code clusterctl generate cluster} writes it for a user who sets none of its variables: each
     * variable replaced by its default.
     *
     * @param text      the value with the defaults in place
     * @param variables the variables whose defaults were used, as written ({@code ${WORKER_MACHINE_COUNT}}), sorted
     */
    record Defaulted(String text, Set<String> variables) {
        /** Says where a finding's value came from, and that setting the variables changes it. */
        String note(Object written) {
            List<String> bare = variables.stream().map(v -> v.substring(2, v.length() - 1)).toList();
            String names = String.join(", ", variables);
            return "'" + text + "' is the template's default for " + names + " (written '" + written + "'): what"
                    + " clusterctl fills in when " + String.join(", ", bare) + (bare.size() == 1 ? " is" : " are")
                    + " not set; setting " + String.join(", ", bare) + " changes it";
        }
    }

    /** Deeper defaults inside defaults ({@code ${A:=${B:=${C:=x}}}}) are not read: no template nests that far. */
    static final int MAX_NESTING = 8;

    /**
     * {@code text} filled in with its defaults as drone/envsubst (what clusterctl runs) fills them for unset
     * variables: {@code ${VAR:=default}}, {@code ${VAR:-default}} and {@code ${VAR=default}} give the default, which
     * runs to the first {@code '}'} and may hold variables with defaults itself. {@code null} when a variable has no
     * default (clusterctl then refuses to generate without it, so there is nothing a user who sets nothing gets), has
     * an empty one (clusterctl counts that as none), or is written in a form this does not read
     * ({@code ${VAR:+x}}, {@code ${VAR:0:54}}, {@code ${VAR/a/b}}, {@code $$}, a space inside the braces).
     * Reads each character once: a value is hostile input.
     */
    static Defaulted withDefaults(CharSequence text) {
        DefaultReader reader = new DefaultReader(text);
        StringBuilder out = new StringBuilder();
        return reader.readInto(out, 0) && !reader.names.isEmpty()
                ? new Defaulted(out.toString(), reader.names) : null;
    }

    /** One pass over a value, left to right, never going back. */
    private static final class DefaultReader {
        private final CharSequence text;
        private final Set<String> names = new TreeSet<>();
        private int at;

        DefaultReader(CharSequence text) {
            this.text = text;
        }

        /**
         * Copies text into {@code out} up to the end (depth 0) or up to the {@code '}'} closing a default (deeper),
         * which it consumes; false when the text is not a value whose every variable has a default.
         */
        boolean readInto(StringBuilder out, int depth) {
            while (at < text.length()) {
                char c = text.charAt(at++);
                if (depth > 0 && c == '}') {
                    return true;
                }
                if (c != '$' || at >= text.length()) {
                    out.append(c);
                    continue;
                }
                char next = text.charAt(at);
                if (next == '$') {
                    return false; // envsubst's escape: not read
                }
                if (next != '{') {
                    out.append(c);
                    continue;
                }
                at++;
                if (depth >= MAX_NESTING || !readVariable(out, depth)) {
                    return false;
                }
            }
            return depth == 0; // a default without its closing brace: envsubst refuses the template
        }

        /** After {@code ${}: the name, the operator and the default, appended to {@code out}. */
        private boolean readVariable(StringBuilder out, int depth) {
            int start = at;
            while (at < text.length() && isNameCharacter(text.charAt(at), at == start)) {
                at++;
            }
            if (at == start || at >= text.length()) {
                return false;
            }
            String name = text.subSequence(start, at).toString();
            char operator = text.charAt(at);
            if (operator == ':' && at + 1 < text.length()
                    && (text.charAt(at + 1) == '=' || text.charAt(at + 1) == '-')) {
                at += 2;
            } else if (operator == '=') {
                at++;
            } else {
                return false; // no default ('}'), or an operation that is not a default
            }
            StringBuilder value = new StringBuilder();
            if (!readInto(value, depth + 1) || value.isEmpty()) {
                return false;
            }
            names.add("${" + name + "}");
            out.append(value);
            return true;
        }

        private static boolean isNameCharacter(char c, boolean first) {
            return c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (!first && c >= '0' && c <= '9');
        }
    }

    /** The SKIP that replaces a finding about a value that holds variables. */
    static Finding skip(Resource resource, List<String> tokens, String keyPart, Object value) {
        return skip(resource, resource.locationAt(tokens), tokens, keyPart, value);
    }

    static Finding skip(Resource resource, Location location, List<String> tokens, String keyPart, Object value) {
        Set<String> names = in(value);
        return new Finding(resource.ref(), location, resource.displayName() + "/" + keyPart,
                resource.displayName() + ": '" + value + "' in " + path(tokens) + " holds the template variable"
                        + (names.size() == 1 ? " " : "s ") + String.join(", ", names) + ", filled in by clusterctl"
                        + " (or envsubst) before the API server sees it: not judged as written", null, null);
    }

    /** The tokens of a JSON pointer ({@code /spec/replicas}; {@code ~1} and {@code ~0} unescaped). */
    static List<String> tokens(String pointer) {
        List<String> tokens = new ArrayList<>();
        if (pointer == null || pointer.isEmpty()) {
            return tokens;
        }
        for (String token : pointer.substring(1).split("/", -1)) {
            tokens.add(token.replace("~1", "/").replace("~0", "~"));
        }
        return tokens;
    }

    /** The value at {@code tokens} of {@code root}, or {@code null} when there is none. */
    static Object valueAt(Object root, List<String> tokens) {
        Object value = root;
        for (String token : tokens) {
            if (value instanceof JSONObject object) {
                value = object.opt(token);
            } else if (value instanceof JSONArray array && !token.isEmpty() && token.length() < 10
                    && token.chars().allMatch(c -> c >= '0' && c <= '9')) {
                value = array.opt(Integer.parseInt(token));
            } else {
                return null;
            }
        }
        return value;
    }

    /** {@code spec.containers[0].name} from tokens. */
    static String path(List<String> tokens) {
        StringBuilder out = new StringBuilder();
        for (String token : tokens) {
            if (!token.isEmpty() && token.length() < 10 && token.chars().allMatch(c -> c >= '0' && c <= '9')) {
                out.append('[').append(token).append(']');
            } else {
                out.append(out.length() == 0 ? "" : ".").append(token);
            }
        }
        return out.toString();
    }
}
