package io.ascent.core.manifest.cel.library;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * A Kubernetes {@code resource.Quantity} as the API server's CEL library sees it. Go keeps a quantity either as an
 * int64 amount ({@code value × 10^scale}) or, when that cannot hold it, as an arbitrary-precision decimal; which form
 * a quantity has decides {@code isInteger()} and {@code asInteger()} (a decimal never converts, nor does an amount
 * with a negative scale such as {@code 1.0}), so this class keeps the same two forms and the same rules for moving
 * from one to the other. client-java's {@code Quantity} parses differently ({@code 1E3}, {@code Mi}, nano rounding),
 * so parsing follows {@code resource.ParseQuantity} here. Immutable; equality is numeric, as in Go.
 */
final class ResourceQuantity implements Comparable<ResourceQuantity> {
    /** Go's error texts, which a rule's messageExpression may show. */
    static final String FORMAT_WRONG =
            "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
    static final String NUMERIC = "unable to parse numeric part of quantity";
    static final String SUFFIX = "unable to parse quantity's suffix";

    /** Digits an int64 always holds (Go's {@code maxInt64Factors}). */
    private static final int MAX_INT64_FACTORS = 18;
    private static final int NANO = -9;
    /**
     * Bounds the exponent of {@code 1e<n>} so that a hostile {@code 1e999999999} cannot make {@code add()} allocate
     * without limit (sums then have at most a few thousand digits); Go accepts such exponents, but no real quantity
     * comes near.
     */
    private static final int MAX_EXPONENT = 1_000;
    private static final BigDecimal MAX_INT64 = BigDecimal.valueOf(Long.MAX_VALUE);
    /** Longer quantities are not parsed: a decimal parse is quadratic in the digits (a million take 40 s). */
    static final int MAX_LENGTH = 1_000;

    /** Thrown for a string that is not a quantity; the message is Go's. */
    static final class ParseException extends Exception {
        ParseException(String message) {
            super(message, null, false, false);
        }
    }

    /** Whether the int64 form holds the value (Go's {@code int64Amount}); otherwise {@link #decimal} does. */
    private final boolean int64Form;
    private final long value;
    private final int scale;
    private final BigDecimal decimal;

    private ResourceQuantity(long value, int scale) {
        this.int64Form = true;
        this.value = value;
        this.scale = scale;
        this.decimal = BigDecimal.valueOf(value, -scale);
    }

    private ResourceQuantity(BigDecimal decimal) {
        this.int64Form = false;
        this.value = 0;
        this.scale = 0;
        this.decimal = decimal;
    }

    /** {@code resource.NewQuantity(v, DecimalExponent)}: the int64 form at scale 0. */
    static ResourceQuantity of(long value) {
        return new ResourceQuantity(value, 0);
    }

