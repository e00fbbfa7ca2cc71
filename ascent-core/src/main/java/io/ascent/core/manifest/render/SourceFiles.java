package io.ascent.core.manifest.render;

import io.ascent.core.checklist.RenderSetting;
import io.ascent.core.manifest.ManifestFile;
import io.ascent.core.report.Item;
import io.ascent.core.report.Location;
import io.ascent.core.report.Severity;
import io.ascent.core.report.Status;
import io.ascent.core.workspace.ConfinedFiles;
import io.ascent.core.workspace.Workspace;
import io.ascent.core.yaml.SafeYamlLoader;
import io.ascent.core.yaml.YamlDocument;
import io.ascent.core.yaml.YamlInputException;
import io.ascent.core.yaml.YamlLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.json.JSONObject;

/**
 * The manifest files sorted into Kubernetes objects to read and Kustomize or Helm sources to leave to their tool:
 * a kustomization and the patches and configuration files it names, and every file of a Helm chart (a folder
 * holding {@code Chart.yaml}: its templates are not YAML until rendered). Files that a {@code kubernetes.render}
 * entry builds from (a rendered kustomization's resources, down through its bases) are read through the render
 * only, so no object is checked twice. Each source that is not rendered is said once, as a SKIP naming what was
 * recognised and how to render it: never a silent pass.
 *
 * @param manifests  the files to read as Kubernetes objects, in the order given
 * @param items      one SKIP item per kustomization or chart left unrendered
 * @param unrendered those of them that would build objects no check sees (not an empty kustomization, a chart with
 *                   no template, or a kustomization that only lists files read as they are): a check concluding from
 *                   absence cannot tell whether what it looked for is among them
 */
public record SourceFiles(List<ManifestFile> manifests, List<Item> items, List<Unrendered> unrendered) {

    /** Kustomizations refer to bases that refer to bases; deeper than this is a cycle or a hostile repository. */
    private static final int MAX_DEPTH = 32;

    public SourceFiles {
        manifests = List.copyOf(manifests);
        items = List.copyOf(items);
        unrendered = List.copyOf(unrendered);
    }

    /**
     * A Kustomize or Helm source left unrendered whose objects no check sees.
     *
     * @param at     its SKIP item's location (the kustomization or {@code Chart.yaml})
     * @param what   {@code Helm chart}, {@code kustomization} or {@code Kustomize component}
     * @param folder its folder, as the checklist writes it
     * @param why    why it was not rendered: {@code kubernetes.render does not name it}
     */
    public record Unrendered(Location at, String what, String folder, String why) {
    }

