package io.ascent.core.manifest.check;

import io.ascent.core.report.Location;

/**
 * One apiVersion/kind pair a manifest relies on: the object itself, or a configuration object embedded in it.
 *
 * @param apiVersion the apiVersion written, or {@code null} when missing or when the text could not be read
 * @param kind       the kind written
 * @param location   where the apiVersion is written (or the embedding node when it cannot be pinned down)
 * @param keyPart    what tells it from other references of the same object, or {@code null} for the object
 * @param where      how a person finds it, such as {@code the configuration of plugin 'PodSecurity'}, or
 *                   {@code null} for the object itself
 * @param problem    why the embedded text could not be read (not valid YAML, undecodable), or {@code null}
 */
record ApiReference(String apiVersion, String kind, Location location, String keyPart, String where,
        String problem) {

    ApiReference(String apiVersion, String kind, Location location, String keyPart, String where) {
        this(apiVersion, kind, location, keyPart, where, null);
    }

    /** Embedded text that should hold configuration but cannot be read; {@code problem} says why. */
    static ApiReference unreadable(Location location, String keyPart, String where, String problem) {
        return new ApiReference(null, null, location, keyPart, where, problem);
    }
}
