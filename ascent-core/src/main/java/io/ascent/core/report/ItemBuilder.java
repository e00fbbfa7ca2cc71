package io.ascent.core.report;

import java.time.Duration;

/** Builds an {@link Item}; the status defaults to {@link Status#PASS} and severity to {@link Severity#ERROR}. */
public final class ItemBuilder {
    private final String id;
    private final String title;
    private Status status = Status.PASS;
    private Severity severity = Severity.ERROR;
    private String message = "";
    private Location location;
    private String remediation;
    private Duration duration = Duration.ZERO;
    private Waiver waiver;
    private String key;
    private ErrorKind errorKind;

    ItemBuilder(String id, String title) {
        this.id = id;
        this.title = title;
    }

    public ItemBuilder status(Status status) {
        this.status = status;
        return this;
    }

    public ItemBuilder severity(Severity severity) {
        this.severity = severity;
        return this;
    }

    /** Marks a problem: FAIL or WARN depending on the severity set so far. */
    public ItemBuilder problem(String message) {
        this.status = severity.problemStatus();
        this.message = message;
        return this;
    }

    /** Marks the item ERROR of the given kind: broken input, an environment that cannot run it, or Ascent's bug. */
    public ItemBuilder error(ErrorKind kind, String message) {
        this.status = Status.ERROR;
        this.errorKind = kind;
        this.message = message;
        return this;
    }

    /** Why an ERROR item could not be judged; ignored for other statuses. */
    public ItemBuilder errorKind(ErrorKind kind) {
        this.errorKind = kind;
        return this;
    }

    public ItemBuilder message(String message) {
        this.message = message;
        return this;
    }

    public ItemBuilder location(Location location) {
        this.location = location;
        return this;
    }

    public ItemBuilder remediation(String remediation) {
        this.remediation = remediation;
        return this;
    }

    public ItemBuilder duration(Duration duration) {
        this.duration = duration;
        return this;
    }

    public ItemBuilder waiver(Waiver waiver) {
        this.waiver = waiver;
        return this;
    }

    public ItemBuilder key(String key) {
        this.key = key;
        return this;
    }

    public Item build() {
        return new Item(id, title, status, severity, message, location, remediation, duration, waiver, key, errorKind);
    }
}