    /** Sorts {@code files} (already expanded from {@code kubernetes.manifests}) given what the checklist renders. */
    public static SourceFiles sort(Workspace workspace, List<ManifestFile> files, List<RenderSetting> render) {
        ConfinedFiles confined = workspace.files(YamlLimits.MANIFEST.maxBytes());
        Set<Path> rendered = new HashSet<>();
        Set<Path> covered = new HashSet<>();
        for (RenderSetting setting : render) {
            Optional<Path> root = workspace.resolveInside(setting.path()).map(p -> p.toAbsolutePath().normalize());
            if (root.isEmpty()) {
                continue; // the checklist's path checks refuse it
            }
            rendered.add(root.get());
            if (setting.tool() == RenderSetting.Tool.KUSTOMIZE) {
                cover(confined, root.get(), covered, new HashSet<>(), 0);
            }
        }
        Map<Path, Optional<Path>> chartOf = new HashMap<>();
        Map<Path, List<ManifestFile>> charts = new LinkedHashMap<>();
        Map<Path, Kustomization> kustomizations = new LinkedHashMap<>();
        Set<Path> inputs = new HashSet<>();
        for (ManifestFile file : files) {
            Path path = file.file().toAbsolutePath().normalize();
            if (Kustomization.isKustomizationName(path.getFileName().toString())) {
                Kustomization kustomization = Kustomization.read(confined, path);
                kustomizations.put(path, kustomization);
                kustomization.inputs().forEach(input -> inputs.add(path.getParent().resolve(input).normalize()));
            }
        }
        List<ManifestFile> manifests = new ArrayList<>();
        for (ManifestFile file : files) {
            Path path = file.file().toAbsolutePath().normalize();
            Optional<Path> chart = chartRoot(workspace, path.getParent(), chartOf);
            if (chart.isPresent()) {
                charts.computeIfAbsent(chart.get(), c -> new ArrayList<>()).add(file);
            } else if (!kustomizations.containsKey(path) && !inputs.contains(path) && !covered.contains(path)) {
                manifests.add(file);
            }
        }
        Set<Path> readAsTheyAre = new HashSet<>();
        manifests.forEach(file -> readAsTheyAre.add(file.file().toAbsolutePath().normalize()));
        List<Item> items = new ArrayList<>();
        List<Unrendered> hiding = new ArrayList<>();
        for (Map.Entry<Path, Kustomization> entry : kustomizations.entrySet()) {
            if (!covered.contains(entry.getKey())) {
                Kustomization kustomization = entry.getValue();
                Item item = unrendered(workspace, kustomization);
                items.add(item);
                if (hidesObjects(kustomization, readAsTheyAre)) {
                    hiding.add(new Unrendered(item.location(), kustomization.component() ? "Kustomize component"
                            : "kustomization", relativeFolder(workspace, entry.getKey().getParent()),
                            kustomization.component() ? "a component is rendered through a kustomization that uses"
                                    + " it, and kubernetes.render names none that does"
                                    : "kubernetes.render does not name it"));
                }
            }
        }
        for (Map.Entry<Path, List<ManifestFile>> chart : charts.entrySet()) {
            if (!rendered.contains(chart.getKey())) {
                Item item = unrenderedChart(workspace, chart.getKey(), chart.getValue().size());
                items.add(item);
                if (!rendersNothing(confined, chart.getKey())) {
                    hiding.add(new Unrendered(item.location(), "Helm chart", relativeFolder(workspace, chart.getKey()),
                            "kubernetes.render does not name it"));
                }
            }
        }
        return new SourceFiles(manifests, items, hiding);
    }

    /**
     * Whether what an unrendered kustomization builds differs from the files read as they are: it builds something,
     * and changes it (a prefix, labels, a namespace, a patch, a generator), or builds from a folder, a remote base or
     * a file the set does not read. One that only lists files the set reads hides nothing.
     */
    private static boolean hidesObjects(Kustomization kustomization, Set<Path> readAsTheyAre) {
        if (!kustomization.builds()) {
            return false;
        }
        Path folder = kustomization.file().getParent();
        return kustomization.transforms() || !kustomization.remote().isEmpty() || !kustomization.resources().stream()
                .allMatch(resource -> readAsTheyAre.contains(folder.resolve(resource).normalize()));
    }

