package io.ascent.core.provision;

import java.io.Serializable;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name of one provisioning run: {@code ascent-20261130-013502-k3f9qz}. It names the run's kind cluster or
 * namespace, so it is a DNS-1123 label (lower-case letters, digits, '-'; 29 characters, well under kind's and
 * Kubernetes' limits), unique per run (a random suffix from {@link SecureRandom}: eight builds starting in the same
 * second on one agent do not collide), and carries the {@code ascent-} prefix and its UTC creation time so that
 * {@code ascent gc} can tell Ascent's leftovers from everything else and age them without any other record.
 *
 * @param value     the name
 * @param createdAt when the run started, to the second
 */
public record RunName(String value, Instant createdAt) implements Serializable {

    /** What every name Ascent gives a cluster or namespace starts with. */
    public static final String PREFIX = "ascent-";
    /** Label on every object a run creates: the run's name. {@code ascent gc} looks for it. */
    public static final String RUN_LABEL = "ascent.dev/run";
    /** Label on every object a run creates: its creation time, {@code 20261130T013502Z}. */
    public static final String CREATED_LABEL = "ascent.dev/created";

    private static final Pattern SHAPE = Pattern.compile("ascent-(\\d{8}-\\d{6})-([0-9a-z]{6})");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd-HHmmss");
    private static final DateTimeFormatter LABEL_STAMP = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'");
    private static final String ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    public RunName {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** A fresh name for a run starting now. */
    public static RunName next(Clock clock) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        StringBuilder suffix = new StringBuilder(6);
        for (int i = 0; i < 6; i++) {
            suffix.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return new RunName(PREFIX + STAMP.format(LocalDateTime.ofInstant(now, ZoneOffset.UTC)) + "-" + suffix, now);
    }

    /**
     * Reads a name Ascent gave, or empty for any other name: a cluster called {@code ascent-dev} by a person is not
     * Ascent's, and {@code ascent gc} must never delete it.
     */
    public static Optional<RunName> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        Matcher m = SHAPE.matcher(name);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            Instant created = LocalDateTime.parse(m.group(1), STAMP).toInstant(ZoneOffset.UTC);
            return Optional.of(new RunName(name, created));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The labels every object of this run carries: {@value #RUN_LABEL} and {@value #CREATED_LABEL}. */
    public Map<String, String> labels() {
        return Map.of(RUN_LABEL, value, CREATED_LABEL, LABEL_STAMP.format(LocalDateTime.ofInstant(createdAt, ZoneOffset.UTC)));
    }

    /** Reads a {@value #CREATED_LABEL} value back. */
    public static Optional<Instant> parseCreatedLabel(String label) {
        try {
            return Optional.of(LocalDateTime.parse(label, LABEL_STAMP).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException | NullPointerException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
