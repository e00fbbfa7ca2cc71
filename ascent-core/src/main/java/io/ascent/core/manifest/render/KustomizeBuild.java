package io.ascent.core.manifest.render;

import io.ascent.core.manifest.Resource;
import io.ascent.core.workspace.Workspace;
import io.ascent.core.yaml.YamlLimits;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.json.JSONObject;

/**
 * {@code kustomize build}, or {@code kubectl kustomize} (which embeds Kustomize) when kustomize is not on PATH.
 *
 * <p>The kustomization is built through a wrapper kustomization in the work folder that names it as its only
 * resource and asks for origin annotations ({@code buildMetadata: [originAnnotations]}): each object then carries
 * {@code config.kubernetes.io/origin} with the file it came from, without touching the user's kustomization.
 */
final class KustomizeBuild implements RenderTool {
    static final String ORIGIN_ANNOTATION = "config.kubernetes.io/origin";
    private static final int MAX_DEPTH = 32;
    /** The file kustomize's load restrictor refused, as the kustomization writes it. */
    private static final Pattern OUTSIDE_ROOT = Pattern.compile("from '([^']+)': security; file");

    @Override
    public String renderedPath(String folder) {
        return folder + " (kustomize build)";
    }

    @Override
    public String reproduce(String folder) {
        return "kustomize build " + folder;
    }

    /**
     * Kustomize clones remote bases and downloads URLs, and follows a base folder anywhere on disk: both are refused
     * before it runs. Walks the kustomizations as Kustomize would, through local bases.
     */
    @Override
    public Optional<String> refuse(Workspace workspace, Path root) {
        List<String> problems = new ArrayList<>();
        walk(workspace, root, new HashSet<>(), problems, 0);
        return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
    }

    private static void walk(Workspace workspace, Path folder, Set<Path> visited, List<String> problems, int depth) {
        if (depth > MAX_DEPTH || !visited.add(folder) || problems.size() >= 5) {
            return;
        }
        for (String name : Kustomization.FILE_NAMES) {
            Path file = folder.resolve(name);
            if (!Files.isRegularFile(file)) {
                continue;
            }
            Kustomization kustomization = Kustomization.read(workspace.files(YamlLimits.MANIFEST.maxBytes()), file);
            String shown = workspace.displayPath(file);
            for (String remote : kustomization.remote()) {
                problems.add(shown + " names '" + remote + "', which Kustomize would fetch over the network");
            }
            List<String> local = new ArrayList<>(kustomization.resources());
            local.addAll(kustomization.inputs());
            for (String written : local) {
                Path path = folder.resolve(written).normalize();
                String relative = workspace.applicationDir().relativize(path).toString().replace('\\', '/');
                if (written.startsWith("/") || workspace.resolveInside(relative).isEmpty()) {
                    problems.add(shown + " names '" + written + "', which is outside the repository");
                } else if (Files.isDirectory(path)) {
                    walk(workspace, path, visited, problems, depth + 1);
                }
            }
            return;
        }
    }

    @Override
    public void prepare(Path work, Path root) throws IOException {
        String target = work.relativize(root).toString().replace('\\', '/');
        Files.writeString(work.resolve("kustomization.yaml"), """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources:
                - %s
                buildMetadata: [originAnnotations]
                """.formatted(JSONObject.quote(target)),
                StandardCharsets.UTF_8);
    }

    @Override
    public List<List<String>> commands(Path work, Path root) {
        return List.of(List.of("kustomize", "build", work.toString()),
                List.of("kubectl", "kustomize", work.toString()));
    }

    @Override
    public Map<String, String> environment(Path work) {
        return Map.of("HOME", work.toString(), "XDG_CONFIG_HOME", work.resolve("config").toString());
    }

    @Override
    public String installHint() {
        return "install kustomize (https://kubectl.docs.kubernetes.io/installation/kustomize/) or kubectl, which "
                + "embeds it, and put it on PATH";
    }

    @Override
    public Optional<String> failureHint(String message) {
        if (message.contains("must be a resource") || message.contains("kind: Component")) {
            return Optional.of("a Kustomize component is not built on its own: render a kustomization that "
                    + "lists it under components");
        }
        if (message.contains("is not in or below")) {
            // kubernetes-sigs/cluster-api's e2e flavors name '../bases/cluster-with-kcp.yaml' and are built with
            // --load-restrictor LoadRestrictionsNone; running the default build again says the same.
            Matcher file = OUTSIDE_ROOT.matcher(message);
            return Optional.of("the kustomization names " + (file.find() ? "'" + file.group(1) + "', a file" : "a file")
                    + " outside its own folder, which kustomize builds only with --load-restrictor"
                    + " LoadRestrictionsNone; Ascent renders with kustomize's default restriction: make the shared"
                    + " files a kustomization of their own and list its folder under resources, or check the built"
                    + " output under kubernetes.manifests");
        }
        return Optional.empty();
    }

    @Override
    public boolean plainSources() {
        return true;
    }

    @Override
    public Function<Resource, Path> sources(BufferedReader output, Path work, Path root) {
        return resource -> sourceOf(resource, work);
    }

    private static Path sourceOf(Resource resource, Path work) {
        JSONObject metadata = resource.json().optJSONObject("metadata");
        JSONObject annotations = metadata == null ? null : metadata.optJSONObject("annotations");
        String origin = annotations == null ? null : annotations.optString(ORIGIN_ANNOTATION, null);
        if (origin == null || origin.contains("\nrepo:") || origin.startsWith("repo:")) {
            return null; // a remote base is refused before the build; nothing local to point at
        }
        for (String line : origin.split("\n")) {
            String trimmed = line.strip();
            for (String key : List.of("path: ", "configuredIn: ")) {
                if (trimmed.startsWith(key)) {
                    String path = trimmed.substring(key.length()).strip();
                    if (path.length() > 1 && path.startsWith("\"") && path.endsWith("\"")) {
                        path = path.substring(1, path.length() - 1);
                    }
                    return work.resolve(path).normalize();
                }
            }
        }
        return null;
    }
}
