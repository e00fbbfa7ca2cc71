package io.ascent.core.init;

import io.ascent.core.workspace.ConfinedFiles;
import io.ascent.core.yaml.SafeYamlLoader;
import io.ascent.core.yaml.YamlDocument;
import io.ascent.core.yaml.YamlInputException;
import io.ascent.core.yaml.YamlLimits;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.json.JSONObject;

/**
 * What an application directory holds, as far as a starting checklist cares: folders of plain Kubernetes manifests,
 * Kustomize and Helm folders, a kind cluster config, the API versions the manifests use, and README, LICENSE,
 * CODEOWNERS and Dockerfile. The directory is untrusted: the walk never follows symbolic links, stops after
 * {@link #MAX_ENTRIES} entries and {@link #MAX_DEPTH} levels, and parses at most {@link #MAX_YAML_FILES} files of at
 * most {@link #MAX_YAML_BYTES} bytes each with the safe YAML loader; a file that does not parse is passed over.
 *
 * @param manifestPaths   what {@code kubernetes.manifests} should name: folders (with {@code /}), globs, files
 * @param kustomizations  folders holding a kustomization file
 * @param charts          folders holding a Helm {@code Chart.yaml}
 * @param kindConfig      the first kind {@code Cluster} config found, if any
 * @param apis            every {@code apiVersion kind} pair of the plain manifests
 * @param readme          a README at the top, if any
 * @param license         a LICENSE or COPYING at the top, if any
 * @param codeowners      a CODEOWNERS where GitHub looks for it, if any
 * @param dockerfile      whether a Dockerfile is at the top
 * @param skipped         folders passed over because their names cannot be written as a path in the checklist
 * @param truncated       whether a limit stopped the walk, so the survey may be incomplete
 */
