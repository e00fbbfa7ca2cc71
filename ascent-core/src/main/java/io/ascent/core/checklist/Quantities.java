package io.ascent.core.checklist;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the size and duration spellings the schema allows; the schema has already checked their form. */
final class Quantities {
    private static final Pattern SIZE = Pattern.compile("^([0-9]+(?:\\.[0-9]+)?) ?(B|KB|MB|GB|KiB|MiB|GiB)$");
    private static final Pattern DURATION = Pattern.compile("^(?:([0-9]+)h)?(?:([0-9]+)m)?(?:([0-9]+)s)?$");

    private Quantities() {
    }

    /** Bytes of {@code 10MB}, {@code 512KiB}, or a plain integer. */
    static long bytes(Object value) {
        if (value instanceof Number number) {
            return number.longValue();
        }
        Matcher m = SIZE.matcher(value.toString());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a size: " + value);
        }
        long unit = switch (m.group(2)) {
            case "B" -> 1L;
            case "KB" -> 1_000L;
            case "MB" -> 1_000_000L;
            case "GB" -> 1_000_000_000L;
            case "KiB" -> 1L << 10;
            case "MiB" -> 1L << 20;
            default -> 1L << 30;
        };
        return new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unit)).longValue();
    }

    /** The duration of {@code 1h}, {@code 5m}, {@code 90s}, {@code 1m30s}. */
    static Duration duration(String value) {
        Matcher m = DURATION.matcher(value);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a duration: " + value);
        }
        return Duration.ofHours(number(m.group(1)))
                .plusMinutes(number(m.group(2)))
                .plusSeconds(number(m.group(3)));
    }

    private static long number(String digits) {
        return digits == null ? 0 : Long.parseLong(digits);
    }
}
