package io.ascent.core.manifest;

import io.ascent.core.report.Item;
import io.ascent.core.report.Location;
import io.ascent.core.report.Severity;
import io.ascent.core.report.Status;
import io.ascent.core.workspace.ConfinedFiles;
import io.ascent.core.yaml.SafeYamlLoader;
import io.ascent.core.yaml.YamlDocument;
import io.ascent.core.yaml.YamlInputException;
import io.ascent.core.yaml.YamlLimits;
import java.util.ArrayList;
import java.util.List;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * Reads manifest files into {@link Resource}s: multi-document YAML and JSON, empty documents ignored, the
 * entries of {@code List} kinds ({@code List}, {@code DeploymentList}, ...) expanded, each keeping its position.
 * Thread-safe: files may be loaded in parallel.
 */
public final class ManifestLoader {

    /** The id of every item about a manifest that cannot be read. */
    public static final String PARSE_ID = "manifest.parse";
    public static final String PARSE_TITLE = "Manifests parse";

    private final SafeYamlLoader yaml = new SafeYamlLoader(YamlLimits.MANIFEST);

    /**
     * Loads one file through {@code files} (the repository's: a link out of it, a named pipe or a device is
     * refused); a file that cannot be read gives one ERROR item naming it, never an exception.
     */
    public LoadedFile load(ConfinedFiles files, ManifestFile file) {
        return read(file, () -> yaml.loadAll(files, file.file(), file.displayPath()));
    }

    /** Reads manifest text already in memory, as if it were the file {@code displayPath}. */
    public LoadedFile parse(String text, String displayPath) {
        return read(new ManifestFile(java.nio.file.Path.of(displayPath), displayPath),
                () -> yaml.parse(text, displayPath));
    }

    private interface Documents {
        List<YamlDocument> read() throws YamlInputException;
    }

    private static LoadedFile read(ManifestFile file, Documents source) {
        List<Resource> resources = new ArrayList<>();
        List<Item> problems = new ArrayList<>();
        try {
            List<YamlDocument> documents = source.read();
            for (int i = 0; i < documents.size(); i++) {
                addDocument(documents.get(i), i + 1, resources, problems);
            }
        } catch (YamlInputException e) {
            problems.add(problem(e.location(), e.getMessage()));
        } catch (RuntimeException | StackOverflowError e) {
            // The YAML layer turns every known failure into YamlInputException; anything else is still the
            // input's doing (it is the only thing that varies), so report it against the file.
            problems.add(problem(Location.of(file.displayPath()),
                    "cannot read the manifest (" + e.getClass().getSimpleName() + ")"));
        }
        return new LoadedFile(file, resources, problems);
    }

    private static void addDocument(YamlDocument document, int number, List<Resource> resources,
            List<Item> problems) {
        if (!(document.json() instanceof JSONObject object)) {
            problems.add(problem(document.start(), "document " + number + " is " + describe(document.json())
                    + ", not an object; a Kubernetes resource is a mapping with apiVersion, kind and metadata"));
            return;
        }
        Object kind = object.opt("kind");
        JSONArray items = object.optJSONArray("items");
        if (kind instanceof String k && k.endsWith("List") && items != null) {
            for (int i = 0; i < items.length(); i++) {
                List<String> pointer = List.of("items", String.valueOf(i));
                if (items.get(i) instanceof JSONObject entry) {
                    resources.add(new Resource(document, pointer, entry));
                } else {
                    problems.add(problem(document.locationOf(document.nodeAt(pointer)), "entry " + i + " of " + k
                            + " is " + describe(items.get(i)) + ", not an object"));
                }
            }
            return;
        }
        resources.add(new Resource(document, List.of(), object));
    }

    private static String describe(Object json) {
        if (json instanceof JSONArray) {
            return "a list";
        }
        if (json == JSONObject.NULL) {
            return "null";
        }
        return "a plain value";
    }

    private static Item problem(Location location, String message) {
        return Item.builder(PARSE_ID, PARSE_TITLE)
                .status(Status.ERROR)
                .severity(Severity.ERROR)
                .message(message)
                .location(location)
                .key(location.path())
                .remediation("fix the file so that it is valid YAML or JSON holding Kubernetes objects")
                .build();
    }
}
