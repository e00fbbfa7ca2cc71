package io.ascent.core.manifest.render;

import io.ascent.core.manifest.Resource;
import io.ascent.core.report.Location;
import io.ascent.core.workspace.ConfinedFiles;
import io.ascent.core.yaml.SafeYamlLoader;
import io.ascent.core.yaml.ScalarRules;
import io.ascent.core.yaml.YamlDocument;
import io.ascent.core.yaml.YamlInputException;
import io.ascent.core.yaml.YamlLimits;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.json.JSONObject;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Finds, in a plain YAML source file, the line of a node of a rendered object: the object Kustomize started from
 * (same kind, a name that the rendered name contains, since a prefix or suffix may have been added) and, in it, the
 * node at the same path, or the deepest one that exists when a patch added the rest. Source files are read once,
 * through the repository's confined files, with kubectl's scalar rules. A node that a patch added has no line in the
 * source: the finding then names the file only (the rendered line is in its message).
 */
final class SourceLines implements SourceLocator {
    private final ConfinedFiles files;
    private final RenderedOutput output;
    private final SafeYamlLoader yaml = new SafeYamlLoader(YamlLimits.MANIFEST, ScalarRules.KUBECTL);
    private final Map<Path, List<YamlDocument>> read = new HashMap<>();
    /** The rendered documents read back for findings, by their first line in the output. */
    private final Map<Integer, Optional<YamlDocument>> rendered = new HashMap<>();

    /**
     * @param files  reads the source files
     * @param output the rendered output, whose documents with findings are read back from it
     */
    SourceLines(ConfinedFiles files, RenderedOutput output) {
        this.files = files;
        this.output = output;
    }

    @Override
    public Optional<Location> find(List<String> pointer, int line, int column, Path source, String displayPath) {
        Optional<RenderedOutput.Document> around = output.documentAround(line);
        if (around.isEmpty()) {
            return Optional.empty();
        }
        int firstLine = around.get().firstLine();
        Optional<YamlDocument> readBack = rendered.computeIfAbsent(firstLine, first -> {
            try {
                List<YamlDocument> documents = yaml.parse(around.get().text(), "rendered");
                return documents.size() == 1 ? Optional.of(documents.get(0)) : Optional.empty();
            } catch (YamlInputException | RuntimeException unreadable) {
                return Optional.empty();
            }
        });
        if (readBack.isEmpty()) {
            return Optional.empty();
        }
        Resource renderedObject = new Resource(readBack.get(), pointer);
        if (renderedObject.json() == null) {
            return Optional.empty();
        }
        Node start = readBack.get().nodeAt(pointer);
        List<String> tokens = new ArrayList<>();
        // The document was read back alone: its lines count from its first line in the output.
        Boolean key = pathTo(start, line - firstLine, column - 1, tokens);
        if (key == null) {
            return Optional.empty();
        }
        Optional<YamlDocument> origin = sourceOf(renderedObject, source);
        if (origin.isEmpty()) {
            return Optional.empty();
        }
        YamlDocument document = origin.get();
        Node node;
        if (tokens.isEmpty()) {
            node = document.root();
        } else if (key) {
            node = document.keyAt(tokens.subList(0, tokens.size() - 1), tokens.get(tokens.size() - 1));
            if (!(node instanceof ScalarNode)) {
                return Optional.empty(); // a patch added the key: the base file has no line for it
            }
        } else {
            node = document.nodeAt(tokens);
            if (node == document.nodeAt(tokens.subList(0, tokens.size() - 1))) {
                return Optional.empty(); // a patch added the node: the base file has no line for it
            }
        }
        Location at = document.locationOf(node);
        return Optional.of(new Location(displayPath, at.line(), at.column()));
    }

    /** The document of {@code source} holding the object {@code rendered} was built from. */
    private Optional<YamlDocument> sourceOf(Resource rendered, Path source) {
        List<YamlDocument> documents = read.computeIfAbsent(source, file -> {
            try {
                return yaml.loadAll(files, file, file.toString());
            } catch (YamlInputException | RuntimeException unreadable) {
                return List.of(); // a generated object (configuredIn a kustomization) or a file Kustomize read itself
            }
        });
        String kind = rendered.kind();
        String name = rendered.name();
        YamlDocument best = null;
        int bestLength = -1;
        for (YamlDocument document : documents) {
            if (document.json() instanceof JSONObject object && kind != null && kind.equals(object.opt("kind"))) {
                JSONObject metadata = object.optJSONObject("metadata");
                String candidate = metadata == null ? null : metadata.optString("name", null);
                if (candidate != null && name != null && name.contains(candidate) && candidate.length() > bestLength) {
                    best = document;
                    bestLength = candidate.length();
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Fills {@code tokens} with the path from {@code node} to the node starting at {@code line}:{@code column}
     * (0-based); answers whether that node is a mapping key, or {@code null} when no node starts there.
     */
    private static Boolean pathTo(Node node, int line, int column, List<String> tokens) {
        if (node.getStartMark().getLine() == line && node.getStartMark().getColumn() == column) {
            return false;
        }
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
                    continue;
                }
                tokens.add(keyNode.getValue());
                if (keyNode.getStartMark().getLine() == line && keyNode.getStartMark().getColumn() == column) {
                    return true;
                }
                Boolean found = contains(tuple.getValueNode(), line) ? pathTo(tuple.getValueNode(), line, column,
                        tokens) : null;
                if (found != null) {
                    return found;
                }
                tokens.remove(tokens.size() - 1);
            }
        } else if (node instanceof SequenceNode sequence) {
            List<Node> entries = sequence.getValue();
            for (int i = 0; i < entries.size(); i++) {
                if (!contains(entries.get(i), line)) {
                    continue;
                }
                tokens.add(String.valueOf(i));
                Boolean found = pathTo(entries.get(i), line, column, tokens);
                if (found != null) {
                    return found;
                }
                tokens.remove(tokens.size() - 1);
            }
        }
        return null;
    }

    /**
     * Whether the node may hold {@code line}: it starts on or before it. End marks are not read, because the block
     * composer that reads manifests ({@code yaml.BlockYamlComposer}) sets them to the start; the exact start match in
     * {@link #pathTo} decides.
     */
    private static boolean contains(Node node, int line) {
        return node.getStartMark().getLine() <= line;
    }
}
