package io.ascent.core.manifest.clusterclass;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * The subset of Go's {@code text/template} (with sprig functions) that ClusterAPI's ClusterClass patch templates use
 * to pick an API version: text, {@code {{ .a.b }}}, {@code {{ if }}}/{@code {{ else if }}}/{@code {{ else }}}/
 * {@code {{ end }}}, trim markers ({@code {{-}}, {@code -}}}), comments, parentheses, pipelines, string, number and
 * boolean literals, and the functions {@code semverCompare}, {@code eq}, {@code ne}, {@code not}, {@code and},
 * {@code or}, {@code coalesce} and {@code replace}. {@code range}, {@code with}, template variables ({@code $x}) and
 * every other function are refused with a {@link TemplateException} naming them.
 *
 * <p>Rendering records, for every character written, the offset in the template it came from, so that a finding in
 * the rendered text can be shown at its place in the template.
 */
public final class GoTemplate {
    /** Far above any real patch template; stops a hostile one from nesting without bound. */
    private static final int MAX_DEPTH = 50;
    /** Far above any real patch value; stops a template that prints a large variable many times. */
    static final int MAX_OUTPUT = 4 * 1024 * 1024;
    private static final Set<String> UNSUPPORTED_KEYWORDS = Set.of("range", "with", "define", "template", "block",
            "break", "continue");

    private final List<Node> nodes;

    private GoTemplate(List<Node> nodes) {
        this.nodes = nodes;
    }

    /**
     * Parses a template.
     *
     * @throws TemplateException naming the first construct outside the subset, or a syntax error
     */
    public static GoTemplate parse(String text) throws TemplateException {
        Parser parser = new Parser(text);
        List<Node> nodes = parser.nodes(0);
        if (parser.pendingKeyword != null) {
            throw new TemplateException("'{{ " + parser.pendingKeyword + " }}' without a matching '{{ if }}'");
        }
        return new GoTemplate(nodes);
    }

    /**
     * What the template writes for {@code data} (maps, {@link JSONObject}s, lists, strings, numbers, booleans).
     *
     * @throws TemplateException when evaluation fails as it would in ClusterAPI (a field of a string, a function
     *                           given a value of the wrong type)
     */
    public Rendered render(Map<String, Object> data) throws TemplateException {
        Output out = new Output();
        write(nodes, data, out);
        return new Rendered(out.text.toString(), java.util.Arrays.copyOf(out.sources, out.text.length()));
    }

    /**
     * The rendered text.
     *
     * @param text    what the template wrote
     * @param sources for each character of {@code text}, its offset in the template (an action's own offset for
     *                what the action printed)
     */
    public record Rendered(String text, int[] sources) {
        /** The template offset of rendered offset {@code offset} (the end of the template maps past the end). */
        public int sourceOf(int offset) {
            if (sources.length == 0) {
                return 0;
            }
            return sources[Math.max(0, Math.min(offset, sources.length - 1))];
        }
    }

    /** The rendered text and, per character, its template offset; bounded by {@link #MAX_OUTPUT}. */
    private static final class Output {
        private final StringBuilder text = new StringBuilder();
        private int[] sources = new int[256];

        void append(String part, int offset, boolean fromText) throws TemplateException {
            int start = text.length();
            if (start + part.length() > MAX_OUTPUT) {
                throw new TemplateException("a template that renders more than " + MAX_OUTPUT + " characters");
            }
            text.append(part);
            if (sources.length < text.length()) {
                sources = java.util.Arrays.copyOf(sources, Math.max(text.length(), sources.length * 2));
            }
            for (int i = 0; i < part.length(); i++) {
                sources[start + i] = fromText ? offset + i : offset;
            }
        }
    }

    private static void write(List<Node> nodes, Map<String, Object> data, Output out) throws TemplateException {
        for (Node node : nodes) {
            if (node instanceof Text text) {
                out.append(text.text(), text.offset(), true);
            } else if (node instanceof Print print) {
                out.append(print(print.pipeline().evaluate(data)), print.offset(), false);
            } else if (node instanceof If branch) {
                write(truthy(branch.condition().evaluate(data)) ? branch.then() : branch.otherwise(), data, out);
            }
        }
    }

    /** How Go prints a value: {@code <no value>} for a missing map entry. */
    private static String print(Object value) throws TemplateException {
        if (value == null || value == JSONObject.NULL) {
            return "<no value>";
        }
        if (value instanceof String || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof Number number) {
            BigDecimal decimal = new BigDecimal(number.toString()).stripTrailingZeros();
            return decimal.scale() <= 0 ? decimal.toBigInteger().toString() : decimal.toPlainString();
        }
        throw new TemplateException("printing an object or a list (Go's map[...] form is not reproduced)");
    }

    static boolean truthy(Object value) {
        if (value == null || value == JSONObject.NULL) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s) {
            return !s.isEmpty();
        }
        if (value instanceof Number n) {
            return new BigDecimal(n.toString()).signum() != 0;
        }
        if (value instanceof JSONObject o) {
            return !o.isEmpty();
        }
        if (value instanceof JSONArray a) {
            return !a.isEmpty();
        }
        if (value instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        if (value instanceof Collection<?> c) {
            return !c.isEmpty();
        }
        return true;
    }

