package io.ascent.core.manifest;

import io.ascent.core.report.Item;
import java.util.List;

/**
 * What one manifest file held: its objects, in file order, and what could not be read.
 *
 * @param file      the file
 * @param resources its objects (List entries expanded), in file order
 * @param problems  {@link ManifestLoader#PARSE_ID} items: the file could not be read or parsed, or a document is
 *                  not an object
 */
public record LoadedFile(ManifestFile file, List<Resource> resources, List<Item> problems) {

    public LoadedFile {
        resources = List.copyOf(resources);
        problems = List.copyOf(problems);
    }
}
