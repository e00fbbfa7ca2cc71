package io.ascent.core.provision.kind;

import io.ascent.core.provision.KindConfigFile;
import io.ascent.core.provision.ProvisionException;
import io.ascent.core.provision.ProvisionRule;
import io.ascent.core.report.ErrorKind;
import io.ascent.core.report.Item;
import io.ascent.core.report.Location;
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
import java.util.function.BooleanSupplier;
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
            Reviewed reviewed = reviewOrThrow(checklistConfig.get());
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
        return checklistConfig.isPresent() ? reviewOrThrow(checklistConfig.get()).review().items() : List.of();
    }

    /**
     * Judges the checklist's kind configuration for {@code ascent validate} (and so for the static validation
     * {@code provision} runs first): what {@link #check} returns, a PASS item when the host policy finds nothing,
     * and a file that is no kind configuration as an ERROR item at its file:line:col instead of an exception. A
     * file that is not YAML, or deeper or bigger than a kind configuration may be, gives no item when
     * {@code yamlReportedElsewhere} says the run reports that file as unreadable already (the manifest checks read
     * the kind configuration too): one problem, said once.
     *
     * @param yamlReportedElsewhere asked only when the file cannot be read as YAML
     */
    public static List<Item> judge(KindConfigFile file, BooleanSupplier yamlReportedElsewhere) {
        Reviewed reviewed;
        try {
            reviewed = review(file);
        } catch (Unusable e) {
            if (e.yaml && yamlReportedElsewhere.getAsBoolean()) {
                return List.of();
            }
            return List.of(ProvisionRule.KIND_HOST.item().error(ErrorKind.INPUT, e.getMessage())
                    .location(e.location).remediation(e.fix).build());
        }
        List<Item> items = reviewed.review().items();
        if (!items.isEmpty()) {
            return items;
        }
        // at the file itself, so the message does not name it again
        return List.of(ProvisionRule.KIND_HOST.item().status(Status.PASS).message("the kind configuration mounts host "
                + "paths from inside the repository" + (file.operatorMounts().isEmpty() ? ""
                : " or the folders the operator allowed") + " only, and publishes no port beyond loopback")
                .location(Location.of(file.displayPath())).build());
    }

    private record Reviewed(Map<String, Object> config, KindHostReview review) {
    }

    private record Loaded(YamlDocument document, Map<String, Object> config) {
    }

    /** A file that is no kind configuration to judge: where, why, and the fix; {@code yaml} when not even YAML. */
    private static final class Unusable extends Exception {
        private static final long serialVersionUID = 1L;
        private final Location location;
        private final String fix;
        private final boolean yaml;

        Unusable(Location location, String message, String fix, boolean yaml) {
            super(message, null, false, false);
            this.location = location;
            this.fix = fix;
            this.yaml = yaml;
        }
    }

    private static Reviewed reviewOrThrow(KindConfigFile file) throws ProvisionException {
        try {
            return review(file);
        } catch (Unusable e) {
            throw new ProvisionException(ProvisionException.Kind.INPUT, e.location + ": " + e.getMessage(), e.fix);
        }
    }

    private static Reviewed review(KindConfigFile file) throws Unusable {
        Loaded loaded = load(file.file(), file.displayPath());
        YamlDocument document = loaded.document();
        Map<String, Object> config = loaded.config();
        KindHostReview review = new KindHostReview(document);
        HostMounts.judge(config, file, review);
        HostPorts.judge(config, review);
        return new Reviewed(config, review);
    }

    private static Loaded load(Path file, String displayPath) throws Unusable {
        YamlDocument document;
        try {
            // Confined to the file's own folder: a link from there to anywhere else (~/.kube/config) is refused.
            Path absolute = file.toAbsolutePath().normalize();
            document = new SafeYamlLoader(YamlLimits.CHECKLIST).loadSingle(
                    ConfinedFiles.under(absolute.getParent(), YamlLimits.CHECKLIST.maxBytes()), absolute, displayPath);
        } catch (YamlInputException e) {
            throw new Unusable(e.location(), e.getMessage(),
                    "fix the kind configuration named by provision.cluster.config", true);
        }
        Object json = document.json() instanceof org.json.JSONObject object ? object.toMap() : document.json();
        if (!(json instanceof Map<?, ?> map) || !"Cluster".equals(map.get("kind"))
                || !API_VERSION.equals(map.get("apiVersion"))) {
            throw new Unusable(document.start(), "not a kind configuration: expected kind: Cluster and apiVersion: "
                    + API_VERSION, "see https://kind.sigs.k8s.io/docs/user/configuration/", false);
        }
        Object nodes = map.get("nodes");
        if (nodes != null && !(nodes instanceof List<?> list && list.stream().allMatch(n -> n instanceof Map))) {
            throw new Unusable(document.start(), "'nodes' must be a list of nodes",
                    "see https://kind.sigs.k8s.io/docs/user/configuration/#nodes", false);
        }
        if (nodes instanceof List<?> list && !list.isEmpty() && list.stream()
                .noneMatch(n -> "control-plane".equals(KindMaps.map(n).getOrDefault("role", "control-plane")))) {
            // kind refuses it ("must have at least one control-plane node") only after the run has begun.
            throw new Unusable(document.locationOf(document.nodeAt(List.of("nodes"))), "the kind configuration has "
                    + "no control-plane node; kind needs at least one", "add a node with role: control-plane (a "
                    + "node without a role is one)", false);
        }
        return new Loaded(document, KindMaps.map(map));
    }
}
