package io.ascent.core.provision.kind;

import io.ascent.core.provision.ProvisionException;
import io.ascent.core.workspace.ConfinedFiles;
import io.ascent.core.yaml.SafeYamlLoader;
import io.ascent.core.yaml.YamlDocument;
import io.ascent.core.yaml.YamlInputException;
import io.ascent.core.yaml.YamlLimits;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The {@code kind.x-k8s.io/v1alpha4} Cluster configuration Ascent hands to {@code kind create cluster}: the
 * checklist's kind configuration (nodes, networking, kubeadm patches, feature gates) with every node's image set
 * to the pinned node image, and without a {@code name} (the run's name is passed with {@code --name}).
 */
public final class KindConfig {

    static final String API_VERSION = "kind.x-k8s.io/v1alpha4";

    private KindConfig() {
    }

    /**
     * Renders the configuration.
     *
     * @param checklistConfig the checklist's kind configuration file, already resolved inside the repository
     * @param displayPath     how reports name that file
     * @param image           the node image, pinned by digest
     * @throws ProvisionException (input) when the file is not a kind v1alpha4 Cluster, at its file:line:col
     */
    public static String render(Optional<Path> checklistConfig, String displayPath, String image)
            throws ProvisionException {
        // kind and apiVersion first, as people write them (the parsed file keeps no order)
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("kind", "Cluster");
        config.put("apiVersion", API_VERSION);
        if (checklistConfig.isPresent()) {
            config.putAll(load(checklistConfig.get(), displayPath));
        }
        config.remove("name");
        List<Object> nodes = new ArrayList<>();
        Object declared = config.get("nodes");
        if (declared instanceof List<?> list && !list.isEmpty()) {
            for (Object node : list) {
                Map<String, Object> copy = new LinkedHashMap<>(asMap(node));
                copy.put("image", image);
                nodes.add(copy);
            }
        } else {
            Map<String, Object> controlPlane = new LinkedHashMap<>();
            controlPlane.put("role", "control-plane");
            controlPlane.put("image", image);
            nodes.add(controlPlane);
        }
        config.put("nodes", nodes);
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        return "# Written by Ascent for kind create cluster; from " + checklistConfig.map(p -> displayPath)
                .orElse("kind's defaults") + " with the node image pinned.\n" + new Yaml(options).dump(config);
    }

    /**
     * Reads the checklist's kind configuration as {@link #render} would and refuses what kind would refuse after the
     * run has begun; nothing when the checklist names none.
     *
     * @throws ProvisionException (input) at the file:line:col of the problem
     */
    public static void check(Optional<Path> checklistConfig, String displayPath) throws ProvisionException {
        if (checklistConfig.isPresent()) {
            load(checklistConfig.get(), displayPath);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object node) {
        return node instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static Map<String, Object> load(Path file, String displayPath) throws ProvisionException {
        YamlDocument document;
        try {
            // Confined to the file's own folder: a link from there to anywhere else (~/.kube/config) is refused.
            Path absolute = file.toAbsolutePath().normalize();
            document = new SafeYamlLoader(YamlLimits.CHECKLIST).loadSingle(
                    ConfinedFiles.under(absolute.getParent(), YamlLimits.CHECKLIST.maxBytes()), absolute, displayPath);
        } catch (YamlInputException e) {
            throw new ProvisionException(ProvisionException.Kind.INPUT, e.describe(),
                    "fix the kind configuration named by provision.cluster.config");
        }
        Object json = document.json() instanceof org.json.JSONObject object ? object.toMap() : document.json();
        if (!(json instanceof Map<?, ?> map) || !"Cluster".equals(map.get("kind"))
                || !API_VERSION.equals(map.get("apiVersion"))) {
            throw new ProvisionException(ProvisionException.Kind.INPUT, document.start() + ": not a kind "
                    + "configuration: expected kind: Cluster and apiVersion: " + API_VERSION,
                    "see https://kind.sigs.k8s.io/docs/user/configuration/");
        }
        Object nodes = map.get("nodes");
        if (nodes != null && !(nodes instanceof List<?> list && list.stream().allMatch(n -> n instanceof Map))) {
            throw new ProvisionException(ProvisionException.Kind.INPUT, document.start() + ": 'nodes' must be a "
                    + "list of nodes", "see https://kind.sigs.k8s.io/docs/user/configuration/#nodes");
        }
        if (nodes instanceof List<?> list && !list.isEmpty()
                && list.stream().noneMatch(n -> "control-plane".equals(asMap(n).getOrDefault("role", "control-plane")))) {
            // kind refuses it ("must have at least one control-plane node") only after the run has begun.
            throw new ProvisionException(ProvisionException.Kind.INPUT, document.locationOf(
                    document.nodeAt(List.of("nodes"))) + ": the kind configuration has no control-plane node; kind "
                    + "needs at least one", "add a node with role: control-plane (a node without a role is one)");
        }
        return asMap(map);
    }
}
