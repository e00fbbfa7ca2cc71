package io.ascent.core.manifest.listtype;

import io.ascent.core.manifest.cel.library.GoQuote;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * Values printed as the API server prints them in a field error: a string quoted ({@code "a"}), a number or boolean
 * as Go's {@code %v} ({@code 80}, {@code 1.5}, {@code 1e+21}), anything else as Go's {@code json.Marshal} gives it
 * (keys sorted, {@code <>&} escaped, {@code null}).
 */
final class GoValues {
    private GoValues() {
    }

    /** {@code field.Error.ErrorBody}'s rendering of a bad value. */
    static String errorValue(Object value) {
        if (value instanceof String text) {
            return GoQuote.quote(text);
        }
        if (value instanceof Boolean || isInteger(value)) {
            return value.toString();
        }
        if (value instanceof Number number) {
            return goFloat(number.doubleValue());
        }
        return json(value);
    }

    /** Go's {@code json.Marshal} of a decoded JSON value. */
    static String json(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null || value == JSONObject.NULL) {
            out.append("null");
        } else if (value instanceof String text) {
            string(text, out);
        } else if (value instanceof Boolean || isInteger(value)) {
            out.append(value);
        } else if (value instanceof Number number) {
            out.append(jsonFloat(number.doubleValue()));
        } else if (value instanceof JSONObject object) {
            List<String> keys = new ArrayList<>(object.keySet());
            keys.sort(null);
            out.append('{');
            for (int i = 0; i < keys.size(); i++) {
                out.append(i == 0 ? "" : ",");
                string(keys.get(i), out);
                out.append(':');
                write(object.opt(keys.get(i)), out);
            }
            out.append('}');
        } else if (value instanceof JSONArray array) {
            out.append('[');
            for (int i = 0; i < array.length(); i++) {
                out.append(i == 0 ? "" : ",");
                write(array.opt(i), out);
            }
            out.append(']');
        } else {
            string(value.toString(), out);
        }
    }

    private static boolean isInteger(Object value) {
        return value instanceof Integer || value instanceof Long || value instanceof BigInteger;
    }

    /** encoding/json's string escaping, HTML-safe as Go's default encoder is. */
    private static void string(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** encoding/json's float: plain digits between 1e-6 and 1e21, else an exponent without leading zeros. */
    private static String jsonFloat(double value) {
        double abs = Math.abs(value);
        if (abs != 0 && (abs < 1e-6 || abs >= 1e21)) {
            return exponent(value, 1);
        }
        return plain(value);
    }

    /**
     * Go's {@code %v} of a float64: {@code %g} with the shortest digits, which takes an exponent below 1e-4 or from
     * 1e6 ({@code strconv} decides with precision 6 when the digits are the shortest), so 1e+06 and 1.5e+07.
     */
    private static String goFloat(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        double abs = Math.abs(value);
        if (abs != 0 && (abs < 1e-4 || abs >= 1e6)) {
            return exponent(value, 2);
        }
        return plain(value);
    }

    private static String plain(double value) {
        String text = new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
        return text.equals("-0") ? "-0" : text;
    }

    /** {@code 1e+21}, {@code 1.5e-07}: Go prints at least two exponent digits with {@code %v}, one with JSON. */
    private static String exponent(double value, int minimumDigits) {
        BigDecimal decimal = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        int exponent = decimal.precision() - decimal.scale() - 1;
        BigDecimal mantissa = decimal.movePointLeft(exponent).stripTrailingZeros();
        String digits = Integer.toString(Math.abs(exponent));
        while (digits.length() < minimumDigits) {
            digits = "0" + digits;
        }
        return mantissa.toPlainString() + "e" + (exponent < 0 ? "-" : "+") + digits;
    }
}
