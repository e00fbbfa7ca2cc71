package io.ascent.core.manifest;

import io.ascent.core.report.Item;
import io.ascent.core.report.Location;
import io.ascent.core.report.Severity;
import io.ascent.core.report.Status;
import io.ascent.core.workspace.Workspace;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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

    /**
     * Expands paths written in a checklist. A folder stands for every {@code .yaml}, {@code .yml} and {@code .json}
     * file below it (hidden folders such as {@code .git} excluded); a glob ({@code deploy/*.yaml},
     * {@code deploy/**}) for every file it matches; a file for itself, whatever its extension.
     */
    public static ManifestSet expand(Workspace workspace, List<String> written) {
        Map<String, ManifestFile> files = new LinkedHashMap<>();
        List<Item> problems = new ArrayList<>();
        for (String path : written) {
            List<Path> found = new ArrayList<>();
            Optional<String> problem = isGlob(path) ? glob(workspace, path, found) : plain(workspace, path, found);
            if (problem.isPresent()) {
                problems.add(problem(path, problem.get()));
                continue;
            }
            for (Path file : found) {
                String relative = workspace.applicationDir().relativize(file.toAbsolutePath().normalize()).toString();
                if (workspace.resolveInside(relative.replace('\\', '/')).isEmpty()) {
                    problems.add(problem(workspace.displayPath(file),
                            "a symbolic link leads out of the repository; Ascent reads only files inside it"));
                    continue;
                }
                String display = workspace.displayPath(file);
                files.putIfAbsent(display, new ManifestFile(file, display));
            }
        }
        List<ManifestFile> sorted = new ArrayList<>(files.values());
        sorted.sort(Comparator.comparing(ManifestFile::displayPath));
        return new ManifestSet(sorted, problems);
    }

    private static Optional<String> plain(Workspace workspace, String written, List<Path> found) {
        Optional<Path> resolved = workspace.resolveInside(written);
        if (resolved.isEmpty()) {
            return Optional.of("'" + written + "' leaves the repository; manifest paths must stay inside it");
        }
        Path path = resolved.get();
        if (Files.isRegularFile(path)) {
            found.add(path);
            return Optional.empty();
        }
        if (!Files.isDirectory(path)) {
            return Optional.of("'" + written + "' " + (Files.exists(path)
                    ? "is not a regular file (a named pipe, device or socket); Ascent reads only files"
                    : "does not exist"));
        }
        int before = found.size();
        Optional<String> problem = walk(path, file -> isManifestName(file.getFileName().toString()), found);
        if (problem.isEmpty() && found.size() == before) {
            return Optional.of("folder '" + written + "' holds no .yaml, .yml or .json file");
        }
        return problem;
    }

    private static Optional<String> glob(Workspace workspace, String written, List<Path> found) {
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
            return Optional.of("'" + written + "' leaves the repository; manifest paths must stay inside it");
        }
        if (!Files.isDirectory(root.get())) {
            return Optional.of("glob '" + written + "' matches no file");
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + written);
        Path applicationDir = workspace.applicationDir();
        int before = found.size();
        Optional<String> problem = walk(root.get(),
                file -> matcher.matches(Path.of(applicationDir.relativize(file).toString().replace('\\', '/'))),
                found);
        if (problem.isEmpty() && found.size() == before) {
            return Optional.of("glob '" + written + "' matches no file");
        }
        return problem;
    }

    private static Optional<String> walk(Path root, java.util.function.Predicate<Path> accept, List<Path> found) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.filter(p -> !isHidden(root, p))
                    .filter(Files::isRegularFile)
                    .map(p -> p.toAbsolutePath().normalize())
                    .filter(accept)
                    .sorted()
                    .forEach(found::add);
            return Optional.empty();
        } catch (IOException | java.io.UncheckedIOException e) {
            return Optional.of("cannot list '" + root.getFileName() + "': " + e.getMessage());
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
