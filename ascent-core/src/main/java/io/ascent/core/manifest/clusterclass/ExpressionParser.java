package io.ascent.core.manifest.clusterclass;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.json.JSONObject;

/**
 * Parses the inside of one template action into an {@link GoTemplate.Expression}: a pipeline of commands, each a
 * function call or a single operand (a field chain such as {@code .builtin.controlPlane.version}, a literal, or a
 * parenthesized pipeline). The functions are the ones {@link GoTemplate} documents.
 */
final class ExpressionParser {
    private final String body;
    private final int actionOffset;
    private int at;

    ExpressionParser(String body, int actionOffset) {
        this.body = body;
        this.actionOffset = actionOffset;
    }

    GoTemplate.Expression pipeline() throws TemplateException {
        GoTemplate.Expression expression = pipelineUntil(false);
        skipSpaces();
        if (at < body.length()) {
            throw unexpected();
        }
        return expression;
    }

    private GoTemplate.Expression pipelineUntil(boolean inParentheses) throws TemplateException {
        GoTemplate.Expression piped = null;
        while (true) {
            List<Operand> command = new ArrayList<>();
            while (true) {
                skipSpaces();
                if (at >= body.length() || body.charAt(at) == '|' || body.charAt(at) == ')') {
                    break;
                }
                command.add(operand());
            }
            if (command.isEmpty()) {
                throw new TemplateException("an empty command in '{{ " + body.strip() + " }}'");
            }
            piped = command(command, piped);
            skipSpaces();
            if (at < body.length() && body.charAt(at) == '|') {
                at++;
                continue;
            }
            if (at < body.length() && body.charAt(at) == ')' && !inParentheses) {
                throw unexpected();
            }
            return piped;
        }
    }

    /** An operand and, when it names a function, the function's name. */
    private record Operand(GoTemplate.Expression value, String function) {
    }

    private GoTemplate.Expression command(List<Operand> command, GoTemplate.Expression piped)
            throws TemplateException {
        Operand first = command.get(0);
        List<GoTemplate.Expression> arguments = new ArrayList<>();
        for (int i = 1; i < command.size(); i++) {
            if (command.get(i).function() != null) {
                throw new TemplateException("function '" + command.get(i).function() + "' used as an argument "
                        + "without parentheses");
            }
            arguments.add(command.get(i).value());
        }
        if (piped != null) {
            arguments.add(piped); // Go passes the previous command's result as the last argument
        }
        if (first.function() == null) {
            if (!arguments.isEmpty()) {
                throw new TemplateException("arguments given to a value that is not a function in '{{ "
                        + body.strip() + " }}'");
            }
            return first.value();
        }
        return Functions.call(first.function(), arguments);
    }

    private Operand operand() throws TemplateException {
        char c = body.charAt(at);
        if (c == '.') {
            return new Operand(field(), null);
        }
        if (c == '"') {
            return new Operand(literal(quoted()), null);
        }
        if (c == '`') {
            int end = body.indexOf('`', at + 1);
            if (end < 0) {
                throw new TemplateException("an unclosed raw string in '{{ " + body.strip() + " }}'");
            }
            String raw = body.substring(at + 1, end);
            at = end + 1;
            return new Operand(literal(raw), null);
        }
        if (c == '(') {
            at++;
            GoTemplate.Expression inner = pipelineUntil(true);
            skipSpaces();
            if (at >= body.length() || body.charAt(at) != ')') {
                throw new TemplateException("an unclosed '(' in '{{ " + body.strip() + " }}'");
            }
            at++;
            return new Operand(inner, null);
        }
        if (c == '$') {
            throw new TemplateException("template variables ('$') (Ascent evaluates fields, literals and a few "
                    + "functions only)");
        }
        if (c == '-' || Character.isDigit(c)) {
            int start = at;
            at++;
            while (at < body.length() && (Character.isLetterOrDigit(body.charAt(at)) || body.charAt(at) == '.')) {
                at++;
            }
            try {
                return new Operand(literal(new BigDecimal(body.substring(start, at))), null);
            } catch (NumberFormatException e) {
                throw new TemplateException("the number '" + body.substring(start, at) + "'");
            }
        }
        if (Character.isLetter(c)) {
            String word = word();
            return switch (word) {
                case "true" -> new Operand(literal(Boolean.TRUE), null);
                case "false" -> new Operand(literal(Boolean.FALSE), null);
                case "nil" -> new Operand(literal(null), null);
                default -> {
                    if (!Functions.NAMES.contains(word)) {
                        throw new TemplateException("function '" + word + "' (Ascent evaluates "
                                + String.join(", ", Functions.NAMES) + ")");
                    }
                    yield new Operand(null, word);
                }
            };
        }
        throw unexpected();
    }

    private GoTemplate.Expression field() throws TemplateException {
        List<String> path = new ArrayList<>();
        while (at < body.length() && body.charAt(at) == '.') {
            at++;
            if (at < body.length() && (Character.isLetter(body.charAt(at)) || body.charAt(at) == '_')) {
                path.add(word());
            } else if (!path.isEmpty()) {
                throw unexpected();
            }
        }
        List<String> fields = List.copyOf(path);
        return data -> {
            Object current = data;
            for (String name : fields) {
                if (current instanceof JSONObject object) {
                    current = object.opt(name);
                } else if (current instanceof Map<?, ?> map) {
                    current = map.get(name);
                } else if (current == null || current == JSONObject.NULL) {
                    return null; // Go yields <no value> for a missing map entry and its fields
                } else {
                    throw new TemplateException("field '" + name + "' of a " + current.getClass().getSimpleName()
                            + " value in '." + String.join(".", fields) + "'");
                }
            }
            return current;
        };
    }

    private String quoted() throws TemplateException {
        StringBuilder value = new StringBuilder();
        for (at++; at < body.length(); at++) {
            char c = body.charAt(at);
            if (c == '"') {
                at++;
                return value.toString();
            }
            if (c == '\\' && at + 1 < body.length()) {
                char e = body.charAt(++at);
                switch (e) {
                    case 'n' -> value.append('\n');
                    case 't' -> value.append('\t');
                    case '"', '\\' -> value.append(e);
                    default -> throw new TemplateException("the escape '\\" + e + "' in a string");
                }
            } else {
                value.append(c);
            }
        }
        throw new TemplateException("an unclosed string in '{{ " + body.strip() + " }}'");
    }

    private String word() {
        int start = at;
        while (at < body.length() && (Character.isLetterOrDigit(body.charAt(at)) || body.charAt(at) == '_')) {
            at++;
        }
        return body.substring(start, at);
    }

    private void skipSpaces() {
        while (at < body.length() && Character.isWhitespace(body.charAt(at))) {
            at++;
        }
    }

    private TemplateException unexpected() {
        return new TemplateException("'" + body.substring(at, Math.min(body.length(), at + 20)).strip()
                + "' in the action at offset " + actionOffset);
    }

    private static GoTemplate.Expression literal(Object value) {
        return data -> value;
    }
}
