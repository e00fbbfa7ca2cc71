package io.ascent.core.manifest.cel;

import dev.cel.common.values.CelByteString;
import dev.cel.common.values.NullValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * Turns a YAML value into the CEL value the API server gives a rule, guided by the value's schema: {@code integer}
 * is an int, {@code number} a double (also when written {@code 1}), strings of format {@code byte},
 * {@code duration}, {@code date} and {@code date-time} are bytes, durations and timestamps, and the properties of
 * an object are fields under their escaped names ({@code x-port} is {@code x__dash__port}); the keys of a map
 * ({@code additionalProperties}) stay as written. A root object's (and an embedded resource's) {@code metadata}
 * shows only {@code name} and {@code generateName}, as in the API server.
 */
final class CelValues {
    /** Identifiers CEL reserves; the API server escapes a property so named to {@code __name__}. */
    private static final Set<String> RESERVED = Set.of("true", "false", "null", "in", "as", "break", "const",
            "continue", "else", "for", "function", "if", "import", "let", "loop", "package", "namespace", "return",
            "var", "void", "while");

    private CelValues() {
    }

    static Object of(Object value, RuleSchema schema, boolean root) {
        if (value == null || value == JSONObject.NULL) {
            return NullValue.NULL_VALUE;
        }
        RuleSchema own = schema == null ? RuleSchema.any() : schema;
        if (value instanceof JSONObject object) {
            return object(object, own, root || own.embedded());
        }
        if (value instanceof JSONArray array) {
            List<Object> out = new ArrayList<>(array.length());
            for (int i = 0; i < array.length(); i++) {
                out.add(of(array.opt(i), own.items(), false));
            }
            return out;
        }
        if (value instanceof Number number) {
            return number("number".equals(own.type()), number);
        }
        if (value instanceof String text && own.format() != null && "string".equals(own.type())) {
            return formatted(text, own.format());
        }
        return value;
    }

    private static Map<String, Object> object(JSONObject object, RuleSchema schema, boolean resource) {
        Map<String, Object> out = new LinkedHashMap<>();
        boolean map = schema.additionalProperties() != null && schema.properties().isEmpty();
        for (String key : object.keySet()) {
            Object member = object.opt(key);
            if (member == JSONObject.NULL) {
                continue; // the API server drops null members before it validates
            }
            if (resource && key.equals("metadata") && member instanceof JSONObject metadata) {
                out.put(key, metadata(metadata));
                continue;
            }
            if (map) {
                out.put(key, of(member, schema.additionalProperties(), false));
                continue;
            }
            String field = escape(key);
            if (field != null) {
                RuleSchema property = schema.properties().get(key);
                out.put(field, of(member, property != null ? property : schema.additionalProperties(), false));
            }
        }
        return out;
    }

    private static Map<String, Object> metadata(JSONObject metadata) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String key : List.of("name", "generateName")) {
            if (metadata.opt(key) instanceof String value) {
                out.put(key, value);
            }
        }
        return out;
    }

    private static Object number(boolean asDouble, Number number) {
        if (asDouble || number instanceof Double || number instanceof Float || number instanceof BigDecimal) {
            return number.doubleValue();
        }
        if (number instanceof BigInteger big) {
            return big.bitLength() < 64 ? (Object) big.longValue() : big.doubleValue();
        }
        return number.longValue();
    }

    /** A value that does not parse in its format stays a string; the structural schema check reports it. */
    private static Object formatted(String text, String format) {
        try {
            return switch (format) {
                case "byte" -> CelByteString.of(Base64.getDecoder().decode(text));
                case "duration" -> GoDuration.parse(text);
                case "date-time" -> Instant.parse(text);
                case "date" -> LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
                default -> text;
            };
        } catch (IllegalArgumentException | DateTimeParseException | ArithmeticException e) {
            return text;
        }
    }

    /**
     * The API server's escaping of a property name into a CEL identifier, or {@code null} for a name it cannot
     * escape (such a property is not visible to rules).
     */
    static String escape(String name) {
        if (name.isEmpty() || Character.isDigit(name.charAt(0))) {
            return null;
        }
        if (RESERVED.contains(name)) {
            return "__" + name + "__";
        }
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '_' && i + 1 < name.length() && name.charAt(i + 1) == '_') {
                out.append("__underscores__");
                i++;
            } else if (c == '.') {
                out.append("__dot__");
            } else if (c == '-') {
                out.append("__dash__");
            } else if (c == '/') {
                out.append("__slash__");
            } else if (c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
                out.append(c);
            } else {
                return null;
            }
        }
        return out.toString();
    }

    /** Go's {@code time.ParseDuration} grammar, which the API server uses for {@code format: duration}. */
    static final class GoDuration {
        private static final java.util.regex.Pattern PART =
                java.util.regex.Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|μs|ms|s|m|h)");

        private GoDuration() {
        }

        static Duration parse(String text) {
            String rest = text;
            boolean negative = rest.startsWith("-");
            if (negative || rest.startsWith("+")) {
                rest = rest.substring(1);
            }
            if (rest.equals("0")) {
                return Duration.ZERO;
            }
            var matcher = PART.matcher(rest);
            BigDecimal nanos = BigDecimal.ZERO;
            int at = 0;
            while (at < rest.length() && matcher.find(at) && matcher.start() == at) {
                BigDecimal amount = new BigDecimal(matcher.group(1).startsWith(".") ? "0" + matcher.group(1)
                        : matcher.group(1));
                nanos = nanos.add(amount.multiply(BigDecimal.valueOf(unit(matcher.group(2)))));
                at = matcher.end();
            }
            if (at == 0 || at != rest.length()) {
                throw new IllegalArgumentException("not a duration: " + text);
            }
            Duration duration = Duration.ofNanos(nanos.setScale(0, java.math.RoundingMode.DOWN).longValueExact());
            return negative ? duration.negated() : duration;
        }

        private static long unit(String unit) {
            return switch (unit) {
                case "ns" -> 1L;
                case "us", "µs", "μs" -> 1_000L;
                case "ms" -> 1_000_000L;
                case "s" -> 1_000_000_000L;
                case "m" -> 60_000_000_000L;
                default -> 3_600_000_000_000L;
            };
        }
    }
}
