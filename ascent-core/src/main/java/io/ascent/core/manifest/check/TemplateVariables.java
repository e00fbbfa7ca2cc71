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