public record RepositorySurvey(
        List<String> manifestPaths,
        List<String> kustomizations,
        List<String> charts,
        Optional<String> kindConfig,
        Set<String> apis,
        Optional<String> readme,
        Optional<String> license,
        Optional<String> codeowners,
        boolean dockerfile,
        int skipped,
        boolean truncated) {

    static final int MAX_ENTRIES = 20_000;
    static final int MAX_DEPTH = 12;
    static final int MAX_YAML_FILES = 2_000;
    static final int MAX_YAML_BYTES = 1024 * 1024;
    /**
     * Manifests named one by one, at most this many per folder: those at the top of the directory, and those of a
     * folder that also holds YAML that is not Kubernetes objects.
     */
    static final int MAX_NAMED_FILES = 20;
    /** Folders that hold dependencies or build output, never an application's own manifests. */
    private static final Set<String> PASSED_OVER = Set.of("node_modules", "vendor", "target", "build", "dist",
            "bower_components", "__pycache__");
    /** Characters that would make a path a glob, or that no path in a checklist should carry. */
    private static final Pattern UNWRITABLE = Pattern.compile("[*?\\[\\]{}|\\\\\\p{Cntrl}\\u2028\\u2029\\u0085]");
    private static final List<String> CODEOWNERS = List.of(".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS");

    public RepositorySurvey {
        manifestPaths = List.copyOf(manifestPaths);
        kustomizations = List.copyOf(kustomizations);
        charts = List.copyOf(charts);
        apis = Set.copyOf(apis);
    }

    /**
     * Surveys {@code directory}.
     *
     * @throws IOException when the directory itself cannot be listed
     */
    public static RepositorySurvey of(Path directory) throws IOException {
        Walk walk = new Walk(directory.toAbsolutePath().normalize());
        Files.walkFileTree(walk.root, EnumSet.noneOf(java.nio.file.FileVisitOption.class), MAX_DEPTH, walk);
        return new RepositorySurvey(manifestPaths(walk), List.copyOf(new TreeSet<>(walk.kustomizations)),
                List.copyOf(new TreeSet<>(walk.charts)), Optional.ofNullable(walk.kindConfig), walk.apis,
                top(walk.root, "readme"), top(walk.root, "license", "licence", "copying"),
                CODEOWNERS.stream().filter(path -> Files.isRegularFile(walk.root.resolve(path),
                        java.nio.file.LinkOption.NOFOLLOW_LINKS)).findFirst(),
                Files.isRegularFile(walk.root.resolve("Dockerfile"), java.nio.file.LinkOption.NOFOLLOW_LINKS),
                walk.skipped, walk.truncated);
    }

    /**
     * What {@code kubernetes.manifests} should name: each outermost manifest folder (read recursively), except that
     * a folder holding a Kustomize or Helm folder, or YAML that is not Kubernetes objects (an application's own
     * configuration, a test resource), below it is named by globs of its own files, so that patches, templates and
     * configuration are not read as manifests. Files at the top, and the manifests of a folder that also holds such
     * YAML, are named one by one (a glob at the top would match the checklist itself, one in such a folder the
     * configuration), up to {@link #MAX_NAMED_FILES}; a folder with more is named by a glob all the same.
     */
    private static List<String> manifestPaths(Walk walk) {
        Set<String> excluded = new TreeSet<>(walk.kustomizations);
        excluded.addAll(walk.components);
        excluded.addAll(walk.charts);
        excluded.addAll(walk.otherYaml);
        List<String> recursive = new ArrayList<>();
        Set<String> paths = new LinkedHashSet<>();
        for (var entry : walk.manifestFiles.entrySet()) {
            String folder = entry.getKey();
            Set<String> files = entry.getValue();
            if (folder.equals("./")) {
                files.stream().limit(MAX_NAMED_FILES).forEach(paths::add);
            } else if (recursive.stream().anyMatch(folder::startsWith)) {
                continue;
            } else if (walk.otherYaml.contains(folder) && files.size() <= MAX_NAMED_FILES) {
                paths.addAll(files);
            } else if (excluded.stream().anyMatch(e -> e.startsWith(folder))) {
                files.stream().map(file -> folder + "*" + file.substring(file.lastIndexOf('.'))).forEach(paths::add);
            } else {
                recursive.add(folder);
                paths.add(folder);
            }
        }
        return List.copyOf(paths);
    }

    /** The first regular file at the top whose name, before any extension, is one of {@code stems}. */
    private static Optional<String> top(Path root, String... stems) throws IOException {
        try (var files = Files.list(root)) {
            return files.filter(file -> Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                    .map(file -> file.getFileName().toString())
                    .filter(name -> List.of(stems).contains(name.toLowerCase(Locale.ROOT).replaceFirst("\\..*$", "")))
                    .filter(name -> !UNWRITABLE.matcher(name).find())
                    .sorted().findFirst();
        }
    }

    /** One walk over the directory, collecting as it goes. */
    private static final class Walk extends SimpleFileVisitor<Path> {
        private final Path root;
        private final SafeYamlLoader loader = new SafeYamlLoader(YamlLimits.MANIFEST);
        private final ConfinedFiles files;
        /** Folder ({@code ./} for the top) to the manifest files directly in it. */
        private final java.util.Map<String, Set<String>> manifestFiles = new java.util.TreeMap<>();
        private final Set<String> kustomizations = new LinkedHashSet<>();
        /** Kustomize components: not buildable alone (a kustomization that uses one renders it), never proposed. */
        private final Set<String> components = new LinkedHashSet<>();
        private final Set<String> charts = new LinkedHashSet<>();
        /** Folders holding a YAML file that parses but holds no Kubernetes object (no apiVersion and kind). */
        private final Set<String> otherYaml = new TreeSet<>();
        private final Set<String> apis = new TreeSet<>();
        private String kindConfig;
        private int entries;
        private int yamlFiles;
        private int skipped;
        private boolean truncated;

        Walk(Path root) {
            this.root = root;
            this.files = ConfinedFiles.under(root, MAX_YAML_BYTES);
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
            if (++entries > MAX_ENTRIES) {
                truncated = true;
                return FileVisitResult.TERMINATE;
            }
            if (dir.equals(root)) {
                return FileVisitResult.CONTINUE;
            }
            String name = dir.getFileName().toString();
            if (name.startsWith(".") || PASSED_OVER.contains(name)) {
                return FileVisitResult.SKIP_SUBTREE;
            }
            if (UNWRITABLE.matcher(relative(dir)).find()) {
                skipped++;
                return FileVisitResult.SKIP_SUBTREE;
            }
            if (Files.isRegularFile(dir.resolve("Chart.yaml"), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                // A chart's templates are Go templates, not YAML: Ascent reads what `helm template` renders.
                charts.add(relative(dir) + "/");
                return FileVisitResult.SKIP_SUBTREE;
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
            if (++entries > MAX_ENTRIES) {
                truncated = true;
                return FileVisitResult.TERMINATE;
            }
            String name = file.getFileName().toString();
            String lower = name.toLowerCase(Locale.ROOT);
            if (!attributes.isRegularFile() || !(lower.endsWith(".yaml") || lower.endsWith(".yml"))) {
                return FileVisitResult.CONTINUE;
            }
            if (lower.equals("kustomization.yaml") || lower.equals("kustomization.yml")) {
                (isComponent(file, attributes) ? components : kustomizations).add(folder(file));
                return FileVisitResult.CONTINUE;
            }
            if (attributes.size() > MAX_YAML_BYTES || UNWRITABLE.matcher(relative(file)).find()) {
                return FileVisitResult.CONTINUE;
            }
            if (++yamlFiles > MAX_YAML_FILES) {
                truncated = true;
                return FileVisitResult.TERMINATE;
            }
            read(file);
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
            return FileVisitResult.CONTINUE; // an unreadable entry says nothing about the application
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException e) {
            // Patches and bases of a Kustomize folder are not what is applied: the rendered output is.
            if (kustomizations.contains(folder(dir.resolve("x"))) || components.contains(folder(dir.resolve("x")))) {
                manifestFiles.remove(folder(dir.resolve("x")));
            }
            return FileVisitResult.CONTINUE;
        }

        /** Whether a kustomization file declares a Component ({@code kind: Component}); unreadable ones are not. */
        private boolean isComponent(Path file, BasicFileAttributes attributes) {
            if (attributes.size() > MAX_YAML_BYTES) {
                return false;
            }
            try {
                return loader.loadAll(files, file, relative(file)).stream()
                        .anyMatch(document -> document.json() instanceof JSONObject object
                                && "Component".equals(object.optString("kind", "")));
            } catch (YamlInputException | RuntimeException e) {
                return false; // Kustomize will say what is wrong with it when it is rendered
            }
        }

        private void read(Path file) {
            List<YamlDocument> documents;
            try {
                documents = loader.loadAll(files, file, relative(file));
            } catch (YamlInputException | RuntimeException e) {
                return; // not YAML Ascent can read: not a manifest to propose
            }
            boolean objects = false;
            boolean other = false;
            for (YamlDocument document : documents) {
                Object json = document.json();
                String apiVersion = json instanceof JSONObject object ? object.optString("apiVersion", "") : "";
                String kind = json instanceof JSONObject object ? object.optString("kind", "") : "";
                if (apiVersion.isEmpty() || kind.isEmpty()) {
                    other = true; // the loader has already dropped empty documents
                    continue;
                }
                objects = true;
                if (apiVersion.startsWith("kind.x-k8s.io/") && kind.equals("Cluster")) {
                    if (kindConfig == null) {
                        kindConfig = relative(file);
                    }
                } else if (apiVersion.startsWith("kustomize.config.k8s.io/")) {
                    (kind.equals("Component") ? components : kustomizations).add(folder(file));
                } else {
                    manifestFiles.computeIfAbsent(folder(file), f -> new TreeSet<>()).add(relative(file));
                    if (apis.size() < 1_000) {
                        apis.add(apiVersion + " " + kind);
                    }
                }
            }
            if (other && !objects) {
                // Configuration such as a database's own config file: a recursive read of a folder above it would
                // report it as an object without apiVersion and kind.
                otherYaml.add(folder(file));
            }
        }

        private String folder(Path file) {
            Path parent = file.getParent();
            return parent.equals(root) ? "./" : relative(parent) + "/";
        }

        private String relative(Path path) {
            return root.relativize(path).toString().replace('\\', '/');
        }
    }
}
