package io.ascent.core.yaml;

import java.math.BigInteger;
import java.util.Locale;
import org.json.JSONObject;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The JSON value of a composed scalar, typed by its tag and the {@link ScalarRules}: a string, a {@code Long} or
 * {@code BigInteger}, a {@code Double}, a {@code Boolean} or {@link JSONObject#NULL}. The one definition both the
 * node-to-JSON conversion and validators that walk the node tree use, so that they agree on every value.
 */
public final class ScalarValues {
    /** Longer integer literals are refused before they are parsed. */
    static final int MAX_INTEGER_DIGITS = 1000;

    private ScalarValues() {
    }

    /**
     * @throws IllegalArgumentException for a number that cannot be read (the message says why); the loader refuses
     *                                  such documents, so a scalar of a loaded document never throws
     */
    public static Object of(ScalarNode scalar, ScalarRules rules) {
        String value = scalar.getValue();
        Tag tag = scalar.getTag();
        if (tag == Tag.STR) { // resolved tags are SnakeYAML's constants; most values are strings
            return value;
        }
        if (tag == Tag.INT && isPlainDecimal(value)) {
            return Long.parseLong(value);
        }
        if (tag.equals(Tag.STR) || tag.equals(Tag.TIMESTAMP)) {
            return value;
        }
        if (tag.equals(Tag.NULL)) {
            return JSONObject.NULL;
        }
        if (tag.equals(Tag.BOOL)) {
            String lower = value.toLowerCase(Locale.ROOT);
            if (lower.equals("true") || lower.equals("false")) {
                return Boolean.valueOf(lower);
            }
            if (rules == ScalarRules.KUBECTL) {
                // The resolver tagged one of yes/no/on/off/y/n in go-yaml v2's spellings.
                return lower.equals("yes") || lower.equals("on") || lower.equals("y");
            }
            return value;
        }
        if (tag.equals(Tag.INT)) {
            return integer(value, rules);
        }
        return floating(value);
    }

    /**
     * Up to 18 digits without a leading zero, optionally after a minus: a long, read the same under both rules
     * (BigInteger's parse gives the same value, slower).
     */
    private static boolean isPlainDecimal(String value) {
        int start = value.startsWith("-") ? 1 : 0;
        int digits = value.length() - start;
        if (digits < 1 || digits > 18 || digits > 1 && value.charAt(start) == '0') {
            return false;
        }
        for (int i = start; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static Object integer(String value, ScalarRules rules) {
        String digits = value.replace("_", "");
        if (digits.length() > MAX_INTEGER_DIGITS && !digits.contains(":")) {
            // BigInteger parses in quadratic time: 15 million digits took 100 s. No Kubernetes or checklist field
            // holds more than an int64 (19 digits).
            throw new IllegalArgumentException("an integer of " + digits.length()
                    + " digits; integers here have at most " + MAX_INTEGER_DIGITS);
        }
        try {
            BigInteger number;
            String sign = digits.startsWith("-") ? "-" : "";
            String unsigned = digits.startsWith("-") || digits.startsWith("+") ? digits.substring(1) : digits;
            if (unsigned.startsWith("0x")) {
                number = new BigInteger(sign + unsigned.substring(2), 16);
            } else if (unsigned.startsWith("0b")) {
                number = new BigInteger(sign + unsigned.substring(2), 2);
            } else if (unsigned.startsWith("0o")) {
                number = new BigInteger(sign + unsigned.substring(2), 8);
            } else if (unsigned.contains(":")) {
                return value; // YAML 1.1 sexagesimal (1:30); YAML 1.2 and go-yaml v2 read it as a string
            } else if (rules == ScalarRules.KUBECTL && unsigned.length() > 1 && unsigned.startsWith("0")) {
                number = new BigInteger(sign + unsigned.substring(1), 8); // go-yaml v2: 0644 is octal
            } else {
                number = new BigInteger(sign + unsigned);
            }
            return number.bitLength() < 64 ? (Object) number.longValue() : number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + value + "' is not a valid integer");
        }
    }

    private static Object floating(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".inf") || lower.equals(".nan") || value.contains(":")) {
            return value; // JSON has no infinity or NaN; leave it to the schema to refuse
        }
        try {
            double number = Double.parseDouble(value.replace("_", ""));
            return Double.isFinite(number) ? (Object) number : value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + value + "' is not a valid number");
        }
    }
}
