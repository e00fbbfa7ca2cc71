package io.ascent.core.manifest;

import java.nio.file.Path;

/**
 * A manifest file to read.
 *
 * @param file        where it is
 * @param displayPath how reports name it (relative to the repository root)
 */
public record ManifestFile(Path file, String displayPath) {
}