    /**
     * Whether a chart renders no object: a library chart, or one with neither a template (a file below
     * {@code templates/} other than {@code NOTES.txt} and the {@code _}-named partials) nor a subchart. A
     * {@code Chart.yaml} that cannot be read, or a folder that cannot be listed, counts as rendering something.
     */
    private static boolean rendersNothing(ConfinedFiles files, Path chart) {
        JSONObject json;
        try {
            YamlDocument document = new SafeYamlLoader(YamlLimits.MANIFEST).loadSingle(files,
                    chart.resolve("Chart.yaml"), "Chart.yaml");
            if (!(document.json() instanceof JSONObject object)) {
                return false;
            }
            json = object;
        } catch (YamlInputException | RuntimeException e) {
            return false;
        }
        if ("library".equals(json.optString("type"))) {
            return true;
        }
        if (json.optJSONArray("dependencies") != null && !json.getJSONArray("dependencies").isEmpty()) {
            return false;
        }
        try {
            return !holdsAny(chart.resolve("charts"), path -> true) && !holdsAny(chart.resolve("templates"),
                    path -> !path.getFileName().toString().startsWith("_")
                            && !path.getFileName().toString().equals("NOTES.txt"));
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    /** Whether {@code folder} holds, at any depth, a regular file that {@code accept} takes; stops at the first. */
    private static boolean holdsAny(Path folder, Predicate<Path> accept) throws IOException {
        if (Files.isSymbolicLink(folder)) {
            return true; // not followed here: counted as holding what Helm might find there
        }
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (Stream<Path> paths = Files.find(folder, MAX_DEPTH, (path, attributes) -> attributes.isRegularFile()
                && accept.test(path))) {
            return paths.findAny().isPresent();
        }
    }

    /** Adds the kustomization in {@code folder} and every local file it builds from, through its bases. */
    private static void cover(ConfinedFiles files, Path folder, Set<Path> covered, Set<Path> visited, int depth) {
        if (depth > MAX_DEPTH || !visited.add(folder)) {
            return;
        }
        for (String name : Kustomization.FILE_NAMES) {
            Path file = folder.resolve(name);
            if (!Files.isRegularFile(file)) {
                continue;
            }
            covered.add(file);
            Kustomization kustomization = Kustomization.read(files, file);
            kustomization.inputs().forEach(input -> covered.add(folder.resolve(input).normalize()));
            for (String resource : kustomization.resources()) {
                Path path = folder.resolve(resource).normalize();
                if (Files.isDirectory(path)) {
                    cover(files, path, covered, visited, depth + 1);
                } else {
                    covered.add(path);
                }
            }
            return;
        }
    }

    /** The outermost folder at or above {@code folder}, inside the repository, that holds {@code Chart.yaml}. */
    private static Optional<Path> chartRoot(Workspace workspace, Path folder, Map<Path, Optional<Path>> cache) {
        if (folder == null || !folder.startsWith(workspace.repositoryRoot())) {
            return Optional.empty();
        }
        Optional<Path> known = cache.get(folder);
        if (known != null) {
            return known;
        }
        Optional<Path> above = chartRoot(workspace, folder.getParent(), cache);
        Optional<Path> root = above.isPresent() ? above
                : Files.isRegularFile(folder.resolve("Chart.yaml")) ? Optional.of(folder) : Optional.empty();
        cache.put(folder, root);
        return root;
    }

    private static Item unrendered(Workspace workspace, Kustomization kustomization) {
        String file = workspace.displayPath(kustomization.file());
        String folder = relativeFolder(workspace, kustomization.file().getParent());
        String what = kustomization.component() ? "a Kustomize component" : "a Kustomize kustomization";
        int inputs = kustomization.inputs().size();
        return item(file, file + " is " + what + (inputs == 0 ? "" : ", with " + inputs
                + (inputs == 1 ? " patch or configuration file" : " patch and configuration files"))
                + ": not checked as Kubernetes objects",
                kustomization.component()
                        ? "a component is checked as part of a kustomization that uses it: render that one with "
                                + "'- kustomize: <its folder>' under kubernetes.render"
                        : "to check what it builds, add '- kustomize: " + folder + "' under kubernetes.render, or "
                                + "leave it out of kubernetes.manifests (kubernetes.exclude)");
    }

    private static Item unrenderedChart(Workspace workspace, Path chart, int files) {
        String folder = relativeFolder(workspace, chart);
        return item(workspace.displayPath(chart.resolve("Chart.yaml")), folder + " is a Helm chart (" + files
                + (files == 1 ? " file" : " files") + " left unread): its templates are not Kubernetes objects until "
                + "rendered",
                "to check what it renders, add '- helm: " + folder + "' (with releaseName and values) under "
                        + "kubernetes.render, or leave it out of kubernetes.manifests (kubernetes.exclude)");
    }

    private static Item item(String path, String message, String remediation) {
        return Item.builder(ManifestRenderer.ID, ManifestRenderer.TITLE)
                .status(Status.SKIP)
                .severity(Severity.INFO)
                .message(message)
                .location(Location.of(path))
                .remediation(remediation)
                .key(path)
                .build();
    }

    /** A folder as the checklist writes it: relative to the application directory. */
    private static String relativeFolder(Workspace workspace, Path folder) {
        String relative = workspace.applicationDir().relativize(folder).toString().replace('\\', '/');
        return relative.isEmpty() ? "." : relative;
    }
}
