package io.ascent.core.baseline;

import io.ascent.core.report.Location;

/** A baseline file that cannot be used, with where in it the problem is. */
public final class BaselineException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Location location;

    public BaselineException(Location location, String message) {
        super(message);
        this.location = location;
    }

    public Location location() {
        return location;
    }
}
