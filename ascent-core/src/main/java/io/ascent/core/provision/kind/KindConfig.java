package io.ascent.core.provision.kind;

import io.ascent.core.provision.KindConfigFile;
import io.ascent.core.provision.ProvisionException;
import io.ascent.core.report.Item;
import io.ascent.core.report.Status;
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
 * to the pinned node image, without a {@code name} (the run's name is passed with {@code --name}), and held to the
 * host policy: host paths inside the repository and written absolute ({@link HostMounts}), published ports on
 * loopback ({@link HostPorts}).
 */
public final class KindConfig {

    static final String API_VERSION = "kind.x-k8s.io/v1alpha4";

    /**
     * The configuration as Ascent writes it.
     *
     * @param yaml     the file's text
     * @param rewrites what Ascent changed beyond the node image, each at the line of the repository's file
     */
    public record Rendered(String yaml, List<String> rewrites) {
        public Rendered {
            rewrites = List.copyOf(rewrites);
        }
    }

    private KindConfig() {
    }

    /**
     * Renders the configuration.
     *
     * @param checklistConfig the checklist's kind configuration, if it names one
     * @param image           the node image, pinned by digest
     * @throws ProvisionException (input) when the file is not a kind v1alpha4 Cluster or the host policy refuses
     *                            it, at its file:line:col
     */
    public static Rendered render(Optional<KindConfigFile> checklistConfig, String image) throws ProvisionException {
        // kind and apiVersion first, as people write them (the parsed file keeps no order)
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("kind", "Cluster");
        config.put("apiVersion", API_VERSION);
        List<String> rewrites = List.of();
        if (checklistConfig.isPresent()) {
            Reviewed reviewed = review(checklistConfig.get());
            Optional<Item> refusal = reviewed.review().items().stream()
                    .filter(item -> item.status() == Status.ERROR).findFirst();
            if (refusal.isPresent()) {
                throw new ProvisionException(ProvisionException.Kind.INPUT, refusal.get().optionalLocation()
                        .map(at -> at + ": ").orElse("") + refusal.get().message(),
                        refusal.get().optionalRemediation().orElse(null));
            }
            config.putAll(reviewed.config());
            rewrites = reviewed.review().rewrites();
        }
        config.remove("name");
        List<Object> nodes = new ArrayList<>();
        Object declared = config.get("nodes");
        if (declared instanceof List<?> list && !list.isEmpty()) {
            for (Object node : list) {
                Map<String, Object> copy = new LinkedHashMap<>(KindMaps.map(node));
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
        return new Rendered("# Written by Ascent for kind create cluster; from " + checklistConfig
                .map(KindConfigFile::displayPath).orElse("kind's defaults") + " with the node image pinned"
                + (rewrites.isEmpty() ? "" : " and the host policy applied") + ".\n" + new Yaml(options).dump(config),
                rewrites);
    }

    /**
     * Reads the checklist's kind configuration as {@link #render} would and judges what it reaches on the build
     * agent: refusals (ERROR, input) and warnings, each at its file:line:col; nothing when the checklist names no
     * configuration.
     *
     * @throws ProvisionException (input) at the file:line:col of a file that is no kind configuration, or that kind
     *                            would refuse after the run has begun
     */
    public static List<Item> check(Optional<KindConfigFile> checklistConfig) throws ProvisionException {
        return checklistConfig.isPresent() ? review(checklistConfig.get()).review().items() : List.of();
    }

    private record Reviewed(Map<String, Object> config, KindHostReview review) {
    }

    private record Loaded(YamlDocument document, Map<String, Object> config) {
    }

    private static Reviewed review(KindConfigFile file) throws ProvisionException {
        Loaded loaded = load(file.file(), file.displayPath());
        YamlDocument document = loaded.document();
        Map<String, Object> config = loaded.config();
        KindHostReview review = new KindHostReview(document);
        HostMounts.judge(config, file, review);
        HostPorts.judge(config, review);
        return new Reviewed(config, review);
    }

    private static Loaded load(Path file, String displayPath) throws ProvisionException {
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
        if (nodes instanceof List<?> list && !list.isEmpty() && list.stream()
                .noneMatch(n -> "control-plane".equals(KindMaps.map(n).getOrDefault("role", "control-plane")))) {
            // kind refuses it ("must have at least one control-plane node") only after the run has begun.
            throw new ProvisionException(ProvisionException.Kind.INPUT, document.locationOf(
                    document.nodeAt(List.of("nodes"))) + ": the kind configuration has no control-plane node; kind "
                    + "needs at least one", "add a node with role: control-plane (a node without a role is one)");
        }
        return new Loaded(document, KindMaps.map(map));
    }
}
