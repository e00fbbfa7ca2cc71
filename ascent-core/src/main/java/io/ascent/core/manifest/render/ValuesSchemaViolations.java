package io.ascent.core.manifest.render;

import io.ascent.core.report.Location;
import io.ascent.core.workspace.Workspace;
import io.ascent.core.yaml.SafeYamlLoader;
import io.ascent.core.yaml.YamlDocument;
import io.ascent.core.yaml.YamlInputException;
import io.ascent.core.yaml.YamlLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The values a chart's {@code values.schema.json} refused, found in the values files: Helm names each by a JSON
 * pointer into the merged values ({@code - at '/replicaCount': got string, want number}), not by the file that set
 * it. The value is looked up in the files Helm merged, last first (the chart's {@code values.yaml}, then each
 * {@code -f} file in order, a later one overriding), so the finding is at the line a person changes. A misspelt key
 * ({@code additional properties 'replicaCont' not allowed}) is found at the key itself.
 *
 * <p>Only the top chart's values are looked up: a subchart's come from the parent's values under the subchart's
 * name and from its own {@code values.yaml}, which Helm's message does not tell apart.
 */
final class ValuesSchemaViolations {
    /** How many refused values the remedy lists; Helm's message, bounded, has the rest. */
    static final int MAX_LISTED = 5;
    private static final String HEADER = "values don't meet the specifications of the schema";
    private static final String ADDITIONAL = "additional properties '";

    private ValuesSchemaViolations() {
    }

    /** One refused value: its pointer's tokens, and Helm's reason; {@code key}: the last token is a key not allowed. */
    private record Violation(List<String> tokens, String reason, boolean key) {
        /** The value as a person writes its name: {@code webhook.timeoutSeconds}, {@code args[0]}. */
        String name() {
            StringBuilder name = new StringBuilder();
            for (String token : tokens) {
                if (!token.isEmpty() && token.chars().allMatch(Character::isDigit)) {
                    name.append('[').append(token).append(']');
                } else {
                    name.append(name.isEmpty() ? "" : ".").append(token);
                }
            }
            return name.toString();
        }
    }

    /**
     * @param valuesFiles the {@code -f} files in the order Helm merges them
     */
    static Optional<RenderTool.FailedAt> find(Workspace workspace, Path chart, List<Path> valuesFiles,
            String message) {
        if (!message.contains(HEADER)) {
            return Optional.empty();
        }
        List<YamlDocument> merged = new ArrayList<>(); // last first: the first that sets a value is the one used
        for (int i = valuesFiles.size() - 1; i >= 0; i--) {
            read(workspace, valuesFiles.get(i)).ifPresent(merged::add);
        }
        read(workspace, chart.resolve("values.yaml")).ifPresent(merged::add);
        String chartName = read(workspace, chart.resolve("Chart.yaml"))
                .map(document -> YamlDocument.member(document.root(), "name"))
                .map(node -> node instanceof ScalarNode scalar ? scalar.getValue() : null)
                .orElse(null);
        record Located(Location location, String text) {
        }
        List<Located> located = new ArrayList<>();
        for (Violation violation : violations(message, chartName)) {
            for (YamlDocument document : merged) {
                Optional<Node> node = at(document.root(), violation.tokens(), violation.key());
                if (node.isPresent()) {
                    Location location = document.locationOf(node.get());
                    located.add(new Located(location, violation.name() + " at " + location + " ("
                            + violation.reason() + ")"));
                    break;
                }
            }
        }
        if (located.isEmpty()) {
            return Optional.empty();
        }
        // Helm lists them in a different order from run to run: in file order, the report is the same each time
        located.sort(java.util.Comparator.comparing((Located l) -> l.location().path())
                .thenComparingInt(l -> l.location().line()).thenComparingInt(l -> l.location().column()));
        Location first = located.get(0).location();
        int found = located.size();
        List<String> listed = located.stream().limit(MAX_LISTED).map(Located::text).toList();
        String schema = workspace.displayPath(chart.resolve("values.schema.json"));
        return Optional.of(new RenderTool.FailedAt(first, "change the value" + (found == 1 ? "" : "s") + " that "
                + schema + " refuses: " + String.join("; ", listed)
                + (found > MAX_LISTED ? "; and " + (found - MAX_LISTED) + " more" : "")));
    }

    /**
     * The refused values of the top chart in Helm's message: its leaves ({@code - at '/a/b': reason}); the
     * {@code validation failed} lines above them only group them.
     */
    private static List<Violation> violations(String message, String chartName) {
        List<Violation> violations = new ArrayList<>();
        String chart = null;
        for (String line : message.split("\n")) {
            if (!line.isEmpty() && !Character.isWhitespace(line.charAt(0)) && !line.startsWith("-")
                    && line.endsWith(":") && line.indexOf(' ') < 0) {
                chart = line.substring(0, line.length() - 1);
                continue;
            }
            String leaf = line.strip();
            int end = leaf.indexOf("': ");
            if (chart == null || !chart.equals(chartName) || !leaf.startsWith("- at '/") || end < 0) {
                continue;
            }
            String reason = leaf.substring(end + 3);
            if (reason.equals("validation failed")) {
                continue;
            }
            List<String> tokens = new ArrayList<>();
            for (String token : leaf.substring("- at '/".length(), end).split("/", -1)) {
                tokens.add(token.replace("~1", "/").replace("~0", "~"));
            }
            int named = reason.indexOf(ADDITIONAL);
            boolean key = named >= 0 && reason.indexOf('\'', named + ADDITIONAL.length()) > 0;
            if (key) {
                // the misspelt key itself, which the mapping at the pointer holds
                tokens.add(reason.substring(named + ADDITIONAL.length(),
                        reason.indexOf('\'', named + ADDITIONAL.length())));
            }
            violations.add(new Violation(List.copyOf(tokens), reason, key));
        }
        return violations;
    }

    private static Optional<YamlDocument> read(Workspace workspace, Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new SafeYamlLoader(YamlLimits.MANIFEST).loadSingle(
                    workspace.files(YamlLimits.MANIFEST.maxBytes()), file, workspace.displayPath(file)));
        } catch (YamlInputException | RuntimeException unreadable) {
            return Optional.empty(); // Helm read it, Ascent cannot: the checklist's entry is named instead
        }
    }

    /**
     * The node at exactly {@code tokens} (the key node of the last token when {@code key}), or empty when the
     * document does not set it.
     */
    private static Optional<Node> at(Node root, List<String> tokens, boolean key) {
        Node current = root;
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            if (current instanceof SequenceNode sequence) {
                if (token.isEmpty() || token.length() > 9 || !token.chars().allMatch(Character::isDigit)
                        || Integer.parseInt(token) >= sequence.getValue().size()) {
                    return Optional.empty();
                }
                current = sequence.getValue().get(Integer.parseInt(token));
            } else if (key && i == tokens.size() - 1 && current instanceof MappingNode mapping) {
                return mapping.getValue().stream().map(NodeTuple::getKeyNode)
                        .filter(node -> node instanceof ScalarNode scalar && scalar.getValue().equals(token))
                        .findFirst();
            } else {
                current = YamlDocument.member(current, token);
            }
            if (current == null) {
                return Optional.empty();
            }
        }
        return Optional.of(current);
    }
}
