package io.ascent.core.manifest;

import io.ascent.core.glob.Glob;
import io.ascent.core.glob.GlobSyntaxException;
import io.ascent.core.glob.PathPattern;
import io.ascent.core.report.Item;
import io.ascent.core.report.Location;
import io.ascent.core.report.Severity;
import io.ascent.core.report.Status;
import io.ascent.core.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The manifest files a checklist names: its paths, folders and globs expanded relative to the application
 * directory, each file once, sorted by path so that reports come out in the same order on every machine.
 *
 * @param files    the files, sorted by display path
 * @param problems paths that leave the repository or match nothing ({@link ManifestLoader#PARSE_ID} items)
 */
public record ManifestSet(List<ManifestFile> files, List<Item> problems) {

    private static final String GLOB_CHARACTERS = "*?[{";

    public ManifestSet {
        files = List.copyOf(files);
        problems = List.copyOf(problems);
    }

    /** {@link #expand(Workspace, List, List)} with nothing excluded. */
    public static ManifestSet expand(Workspace workspace, List<String> written) {
        return expand(workspace, written, List.of());
    }

    /**
     * Expands paths written in a checklist. A folder stands for every {@code .yaml}, {@code .yml} and {@code .json}
     * file below it (hidden folders such as {@code .git} excluded); a glob ({@code deploy/*.yaml},
     * {@code deploy/**}) for every file it matches; a file for itself, whatever its extension. {@code |} separates
     * alternatives ({@code deploy/|k8s/}): each that matches is read, and the entry is a problem only when none
     * matches. A file that one of {@code exclude} matches (relative to the application directory, a folder covering
     * everything below it, see {@link PathPattern}) is not read.
     *
     * @throws GlobSyntaxException when an exclude pattern is malformed (the checklist's semantic checks refuse it
     *                             first)
     */
    public static ManifestSet expand(Workspace workspace, List<String> written, List<String> exclude) {
        return expand(workspace, written, exclude, file -> { });
    }

    /**
     * {@link #expand(Workspace, List, List)}, telling {@code known} of each file of the set as soon as it is known to
     * be one (inside the repository, not excluded, not seen before): in the order of the entries and, within one, of
     * its walk, which may differ from the set's sorted order. The manifest step starts parsing with the first ones
     * while the rest is still being expanded.
     */
    public static ManifestSet expand(Workspace workspace, List<String> written, List<String> exclude,
            Consumer<ManifestFile> known) {
        List<PathPattern> excluded = exclude.stream().map(PathPattern::compile).toList();
        Map<String, ManifestFile> files = new LinkedHashMap<>();
        List<Item> problems = new ArrayList<>();
        for (String entry : written) {
            List<Path> found = new ArrayList<>();
            Set<Path> links = new HashSet<>();
            List<String> missed = new ArrayList<>();
            Optional<Miss> problem = Optional.empty();
            List<String> alternatives = alternatives(entry);
            for (String path : alternatives) {
                Optional<Miss> missing = isGlob(path) ? glob(workspace, path, found, links)
                        : plain(workspace, path, found, links);
                if (missing.isPresent() && missing.get().leaves()) {
                    problems.add(problem(path, missing.get().message()));
                } else if (missing.isPresent()) {
                    missed.add(path);
                    problem = problem.or(() -> missing);
                }
            }
            if (missed.size() == alternatives.size() && problem.isPresent()) {
                problems.add(problem(entry, alternatives.size() == 1 ? problem.get().message()
                        : "none of '" + String.join("', '", missed) + "' matches a file"));
                continue;
            }
            for (Path file : found) {
                boolean linked = links.contains(file);
                // Only an exclude pattern or a link needs the path relative to the application directory.
                String relative = excluded.isEmpty() && !linked ? null : workspace.applicationDir()
                        .relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
                if (excluded.stream().anyMatch(pattern -> pattern.matchingPrefix(relative) != null)) {
                    continue;
                }
                // A file a walk found, not through a link, is where its folder is, which resolveInside checked; a
                // link may lead anywhere. (Resolving each of 10,000 files was 3% of the run's CPU.)
                if (linked && workspace.resolveInside(relative).isEmpty()) {
                    problems.add(problem(workspace.displayPath(file),
                            "a symbolic link leads out of the repository; Ascent reads only files inside it"));
                    continue;
                }
                String display = workspace.displayPath(file);
                if (!files.containsKey(display)) {
                    ManifestFile manifest = ManifestFile.under(workspace.repositoryRoot(), file, display);
                    files.put(display, manifest);
                    known.accept(manifest);
                }
            }
        }
        List<ManifestFile> sorted = new ArrayList<>(files.values());
        sorted.sort(Comparator.comparing(ManifestFile::displayPath));
        return new ManifestSet(sorted, problems);
    }

    /** Why a written path gave no file; {@code leaves} when it leaves the repository, which no alternative excuses. */
    private record Miss(String message, boolean leaves) {
    }

    private static List<String> alternatives(String entry) {
        List<String> out = new ArrayList<>();
        for (String alternative : entry.split("\\|")) {
            if (!alternative.isBlank()) {
                out.add(alternative.trim());
            }
        }
        return out.isEmpty() ? List.of(entry) : out;
    }

    private static Optional<Miss> plain(Workspace workspace, String written, List<Path> found, Set<Path> links) {
        Optional<Path> resolved = workspace.resolveInside(written);
        if (resolved.isEmpty()) {
            return Optional.of(new Miss("'" + written + "' leaves the repository; manifest paths must stay inside it",
                    true));
        }
        Path path = resolved.get();
        if (Files.isRegularFile(path)) {
            found.add(path);
            return Optional.empty();
        }
        if (!Files.isDirectory(path)) {
            return Optional.of(new Miss("'" + written + "' " + (Files.exists(path)
                    ? "is not a regular file (a named pipe, device or socket); Ascent reads only files"
                    : "does not exist"), false));
        }
        int before = found.size();
        Optional<Miss> problem = walk(path, file -> isManifestName(file.getFileName().toString()), found, links);
        if (problem.isEmpty() && found.size() == before) {
            return Optional.of(new Miss("folder '" + written + "' holds no .yaml, .yml or .json file", false));
        }
        return problem;
    }

    private static Optional<Miss> glob(Workspace workspace, String written, List<Path> found, Set<Path> links) {
        // Walk from the longest leading part without glob characters, not from the application directory.
        String[] segments = written.split("/");
        StringBuilder base = new StringBuilder();
        for (String segment : segments) {
            if (isGlob(segment)) {
                break;
            }
            base.append(segment).append('/');
        }
        Optional<Path> root = workspace.resolveInside(base.length() == 0 ? "." : base.toString());
        if (root.isEmpty()) {
            return Optional.of(new Miss("'" + written + "' leaves the repository; manifest paths must stay inside it",
                    true));
        }
        if (!Files.isDirectory(root.get())) {
            return Optional.of(new Miss("glob '" + written + "' matches no file", false));
        }
        Glob matcher;
        try {
            matcher = Glob.compile(written);
        } catch (GlobSyntaxException e) {
            return Optional.of(new Miss("glob '" + written + "' is malformed: " + e.description() + " at character "
                    + (e.index() + 1), false));
        }
        Path applicationDir = workspace.applicationDir();
        int before = found.size();
        Optional<Miss> problem = walk(root.get(),
                file -> matcher.matches(applicationDir.relativize(file).toString().replace('\\', '/')), found, links);
        if (problem.isEmpty() && found.size() == before) {
            return Optional.of(new Miss("glob '" + written + "' matches no file", false));
        }
        return problem;
    }

    /**
     * Adds the files below {@code root} that {@code accept} takes, sorted; those reached through a symbolic link
     * (a link to a file: the walk does not follow links to folders) also to {@code links}.
     */
    private static Optional<Miss> walk(Path root, java.util.function.Predicate<Path> accept, List<Path> found,
            Set<Path> links) {
        Set<Path> linked = new HashSet<>();
        try (Stream<Path> paths = Files.find(root, Integer.MAX_VALUE, (p, attributes) -> {
            // The walk's own attributes (links not followed) spare a second look-up per file.
            if (attributes.isSymbolicLink() && Files.isRegularFile(p)) {
                linked.add(p);
                return true;
            }
            return attributes.isRegularFile();
        })) {
            paths.filter(p -> !isHidden(root, p))
                    .map(p -> {
                        Path absolute = p.toAbsolutePath().normalize();
                        if (linked.contains(p)) {
                            links.add(absolute);
                        }
                        return absolute;
                    })
                    .filter(accept)
                    .sorted()
                    .forEach(found::add);
            return Optional.empty();
        } catch (IOException | java.io.UncheckedIOException e) {
            return Optional.of(new Miss("cannot list '" + root.getFileName() + "': " + e.getMessage(), false));
        }
    }

    /** Below the walked folder, anything under a name starting with a dot ({@code .git}, {@code .terraform}). */
    private static boolean isHidden(Path root, Path path) {
        for (Path part : root.relativize(path)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isManifestName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".yaml") || lower.endsWith(".yml") || lower.endsWith(".json");
    }

    private static boolean isGlob(String path) {
        for (char c : GLOB_CHARACTERS.toCharArray()) {
            if (path.indexOf(c) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static Item problem(String path, String message) {
        return Item.builder(ManifestLoader.PARSE_ID, ManifestLoader.PARSE_TITLE)
                .status(Status.ERROR)
                .severity(Severity.ERROR)
                .message(message)
                .location(Location.of(path))
                .key(path)
                .build();
    }
}
