package io.ascent.core.yaml;

import io.ascent.core.report.Location;

/**
 * A YAML file that cannot be accepted, with where the problem is. The message is meant for people; it never
 * carries a stack trace or a SnakeYAML class name.
 */
public class YamlInputException extends Exception {
    private final Location location;

    public YamlInputException(Location location, String message) {
        super(message);
        this.location = location;
    }

    public Location location() {
        return location;
    }

    /** {@code path:line:col: message}, the form build logs and editors link. */
    public String describe() {
        return location + ": " + getMessage();
    }
}
