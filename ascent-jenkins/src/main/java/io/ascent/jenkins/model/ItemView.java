package io.ascent.jenkins.model;

import io.ascent.core.report.Item;

/** One item as the build pages show it: plain strings, empty when absent. Jelly escapes them. */
public final class ItemView {

    private final Item item;

    ItemView(Item item) {
        this.item = item;
    }

    public String getId() {
        return item.id();
    }

    public String getTitle() {
        return item.title();
    }

    /** {@code fail}, {@code warn}, ... */
    public String getStatus() {
        return item.status().label();
    }

    /** {@code path:line:col}, {@code path:line}, {@code path} or empty. */
    public String getLocation() {
        return item.location() == null ? "" : item.location().toString();
    }

    public String getPath() {
        return item.location() == null ? "" : item.location().path();
    }

    public String getMessage() {
        return item.message();
    }

    /** What to change; empty when the check has no advice. */
    public String getFix() {
        return item.remediation() == null ? "" : item.remediation();
    }

    /** The waiver's reason, owner and expiry; empty when not waived. */
    public String getWaiver() {
        if (item.waiver() == null) {
            return "";
        }
        return item.waiver().reason() + (item.waiver().owner() == null ? "" : " (" + item.waiver().owner() + ")")
                + ", until " + item.waiver().expires();
    }
}