    /** {@code resource.ParseQuantity}. */
    static ResourceQuantity parse(String text) throws ParseException {
        if (text.length() > MAX_LENGTH) {
            throw new LimitExceeded("a quantity of " + text.length() + " characters is longer than the "
                    + MAX_LENGTH + " Ascent parses");
        }
        if (text.isEmpty()) {
            throw new ParseException(FORMAT_WRONG);
        }
        if (text.equals("0")) {
            return new ResourceQuantity(0, 0);
        }
        Scan scan = Scan.of(text);
        Suffix suffix = Suffix.interpret(scan.suffix);
        int precision;
        int scale = 0;
        long mantissa = 1;
        if (suffix.base == 10) {
            scale = suffix.exponent;
            precision = MAX_INT64_FACTORS - (scan.num.length() + scan.denom.length());
        } else if (suffix.exponent >= 0 && scan.denom.isEmpty()) {
            mantissa = 1L << suffix.exponent;
            // 1Mi (2^20) has about 6 decimal digits, so exponent*3/10 - 1 estimates what the factor uses up
            precision = 15 - scan.num.length() - (int) ((float) suffix.exponent * 3 / 10) - 1;
        } else {
            precision = -1;
        }
        if (precision >= 0) {
            scale -= scan.denom.length();
            if (scale >= NANO) {
                long shifted;
                try {
                    shifted = Long.parseLong(scan.num + scan.denom);
                } catch (NumberFormatException e) {
                    throw new ParseException(NUMERIC);
                }
                try {
                    long result = Math.multiplyExact(shifted, mantissa);
                    return new ResourceQuantity(scan.positive ? result : -result, scale);
                } catch (ArithmeticException e) {
                    // too large for the int64 form: the decimal form below takes it
                }
            }
        }
        BigDecimal amount;
        try {
            amount = new BigDecimal(scan.value);
        } catch (NumberFormatException e) {
            throw new ParseException(NUMERIC);
        }
        if (suffix.base == 10) {
            amount = amount.scaleByPowerOfTen(suffix.exponent);
        } else {
            amount = amount.multiply(new BigDecimal(BigInteger.ONE.shiftLeft(suffix.exponent)));
        }
        int sign = amount.signum();
        amount = amount.abs();
        if (sign != 0 && amount.scale() > -NANO) {
            // Go rounds anything below a nano up to a nano: who asks for some of a resource gets some
            amount = amount.setScale(-NANO, RoundingMode.UP);
        }
        if (suffix.base == 2 && amount.compareTo(MAX_INT64) > 0) {
            amount = MAX_INT64;
        }
        return new ResourceQuantity(sign < 0 ? amount.negate() : amount);
    }

    /** The sign, the numeric text with its sign, and the digits before and after the point (Go's scanner). */
    private record Scan(boolean positive, String value, String num, String denom, String suffix) {
        static Scan of(String str) throws ParseException {
            boolean positive = true;
            int pos = 0;
            int end = str.length();
            if (str.charAt(0) == '-') {
                positive = false;
                pos++;
            } else if (str.charAt(0) == '+') {
                pos++;
            }
            while (pos < end && str.charAt(pos) == '0') {
                pos++;
            }
            if (pos >= end) {
                return new Scan(positive, "0", "0", "", "");
            }
            int start = pos;
            while (pos < end && isDigit(str.charAt(pos))) {
                pos++;
            }
            if (pos >= end) {
                return new Scan(positive, str, str.substring(start), "", "");
            }
            String num = pos == start ? "0" : str.substring(start, pos);
            String denom = "";
            if (str.charAt(pos) == '.') {
                pos++;
                int denomStart = pos;
                while (pos < end && isDigit(str.charAt(pos))) {
                    pos++;
                }
                denom = str.substring(denomStart, pos);
                if (pos >= end) {
                    return new Scan(positive, str, num, denom, "");
                }
            }
            String value = str.substring(0, pos);
            int suffixStart = pos;
            while (pos < end && "eEinumkKMGTP".indexOf(str.charAt(pos)) >= 0) {
                pos++;
            }
            if (pos < end && (str.charAt(pos) == '-' || str.charAt(pos) == '+')) {
                pos++;
            }
            while (pos < end && isDigit(str.charAt(pos))) {
                pos++;
            }
            if (pos < end) {
                throw new ParseException(FORMAT_WRONG);
            }
            return new Scan(positive, value, num, denom, str.substring(suffixStart));
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }
    }

    /** Go's {@code quantitySuffixer.interpret}: binary SI, decimal SI, or {@code e}/{@code E} and an exponent. */
    private record Suffix(int base, int exponent) {
        static Suffix interpret(String suffix) throws ParseException {
            switch (suffix) {
                case "Ki": return new Suffix(2, 10);
                case "Mi": return new Suffix(2, 20);
                case "Gi": return new Suffix(2, 30);
                case "Ti": return new Suffix(2, 40);
                case "Pi": return new Suffix(2, 50);
                case "Ei": return new Suffix(2, 60);
                case "n": return new Suffix(10, -9);
                case "u": return new Suffix(10, -6);
                case "m": return new Suffix(10, -3);
                case "": return new Suffix(10, 0);
                case "k": return new Suffix(10, 3);
                case "M": return new Suffix(10, 6);
                case "G": return new Suffix(10, 9);
                case "T": return new Suffix(10, 12);
                case "P": return new Suffix(10, 15);
                case "E": return new Suffix(10, 18);
                default: break;
            }
            if (suffix.length() > 1 && (suffix.charAt(0) == 'e' || suffix.charAt(0) == 'E')) {
                try {
                    long exponent = Long.parseLong(suffix.substring(1));
                    if (Math.abs(exponent) <= MAX_EXPONENT) {
                        return new Suffix(10, (int) exponent);
                    }
                } catch (NumberFormatException e) {
                    // falls through to Go's suffix error
                }
            }
            throw new ParseException(SUFFIX);
        }
    }

