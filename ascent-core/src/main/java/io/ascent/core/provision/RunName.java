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
 * <p>A namespace of the {@code existing} driver may carry the checklist's {@code provision.cluster.namespacePrefix}
 * instead of {@code ascent-} ({@code team-a-20261130-013502-k3f9qz}); {@code ascent gc} recognises those by their
 * two labels and reads the name with {@link #parseLabelled}. A kind cluster has no labels Ascent can list, so its
 * name always starts with {@code ascent-} and is read with {@link #parse}.
 *
 * @param value     the name
 * @param createdAt when the run started, to the second
 */
public record RunName(String value, Instant createdAt) implements Serializable {

    /** What every name Ascent gives a cluster or namespace starts with. */
    public static final String PREFIX = "ascent-";
    /**
     * What the name of every run's work folder in the temporary folder starts with, whatever the run's own prefix:
     * {@code ascent-work.hello-web-20261130-013502-k3f9qz-NNN}. The temporary folder is shared, and a namespace
     * prefix names nothing as Ascent's there; this fixed start, with the owner, does ({@code ascent gc}).
     */
    public static final String WORK_FOLDER_PREFIX = "ascent-work.";
    /** Label on every object a run creates: the run's name. {@code ascent gc} looks for it. */
    public static final String RUN_LABEL = "ascent.dev/run";
    /** Label on every object a run creates: its creation time, {@code 20261130T013502Z}. */
    public static final String CREATED_LABEL = "ascent.dev/created";

    private static final Pattern SHAPE = Pattern.compile("ascent-(\\d{8}-\\d{6})-([0-9a-z]{6})");
    /** A prefix as the checklist's schema allows it ({@code namespacePrefix}), the '-' after it included. */
    private static final Pattern PREFIX_SHAPE = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?-");
    private static final Pattern LABELLED_SHAPE =
            Pattern.compile("([a-z]([-a-z0-9]*[a-z0-9])?-)(\\d{8}-\\d{6})-([0-9a-z]{6})");
    /** The longest prefix, '-' included: with the 22 characters of time and suffix, a DNS label's 63. */
    static final int MAX_PREFIX = 41;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd-HHmmss");
    private static final DateTimeFormatter LABEL_STAMP = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'");
    private static final String ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    public RunName {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** A fresh name for a run starting now, with the {@value #PREFIX} prefix. */
    public static RunName next(Clock clock) {
        return next(clock, PREFIX);
    }

    /**
     * A fresh name for a run starting now, starting with {@code prefix} (a '-' is added when it does not end with
     * one): the checklist's {@code namespacePrefix}.
     *
     * @throws IllegalArgumentException when the prefix cannot start a DNS label or leaves no room for the rest
     */
    public static RunName next(Clock clock, String prefix) {
        String dashed = prefix.endsWith("-") ? prefix : prefix + "-";
        if (!PREFIX_SHAPE.matcher(dashed).matches() || dashed.length() > MAX_PREFIX) {
            throw new IllegalArgumentException("'" + prefix + "' cannot start a namespace name: lower-case letters, "
                    + "digits and '-', starting with a letter, at most " + (MAX_PREFIX - 1) + " characters");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        StringBuilder suffix = new StringBuilder(6);
        for (int i = 0; i < 6; i++) {
            suffix.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return new RunName(dashed + STAMP.format(LocalDateTime.ofInstant(now, ZoneOffset.UTC)) + "-" + suffix, now);
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
        return m.matches() ? created(name, m.group(1)) : Optional.empty();
    }

    /**
     * Reads the {@value #RUN_LABEL} label of a namespace Ascent labelled: a name of {@link #next(Clock, String)}'s
     * shape with any prefix the checklist allows, or empty. Only for objects that also carry
     * {@value #CREATED_LABEL}: the two labels, not the prefix, say that the namespace is Ascent's.
     */
    public static Optional<RunName> parseLabelled(String name) {
        if (name == null || name.length() > MAX_PREFIX + 22) {
            return Optional.empty();
        }
        Matcher m = LABELLED_SHAPE.matcher(name);
        return m.matches() ? created(name, m.group(3)) : Optional.empty();
    }

    private static Optional<RunName> created(String name, String stamp) {
        try {
            return Optional.of(new RunName(name, LocalDateTime.parse(stamp, STAMP).toInstant(ZoneOffset.UTC)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * The start of this run's work folder's name, {@value #WORK_FOLDER_PREFIX}{@code RUN-}, to which
     * {@link java.nio.file.Files#createTempDirectory} adds its random number.
     */
    public String workFolderPrefix() {
        return WORK_FOLDER_PREFIX + value + "-";
    }

    /**
     * Reads the run out of a work folder's name as {@link #workFolderPrefix()} began it ({@code RUN} after
     * {@value #WORK_FOLDER_PREFIX}, any prefix the checklist allows), or empty.
     */
    public static Optional<RunName> parseWorkFolder(String run) {
        return run != null && run.startsWith(WORK_FOLDER_PREFIX)
                ? parseLabelled(run.substring(WORK_FOLDER_PREFIX.length())) : Optional.empty();
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
