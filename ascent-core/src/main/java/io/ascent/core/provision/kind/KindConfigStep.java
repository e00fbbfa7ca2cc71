package io.ascent.core.provision.kind;

import io.ascent.core.checklist.Checklist;
import io.ascent.core.checklist.KubernetesSettings;
import io.ascent.core.manifest.ManifestFile;
import io.ascent.core.manifest.ManifestLoader;
import io.ascent.core.manifest.ManifestSet;
import io.ascent.core.manifest.ManifestValidationStep;
import io.ascent.core.manifest.render.SourceFiles;
import io.ascent.core.provision.ChecklistDocument;
import io.ascent.core.provision.ClusterRequests;
import io.ascent.core.provision.KindConfigFile;
import io.ascent.core.provision.ProvisionException;
import io.ascent.core.provision.ProvisionRule;
import io.ascent.core.report.ErrorKind;
import io.ascent.core.report.Item;
import io.ascent.core.report.Location;
import io.ascent.core.run.RunSink;
import io.ascent.core.validation.ValidationContext;
import io.ascent.core.validation.ValidationStep;
import io.ascent.core.workspace.Workspace;
import io.ascent.core.yaml.YamlDocument;
import io.ascent.core.yaml.YamlInputException;
import io.ascent.core.yaml.YamlLimits;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The kind host policy ({@code provision.kind-host}: {@link HostMounts}, {@link HostPorts}) as a step of
 * {@code ascent validate}, so that the gate teams run on every commit refuses a kind configuration that
 * {@code ascent provision} would refuse, with the same items. {@code provision} runs it as part of the static
 * validation it starts with: one code path, not a copy.
 *
 * <p>The configuration is judged whenever the checklist names one ({@code provision.cluster.config}), whatever
 * {@code provision.cluster.driver} says: {@code --driver kind} uses it on a checklist written for the existing
 * driver. A checklist that names none costs nothing: no file is read.
 */
public final class KindConfigStep implements ValidationStep {

    /** The phase's name, as {@code ascent doctor} names its own judgement of the same file. */
    public static final String NAME = "kind configuration";

    private final Map<String, String> environment;

    /** @param environment the run's, whose {@value NodeImagePolicy#ENVIRONMENT} the operator may allow images with */
    public KindConfigStep(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void run(ValidationContext context, RunSink sink) {
        sink.items(judge(context.workspace(), context.checklist(), context.kindMounts()));
        sink.items(nodeImage(context.workspace(), context.checklist(), NodeImagePolicy.allowed(
                Optional.ofNullable(environment.get(NodeImagePolicy.ENVIRONMENT)), context.kindNodeImages())));
    }

    /**
     * The node image policy ({@link NodeImagePolicy}) on the checklist's {@code provision.cluster.nodeImage}: an
     * image outside {@code allowed} is an ERROR at that line (kind runs it privileged: root on the build agent), as
     * {@code ascent provision} refuses it; nothing when the checklist pins no image or an allowed one. Judged whatever
     * the driver, as the kind configuration is: {@code --driver kind} would use it.
     */
    public static List<Item> nodeImage(Workspace workspace, Checklist checklist, List<String> allowed) {
        return checklist.provision().cluster().nodeImage()
                .flatMap(image -> NodeImagePolicy.refusal(image, allowed))
                .map(refusal -> List.of(ProvisionRule.KIND_HOST.item().error(ErrorKind.INPUT, refusal)
                        .location(field(workspace, checklist, "nodeImage"))
                        .remediation(NodeImagePolicy.REMEDIATION).build()))
                .orElse(List.of());
    }

    /**
     * The items of the checklist's kind configuration, read from {@code workspace} with the folders outside the
     * repository the operator allows ({@code kindMounts}): the host policy's refusals (ERROR, exit 2) and warnings at
     * the configuration's file:line:col, a PASS when it finds nothing, and nothing at all when the checklist names
     * no configuration.
     */
    public static List<Item> judge(Workspace workspace, Checklist checklist, List<Path> kindMounts) {
        return judge(workspace, checklist, kindMounts, () -> manifestsReportUnreadable(workspace, checklist));
    }

    /**
     * As {@link #judge(Workspace, Checklist, List)} for a run without the manifest checks ({@code ascent doctor}):
     * {@code yamlReportedElsewhere} says whether a file that is not YAML is reported by another part of the run.
     */
    public static List<Item> judge(Workspace workspace, Checklist checklist, List<Path> kindMounts,
            BooleanSupplier yamlReportedElsewhere) {
        Optional<KindConfigFile> file;
        try {
            file = ClusterRequests.kindConfig(workspace, checklist.provision(), kindMounts);
        } catch (ProvisionException e) {
            // The checklist's own path checks refuse a path that leaves the repository or names nothing (and then no
            // step runs); what is left here is a folder, or a file that cannot be read.
            return List.of(ProvisionRule.KIND_HOST.item().error(ErrorKind.INPUT, e.getMessage())
                    .location(configField(workspace, checklist)).remediation(e.remediation().orElse(null)).build());
        }
        if (file.isEmpty()) {
            return List.of();
        }
        return KindConfig.judge(file.get(), yamlReportedElsewhere);
    }

    /** Where the checklist names the kind configuration ({@code provision.cluster.config}): read only for a problem. */
    private static Location configField(Workspace workspace, Checklist checklist) {
        return field(workspace, checklist, "config");
    }

    /** Where the checklist sets {@code provision.cluster.FIELD}: read only for a problem. */
    private static Location field(Workspace workspace, Checklist checklist, String field) {
        try {
            YamlDocument document = ChecklistDocument.read(workspace,
                    Optional.of(workspace.repositoryRoot().resolve(checklist.path())), workspace.applicationDir(),
                    checklist.path());
            return document.locationOf(document.nodeAt(List.of("provision", "cluster", field)));
        } catch (YamlInputException e) {
            return Location.of(checklist.path()); // it loaded a moment ago; the file alone is still a place to look
        }
    }

    /**
     * Whether the manifest checks read the kind configuration (they validate it against kind's schema when the
     * checklist names manifests) and find it unreadable as well: then they report it, and this step stays quiet. A
     * file they read fine but the kind configuration's tighter limits refuse (deeper than a checklist may be) is
     * reported here. Asked only for a file that is not YAML, so a valid configuration is read once.
     */
    private static boolean manifestsReportUnreadable(Workspace workspace, Checklist checklist) {
        KubernetesSettings settings = checklist.kubernetes();
        if (!ManifestValidationStep.readsManifests(checklist)) {
            return false; // the manifest step reads nothing, the kind configuration neither
        }
        // The same selection the manifest step makes of the same path: excluded, or left to a render, it is not read.
        String config = checklist.provision().cluster().config().orElseThrow();
        List<ManifestFile> read = SourceFiles.sort(workspace, ManifestSet.expand(workspace, List.of(config),
                settings.exclude()).files(), settings.render()).manifests();
        return read.stream().anyMatch(manifest -> !new ManifestLoader()
                .load(workspace.files(YamlLimits.MANIFEST.maxBytes()), manifest).problems().isEmpty());
    }
}
