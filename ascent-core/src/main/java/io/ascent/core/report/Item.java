package io.ascent.core.report;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One result of one check. Several items may share an {@link #id()} (one per finding of the same rule); the id
 * is the rule's stable identifier, never derived from the title.
 *
 * @param id          stable rule or checklist item id, such as {@code checklist.schema}
 * @param title       short human name of the rule
 * @param status      what became of it
 * @param severity    how much a problem found by this rule matters
 * @param message     one or two sentences saying what was found; never a secret
 * @param location    where, or {@code null}
 * @param remediation what to change, or {@code null}
 * @param duration    how long the check took
 * @param waiver      the waiver that excused the finding, or {@code null}
 * @param key         what tells this finding from others of the same rule in the same file and stays stable when
 *                    lines move (a JSON pointer, a resource name, a secret's fingerprint), or {@code null}
 * @param errorKind   for an {@link Status#ERROR} item, why it could not be judged ({@link ErrorKind#INPUT} when not
 *                    given); {@code null} for every other status
 */
public record Item(
        String id,
        String title,
        Status status,
        Severity severity,
        String message,
        Location location,
        String remediation,
        Duration duration,
        Waiver waiver,
        String key,
        ErrorKind errorKind) implements Serializable {

    public Item {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(duration, "duration");
        if (status != Status.ERROR) {
            errorKind = null;
        } else if (errorKind == null) {
            errorKind = ErrorKind.INPUT;
        }
    }

    /** An item without an error kind: an ERROR item is then broken input. */
    public Item(String id, String title, Status status, Severity severity, String message, Location location,
            String remediation, Duration duration, Waiver waiver, String key) {
        this(id, title, status, severity, message, location, remediation, duration, waiver, key, null);
    }

    public static ItemBuilder builder(String id, String title) {
        return new ItemBuilder(id, title);
    }

    public Optional<Location> optionalLocation() {
        return Optional.ofNullable(location);
    }

    public Optional<String> optionalRemediation() {
        return Optional.ofNullable(remediation);
    }

    /** Whether this is an ERROR item of the given kind. */
    public boolean isError(ErrorKind kind) {
        return status == Status.ERROR && errorKind == kind;
    }

    public Optional<Waiver> optionalWaiver() {
        return Optional.ofNullable(waiver);
    }

    /** A copy of this item marked as recorded in the baseline: shown, no longer gating. */
    public Item baselined() {
        return new Item(id, title, Status.BASELINED, severity, message, location, remediation, duration, null, key,
                null);
    }

    /** A copy of this item excused by {@code waiver}. */
    public Item waivedBy(Waiver waiver) {
        return new Item(id, title, Status.WAIVED, severity, message, location, remediation, duration, waiver, key, null);
    }
}