    private sealed interface Node permits Text, Print, If {
    }

    private record Text(String text, int offset) implements Node {
    }

    private record Print(Expression pipeline, int offset) implements Node {
    }

    private record If(Expression condition, List<Node> then, List<Node> otherwise) implements Node {
    }

    /** Something that yields a value from the data. */
    @FunctionalInterface
    interface Expression {
        Object evaluate(Map<String, Object> data) throws TemplateException;
    }

    /** Splits the template into text and actions and builds the node tree. */
    private static final class Parser {
        private final String text;
        private int at;
        /** The keyword ({@code else}, {@code else if ...}, {@code end}) that closed the last list of nodes. */
        private String pendingKeyword;
        private Expression pendingCondition;
        private boolean trimNextText;

        Parser(String text) {
            this.text = text;
        }

        List<Node> nodes(int depth) throws TemplateException {
            if (depth > MAX_DEPTH) {
                throw new TemplateException("'{{ if }}' nested deeper than " + MAX_DEPTH + " levels");
            }
            List<Node> nodes = new ArrayList<>();
            while (at < text.length()) {
                int open = text.indexOf("{{", at);
                int textEnd = open < 0 ? text.length() : open;
                boolean trimBefore = open >= 0 && text.startsWith("{{- ", open);
                addText(nodes, at, textEnd, trimBefore);
                if (open < 0) {
                    at = text.length();
                    break;
                }
                int bodyStart = open + (trimBefore ? 3 : 2);
                int close = closing(bodyStart);
                boolean trimAfter = close >= 2 && text.startsWith(" -}}", close - 2);
                String body = text.substring(bodyStart, trimAfter ? close - 1 : close).strip();
                at = close + 2;
                trimNextText = trimAfter;
                if (body.startsWith("/*")) {
                    if (!body.endsWith("*/")) {
                        throw new TemplateException("an unclosed comment '{{/*'");
                    }
                    continue;
                }
                String keyword = firstWord(body);
                if (UNSUPPORTED_KEYWORDS.contains(keyword)) {
                    throw new TemplateException("'{{ " + keyword + " }}' (Ascent evaluates only if/else/end)");
                }
                if (keyword.equals("if")) {
                    nodes.add(branch(new ExpressionParser(body.substring(2), open).pipeline(), depth));
                } else if (keyword.equals("else") || keyword.equals("end")) {
                    pendingKeyword = keyword;
                    pendingCondition = null;
                    String rest = body.substring(keyword.length()).strip();
                    if (keyword.equals("else") && rest.startsWith("if ")) {
                        pendingCondition = new ExpressionParser(rest.substring(2), open).pipeline();
                    } else if (!rest.isEmpty()) {
                        throw new TemplateException("'{{ " + body + " }}'");
                    }
                    return nodes;
                } else {
                    nodes.add(new Print(new ExpressionParser(body, open).pipeline(), open));
                }
            }
            pendingKeyword = null;
            return nodes;
        }

        private If branch(Expression condition, int depth) throws TemplateException {
            List<Node> then = nodes(depth + 1);
            String closedBy = pendingKeyword;
            if (closedBy == null) {
                throw new TemplateException("'{{ if }}' without '{{ end }}'");
            }
            pendingKeyword = null;
            if (closedBy.equals("end")) {
                return new If(condition, then, List.of());
            }
            Expression elseIf = pendingCondition;
            if (elseIf != null) {
                // {{ else if X }} ... is {{ else }}{{ if X }} ... {{ end }}{{ end }} sharing one end.
                return new If(condition, then, List.of(branch(elseIf, depth + 1)));
            }
            List<Node> otherwise = nodes(depth + 1);
            if (!"end".equals(pendingKeyword)) {
                throw new TemplateException("'{{ if }}...{{ else }}' without '{{ end }}'");
            }
            pendingKeyword = null;
            return new If(condition, then, otherwise);
        }

        private void addText(List<Node> nodes, int start, int end, boolean trimBefore) {
            int from = start;
            int to = end;
            if (trimNextText) {
                while (from < to && Character.isWhitespace(text.charAt(from))) {
                    from++;
                }
                trimNextText = false;
            }
            if (trimBefore) {
                while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
                    to--;
                }
            }
            if (from < to) {
                nodes.add(new Text(text.substring(from, to), from));
            }
        }

        /** The offset of the {@code }}} closing the action whose body starts at {@code from}, skipping strings. */
        private int closing(int from) throws TemplateException {
            char quote = 0;
            for (int i = from; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quote != 0) {
                    if (c == '\\' && quote == '"') {
                        i++;
                    } else if (c == quote) {
                        quote = 0;
                    }
                } else if (c == '"' || c == '`') {
                    quote = c;
                } else if (c == '}' && i + 1 < text.length() && text.charAt(i + 1) == '}') {
                    return i;
                }
            }
            throw new TemplateException("an action '{{' without '}}'");
        }

        private static String firstWord(String body) {
            int end = 0;
            while (end < body.length() && Character.isLetter(body.charAt(end))) {
                end++;
            }
            return body.substring(0, end);
        }
    }
}
