package io.ascent.core.manifest;

import io.ascent.core.report.Item;
import io.ascent.core.report.Location;
import io.ascent.core.report.Severity;
import io.ascent.core.report.Status;
import io.ascent.core.workspace.ConfinedFiles;
import io.ascent.core.yaml.SafeYamlLoader;
import io.ascent.core.yaml.ScalarRules;
import io.ascent.core.yaml.YamlDocument;
import io.ascent.core.yaml.YamlInputException;
import io.ascent.core.yaml.YamlLimits;
import java.util.ArrayList;
import java.util.List;
import org.json.JSONObject;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads manifest files into {@link Resource}s the way kubectl reads them (YAML 1.1 scalars: {@code yes} is
 * {@code true}, see {@link ScalarRules#KUBECTL}): multi-document YAML and JSON, empty documents ignored, the
 * entries of {@code List} kinds ({@code List}, {@code DeploymentList}, ...) expanded, each keeping its position.
 * Thread-safe: files may be loaded in parallel.
 */
public final class ManifestLoader {

    /** The id of every item about a manifest that cannot be read. */
    public static final String PARSE_ID = "manifest.parse";
    public static final String PARSE_TITLE = "Manifests parse";

    private final SafeYamlLoader yaml = new SafeYamlLoader(YamlLimits.MANIFEST, ScalarRules.KUBECTL);

    /**
     * Loads one file through {@code files} (the repository's: a link out of it, a named pipe or a device is
     * refused); a file that cannot be read gives one ERROR item naming it, never an exception. The objects before
     * a document that cannot be read are kept, as {@link #stream} hands them over.
     */
    public LoadedFile load(ConfinedFiles files, ManifestFile file) {
        return collect(file, sink -> stream(files, file, sink));
    }

    /** Reads manifest text already in memory, as if it were the file {@code displayPath}. */
    public LoadedFile parse(String text, String displayPath) {
        ManifestFile file = new ManifestFile(java.nio.file.Path.of(displayPath), displayPath);
        return collect(file, sink -> read(file, documents -> yaml.stream(text, displayPath, documents), sink));
    }

    /** Receives the objects and problems of a file as they are read. */
    public interface Sink {
        void resource(Resource resource);

        void problem(Item problem);
    }

    /**
     * Reads one file through {@code files} document by document, handing each object to {@code sink} as soon as
     * its document is read and keeping nothing, so that a file of 50,000 objects needs the memory of one. A document that cannot be
     * read ends the file with a problem; the objects before it have been handed over already.
     */
    public void stream(ConfinedFiles files, ManifestFile file, Sink sink) {
        read(file, documents -> yaml.stream(files, file.file(), file.displayPath(), documents), sink);
    }

    private interface Source {
        void read(SafeYamlLoader.DocumentSink documents) throws YamlInputException;
    }

    private static LoadedFile collect(ManifestFile file, java.util.function.Consumer<Sink> reader) {
        Collector collector = new Collector();
        reader.accept(collector);
        return collector.loaded(file);
    }

    /** A sink that keeps what it is handed, for callers that need a file's objects all at once. */
    public static final class Collector implements Sink {
        private final List<Resource> resources = new ArrayList<>();
        private final List<Item> problems = new ArrayList<>();

        @Override
        public void resource(Resource resource) {
            resources.add(resource);
        }

        @Override
        public void problem(Item problem) {
            problems.add(problem);
        }

        /** What was handed over, as the objects of {@code file}. */
        public LoadedFile loaded(ManifestFile file) {
            return new LoadedFile(file, resources, problems);
        }
    }

    private static void read(ManifestFile file, Source source, Sink sink) {
        List<Resource> resources = new ArrayList<>(1);
        List<Item> problems = new ArrayList<>(1);
        int[] number = {0};
        try {
            source.read(document -> {
                addDocument(document, ++number[0], resources, problems);
                resources.forEach(sink::resource);
                problems.forEach(sink::problem);
                resources.clear();
                problems.clear();
            });
        } catch (YamlInputException e) {
            sink.problem(problem(e.location(), e.getMessage()));
        } catch (RuntimeException | StackOverflowError e) {
            // The YAML layer turns every known failure into YamlInputException; anything else is still the
            // input's doing (it is the only thing that varies), so report it against the file.
            sink.problem(problem(Location.of(file.displayPath()),
                    "cannot read the manifest (" + e.getClass().getSimpleName() + ")"));
        }
    }

    /**
     * The objects of one document, read from its node tree: its JSON copy is built only if a check asks for it.
     * The tree agrees with the copy on every test made here (same keys, scalars typed by the same rules).
     */
    private static void addDocument(YamlDocument document, int number, List<Resource> resources,
            List<Item> problems) {
        Node root = document.root();
        if (!(root instanceof MappingNode)) {
            problems.add(problem(document.start(), "document " + number + " is " + describe(document, root)
                    + ", not an object; a Kubernetes resource is a mapping with apiVersion, kind and metadata"));
            return;
        }
        Object kind = document.scalarValue(YamlDocument.member(root, "kind"));
        Node items = YamlDocument.member(root, "items");
        if (kind instanceof String k && k.endsWith("List") && items != null
                && document.scalarValue(items) == JSONObject.NULL) {
            return; // "items:" with nothing after it: kubectl reads an empty list
        }
        if (kind instanceof String k && k.endsWith("List") && items instanceof SequenceNode entries) {
            for (int i = 0; i < entries.getValue().size(); i++) {
                List<String> pointer = List.of("items", String.valueOf(i));
                Node entry = entries.getValue().get(i);
                if (entry instanceof MappingNode) {
                    resources.add(new Resource(document, pointer));
                } else {
                    problems.add(problem(document.locationOf(entry), "entry " + i + " of " + k
                            + " is " + describe(document, entry) + ", not an object"));
                }
            }
            return;
        }
        resources.add(new Resource(document, List.of()));
    }

    private static String describe(YamlDocument document, Node node) {
        if (node instanceof SequenceNode) {
            return "a list";
        }
        if (document.scalarValue(node) == JSONObject.NULL) {
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