    /** {@code isInteger()}: Go's {@code AsInt64}, which fails for the decimal form and for a negative scale. */
    boolean isInteger() {
        return asLong() != null;
    }

    /** {@code asInteger()}, or {@code null} where Go's {@code AsInt64} reports it cannot. */
    Long asLong() {
        if (!int64Form || scale < 0) {
            return null;
        }
        return scaleUp(value, scale);
    }

    /** Go's {@code AsApproximateFloat64}: the integer part times a power of ten, each a double. */
    double asApproximateFloat() {
        if (int64Form) {
            return scale == 0 ? value : (double) value * pow10(scale);
        }
        return decimal.unscaledValue().doubleValue() * pow10(-decimal.scale());
    }

    /** {@code math.Pow10}: exact for the powers a double holds, infinity above, zero below. */
    private static double pow10(int exponent) {
        return Double.parseDouble("1e" + exponent);
    }

    int sign() {
        return decimal.signum();
    }

    /** Go's {@code Quantity.Add}: the int64 form when both are and the sum fits, else the decimal form. */
    ResourceQuantity add(ResourceQuantity other) {
        if (int64Form && other.int64Form) {
            ResourceQuantity sum = addInt64(value, scale, other.value, other.scale);
            if (sum != null) {
                return sum;
            }
        }
        return new ResourceQuantity(decimal.add(other.decimal));
    }

    /** Go's {@code Quantity.Sub}, which adds the negation in the int64 form. */
    ResourceQuantity sub(ResourceQuantity other) {
        if (int64Form && other.int64Form && other.value != Long.MIN_VALUE) {
            ResourceQuantity difference = addInt64(value, scale, -other.value, other.scale);
            if (difference != null) {
                return difference;
            }
        }
        return new ResourceQuantity(decimal.subtract(other.decimal));
    }

    /** Go's {@code int64Amount.Add}; {@code null} when it overflows. */
    private static ResourceQuantity addInt64(long a, int aScale, long b, int bScale) {
        if (b == 0) {
            return new ResourceQuantity(a, aScale);
        }
        if (a == 0) {
            return new ResourceQuantity(b, bScale);
        }
        try {
            if (aScale == bScale) {
                return new ResourceQuantity(Math.addExact(a, b), aScale);
            }
            if (aScale > bScale) {
                Long scaled = scaleUp(a, aScale - bScale);
                return scaled == null ? null : new ResourceQuantity(Math.addExact(scaled, b), bScale);
            }
            Long scaled = scaleUp(b, bScale - aScale);
            return scaled == null ? null : new ResourceQuantity(Math.addExact(a, scaled), aScale);
        } catch (ArithmeticException e) {
            return null;
        }
    }

    /** Go's {@code positiveScaleInt64}: {@code base × 10^scale}, or {@code null} on overflow. */
    private static Long scaleUp(long base, int scale) {
        long result = base;
        for (int i = 0; i < scale; i++) {
            try {
                result = Math.multiplyExact(result, 10L);
            } catch (ArithmeticException e) {
                return null;
            }
        }
        return result;
    }

    @Override
    public int compareTo(ResourceQuantity other) {
        return decimal.compareTo(other.decimal);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ResourceQuantity quantity && compareTo(quantity) == 0;
    }

    @Override
    public int hashCode() {
        return decimal.signum() == 0 ? 0 : decimal.stripTrailingZeros().hashCode();
    }

    @Override
    public String toString() {
        return decimal.toPlainString();
    }
}
