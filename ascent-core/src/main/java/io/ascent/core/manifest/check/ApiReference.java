package io.ascent.core.manifest.check;

import io.ascent.core.report.Location;

/**
 * One apiVersion/kind pair a manifest relies on: the object itself, or a configuration object embedded in it.
 *
 * @param apiVersion the apiVersion written
 * @param kind       the kind written
 * @param location   where the apiVersion is written (or the embedding node when it cannot be pinned down)
 * @param keyPart    what tells it from other references of the same object, or {@code null} for the object
 * @param where      how a person finds it, such as {@code the configuration of plugin 'PodSecurity'}, or
 *                   {@code null} for the object itself
 */
record ApiReference(String apiVersion, String kind, Location location, String keyPart, String where) {
}
