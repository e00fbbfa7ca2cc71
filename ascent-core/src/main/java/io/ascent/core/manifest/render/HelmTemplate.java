package io.ascent.core.manifest.render;

import io.ascent.core.manifest.Resource;
import io.ascent.core.manifest.api.KubernetesVersion;
import io.ascent.core.workspace.Workspace;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * {@code helm template RELEASE CHART [--namespace NS] [-f VALUES]... --include-crds [--kube-version X.Y.0]}.
 *
 * <p>Never {@code --dependency-update}: a chart whose dependencies are not in its {@code charts/} folder fails
 * with Helm's message and the advice to run {@code helm dependency build} before Ascent. Helm's cache, config and
 * data folders point into the work folder, so it reads no repository list of the machine and writes nowhere else.
 * Each object's source is the {@code # Source: CHART/templates/FILE} line Helm writes above it.
 */
final class HelmTemplate implements RenderTool {
    private static final String SOURCE_PREFIX = "# Source: ";

    private final String release;
    private final Optional<String> namespace;
    private final List<Path> values;
    private final List<String> writtenValues;
    private final KubernetesVersion target;

    /**
     * @param values        values files, already resolved inside the repository
     * @param writtenValues the same files as the checklist writes them, for the command shown to people
     * @param target        the target Kubernetes version ({@code .Capabilities.KubeVersion}), or {@code null}
     */
    HelmTemplate(String release, Optional<String> namespace, List<Path> values, List<String> writtenValues,
            KubernetesVersion target) {
        this.release = release;
        this.namespace = namespace;
        this.values = List.copyOf(values);
        this.writtenValues = List.copyOf(writtenValues);
        this.target = target;
    }

    @Override
    public String releaseNamespace() {
        return namespace.orElse("default");
    }

    @Override
    public String renderedPath(String folder) {
        // Unique per render: one chart rendered with two releases or values files is two outputs, and each item is
        // mapped back through its own output (RenderOrigins matches items by this name).
        StringBuilder name = new StringBuilder(folder).append(" (helm template ").append(release);
        namespace.ifPresent(ns -> name.append(" --namespace ").append(ns));
        writtenValues.forEach(file -> name.append(" -f ").append(file));
        return name.append(')').toString();
    }

    @Override
    public String reproduce(String folder) {
        return String.join(" ", arguments(folder, writtenValues));
    }

    @Override
    public Optional<String> refuse(Workspace workspace, Path root) {
        return Optional.empty(); // a local chart folder: helm template reads only it and the values files
    }

    @Override
    public void prepare(Path work, Path root) {
        // nothing to write: the environment points Helm's folders into the work folder
    }

    @Override
    public List<List<String>> commands(Path work, Path root) {
        return List.of(arguments(root.toString(), values.stream().map(Path::toString).toList()));
    }

    private List<String> arguments(String chart, List<String> valuesFiles) {
        List<String> argv = new ArrayList<>(List.of("helm", "template", release, chart));
        namespace.ifPresent(ns -> argv.addAll(List.of("--namespace", ns)));
        valuesFiles.forEach(file -> argv.addAll(List.of("-f", file)));
        argv.add("--include-crds");
        if (target != null) {
            argv.addAll(List.of("--kube-version", target + ".0"));
        }
        return argv;
    }

    @Override
    public Map<String, String> environment(Path work) {
        return Map.of("HELM_CACHE_HOME", work.resolve("cache").toString(),
                "HELM_CONFIG_HOME", work.resolve("config").toString(),
                "HELM_DATA_HOME", work.resolve("data").toString(),
                "KUBECONFIG", work.resolve("no-kubeconfig").toString());
    }

    @Override
    public String installHint() {
        return "install Helm 3 (https://helm.sh/docs/intro/install/) and put helm on PATH";
    }

    @Override
    public Optional<String> failureHint(String message) {
        if (message.contains("dependencies") || message.contains("charts/ directory")) {
            return Optional.of("run 'helm dependency build' for the chart before Ascent (or commit its charts/ "
                    + "folder): Ascent never fetches chart dependencies");
        }
        return Optional.empty();
    }

    /** A value the chart's values.schema.json refuses, at the line of the values file that sets it. */
    @Override
    public Optional<FailedAt> failedAt(Workspace workspace, Path root, String message) {
        return ValuesSchemaViolations.find(workspace, root, values, message);
    }

    /** The nearest {@code # Source:} line above each object; its first segment is the chart's name. */
    @Override
    public boolean plainSources() {
        return false;
    }

    @Override
    public Function<Resource, Path> sources(BufferedReader output, Path work, Path root) throws IOException {
        NavigableMap<Integer, String> marks = new TreeMap<>(); // line -> source, "" after a separator
        int number = 0;
        for (String line = output.readLine(); line != null; line = output.readLine()) {
            number++;
            if (line.startsWith(SOURCE_PREFIX)) {
                marks.put(number, line.substring(SOURCE_PREFIX.length()).strip());
            } else if (line.startsWith("---")) {
                marks.put(number, ""); // a document without its own Source line has none
            }
        }
        return resource -> {
            Map.Entry<Integer, String> mark = marks.floorEntry(resource.location().line());
            String source = mark == null ? "" : mark.getValue();
            int slash = source.indexOf('/');
            return slash < 0 ? null : root.resolve(source.substring(slash + 1)).normalize();
        };
    }
}
