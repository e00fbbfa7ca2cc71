package io.ascent.core.manifest.check;

import io.ascent.core.manifest.Resource;
import io.ascent.core.manifest.ResourceRef;
import io.ascent.core.manifest.api.ApiAvailability;
import io.ascent.core.manifest.api.ApiLifecycle;
import io.ascent.core.manifest.api.ApiLifecycleTable;
import io.ascent.core.manifest.api.ApiVerdict;
import io.ascent.core.manifest.api.KubernetesVersion;
import io.ascent.core.manifest.check.ClusterApiTopology.NodeVersion;
import io.ascent.core.report.CheckDescription;
import io.ascent.core.report.Severity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every apiVersion/kind the manifests use, including configuration objects embedded in others, is one the target
 * Kubernetes version serves ({@link ApiLifecycleTable}). Removed and not-yet-served versions, and kinds a known
 * group does not have, are problems at the check's severity; deprecated ones weigh at most a warning, since they
 * still work. Custom resources (groups the table does not know) are counted, not judged.
 *
 * <p>Most findings are about an apiVersion written in the object at hand, and stay findings whatever else could not
 * be read. One kind concludes from absence: the files a ClusterAPI object gives its nodes (and the files a
 * ClusterClass's patches write) are judged against the checklist's target when no manifest names the version of the
 * nodes that read them (no KubeadmControlPlane, MachineDeployment, Machine or Cluster). When part of the set was not
 * read ({@link UnreadParts}) the object naming that version may be there, so such findings are SKIPs naming the
 * unread files instead: "write apiVersion X" would move a file that is right for its nodes.
 */
final class ApiVersionCheck implements ManifestCheck {
    static final String ID = "manifest.api-version";
    /** The most Cluster variants a ClusterClass's patches are evaluated for in one run. */
    static final int MAX_CLUSTER_EVALUATIONS = 100;

    private final ApiLifecycleTable table;
    /** ClusterAPI's kinds are judged against a ClusterAPI release, when the checklist names one. */
    private final KubernetesVersion clusterApiRelease;
    private int clusterApiUnjudged;
    private int clusterApiJudged;
    private final KubernetesVersion target;
    /** Files judged against another version: the kind config describes the cluster's nodes, not the target. */
    private final Map<String, KubernetesVersion> fileTargets;
    private final Set<String> knownGroups = new HashSet<>();
    /** Versions of the nodes that read ClusterAPI objects' files, known only once every manifest was read. */
    private final ClusterApiTopology topology = new ClusterApiTopology();
    private final List<NodeFiles> nodeFiles = new ArrayList<>();
    private final Set<KubernetesVersion> nodeVersions = new java.util.TreeSet<>();
    private final List<ClusterClassPatches> classPatches = new ArrayList<>();
    private int notInTable;
    private int tooOld;
    /** What no check saw: the object naming a node version may be there. */
    private UnreadParts unread = UnreadParts.NONE;

    /** @param target the version to check against, or {@code null} when none is set (the step skips the check) */
    ApiVersionCheck(ApiLifecycleTable table, KubernetesVersion target, Map<String, KubernetesVersion> fileTargets) {
        this(table, target, fileTargets, null);
    }

    /** @param clusterApiRelease the ClusterAPI release its own kinds are judged against, or {@code null} */
    ApiVersionCheck(ApiLifecycleTable table, KubernetesVersion target, Map<String, KubernetesVersion> fileTargets,
            KubernetesVersion clusterApiRelease) {
        this.clusterApiRelease = clusterApiRelease;
        this.table = table;
        this.target = target;
        this.fileTargets = Map.copyOf(fileTargets);
        for (ApiLifecycle row : table.rows()) {
            knownGroups.add(row.group());
        }
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "API versions are served by the target Kubernetes version";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    public boolean judgedPerVersion() {
        return true;
    }

    @Override
    public boolean lacksTarget() {
        return target == null;
    }

    /** What ClusterAPI objects say about their nodes' version, and ClusterAPI's own kinds, need no target. */
    @Override
    public boolean judgesWithoutTarget() {
        return true;
    }

    @Override
    public void inspect(Resource resource, Findings findings) {
        if (resource.isListWithoutItems()) {
            return; // manifest.shape reports a list without items
        }
        List<ApiReference> references = new ArrayList<>();
        if (resource.apiVersion() != null && resource.kind() != null) {
            references.add(new ApiReference(resource.apiVersion(), resource.kind(),
                    resource.locationAt(List.of("apiVersion")), null, null));
        }
        references.addAll(EmbeddedConfigurations.of(resource));
        KubernetesVersion version = fileTargets.getOrDefault(resource.path(), target);
        for (ApiReference reference : references) {
            if (version == null && !isClusterApi(reference.apiVersion())) {
                continue; // without a target only ClusterAPI's own kinds can be judged
            }
            findings.looked();
            judge(resource.ref(), reference, findings, new NodeVersion(version, null));
        }
        topology.collect(resource);
        if (KubeadmFiles.carriesFiles(resource)) {
            List<Finding> unread = new ArrayList<>();
            List<ApiReference> inFiles = KubeadmFiles.read(resource, unread);
            unread.forEach(findings::skip);
            if (!inFiles.isEmpty()) {
                nodeFiles.add(new NodeFiles(resource.ref(), resource.kind(), resource.namespace(), resource.name(),
                        inFiles));
            }
        } else if (ClusterClassPatches.isClusterClass(resource)) {
            ClusterClassPatches patches = ClusterClassPatches.read(resource);
            if (patches != null) {
                classPatches.add(patches);
            }
        }
    }

    @Override
    public void partialSet(UnreadParts unread) {
        this.unread = unread;
    }

    @Override
    public void finish(Findings findings) {
        for (NodeFiles files : nodeFiles) {
            List<NodeVersion> versions = topology.versionsFor(files.kind(), files.namespace(), files.name());
            if (versions.isEmpty() && target == null) {
                continue; // neither the manifests nor the checklist say which version reads them: the step's SKIP
            }
            Findings into = versions.isEmpty() ? byTarget(findings) : findings;
            for (NodeVersion written : versions.isEmpty() ? List.of(new NodeVersion(target, null)) : versions) {
                NodeVersion version = written.orTarget(target);
                if (version.version() == null) {
                    findings.skip(new Finding(files.owner(), files.owner().location(), files.owner().displayName(),
                            files.owner().displayName() + ": the API versions in its files cannot be judged: "
                                    + version.source() + (version.leftToVariable() ? " is a template variable"
                                    + " without a default, and the checklist sets no kubernetes.version to judge them"
                                    + " for" : " is not a Kubernetes version"), null, null));
                    continue;
                }
                if (version.source() != null && !version.version().equals(target)) {
                    nodeVersions.add(version.version());
                }
                for (ApiReference reference : files.references()) {
                    into.looked();
                    judge(files.owner(), reference, into, version);
                }
            }
            skipByTarget(into, findings, "the nodes that read its files");
        }
        for (ClusterClassPatches patches : classPatches) {
            judgePatches(patches, findings);
        }
    }

    /**
     * Evaluates a ClusterClass's file patches for every Cluster built from it, or for the checklist's target when
     * no Cluster in the manifests uses the class. Two Clusters with the same version and variables yield the same
     * findings; each is reported once.
     */
    private void judgePatches(ClusterClassPatches patches, Findings findings) {
        ResourceRef owner = patches.owner();
        List<ClusterApiTopology.TopologyCluster> clusters = topology.clustersOf(patches.namespace(), patches.name());
        Set<String> seen = new HashSet<>();
        List<ClusterApiTopology.TopologyCluster> each = clusters.isEmpty() ? java.util.Collections.singletonList(null)
                : clusters;
        Findings into = clusters.isEmpty() ? byTarget(findings) : findings;
        Set<String> variants = new HashSet<>();
        for (ClusterApiTopology.TopologyCluster cluster : each) {
            // Clusters with the same version and variables get the same files: evaluate each combination once, and
            // at most MAX_CLUSTER_EVALUATIONS of them, so that many Clusters cannot make the run unbounded.
            if (cluster != null && !variants.add(cluster.versionWritten() + " " + cluster.variables()
                    + " " + cluster.machineDeployments())) {
                continue;
            }
            if (variants.size() > MAX_CLUSTER_EVALUATIONS) {
                findings.skip(new Finding(owner, owner.location(), owner.displayName() + "/clusters",
                        owner.displayName() + ": more than " + MAX_CLUSTER_EVALUATIONS + " Clusters with different "
                                + "versions or variables use this class; its patches were evaluated for the first "
                                + MAX_CLUSTER_EVALUATIONS + " only", null, null));
                break;
            }
            // '${KUBERNETES_VERSION}' of a clusterctl template: the Cluster runs whatever the user sets, so the
            // class is judged for the target, as for a class no Cluster in the manifests uses, and says so
            NodeVersion version = cluster == null || cluster.version() == null ? new NodeVersion(target, null)
                    : cluster.version().orTarget(target);
            if (version.version() == null && version.source() == null) {
                continue; // no Cluster version and no target: the step's SKIP says so
            }
            if (version.version() == null) {
                findings.skip(new Finding(owner, owner.location(), owner.displayName() + "/" + cluster.displayName(),
                        owner.displayName() + ": its patches cannot be evaluated for " + cluster.displayName() + ": "
                                + version.source() + " is not a Kubernetes version", null, null));
                continue;
            }
            String written = version.source() == null || version.leftToVariable() ? "v" + target + ".0"
                    : cluster.versionWritten();
            if (version.source() != null && !version.version().equals(target)) {
                nodeVersions.add(version.version());
            }
            for (ClusterClassPatches.Evaluated evaluated : patches.evaluate(cluster, written)) {
                if (evaluated.unread() != null) {
                    if (seen.add(evaluated.unread().key() + evaluated.unread().message())) {
                        findings.skip(evaluated.unread());
                    }
                    continue;
                }
                for (ApiReference reference : evaluated.references()) {
                    if (seen.add(reference.keyPart() + " " + reference.location() + " " + reference.apiVersion()
                            + " " + version.version())) {
                        into.looked();
                        judge(owner, reference, into, version);
                    }
                }
            }
        }
        skipByTarget(into, findings, "a Cluster built from this class");
    }

    /**
     * Where findings judged against the target for want of a node version go: {@code findings} itself when the set
     * was read whole, else a scratch whose findings {@link #skipByTarget} turns into SKIPs.
     */
    private Findings byTarget(Findings findings) {
        return unread.isEmpty() ? findings : new Findings();
    }

    /**
     * The findings of a scratch from {@link #byTarget} as SKIPs of {@code findings}, saying that {@code whose}
     * version may be named in an unread file; what passed is counted as looked at.
     */
    private void skipByTarget(Findings scratch, Findings findings, String whose) {
        if (scratch == findings) {
            return;
        }
        for (int i = scratch.found().size() + scratch.foundOmitted(); i < scratch.lookedCount(); i++) {
            findings.looked();
        }
        for (Finding finding : scratch.found()) {
            findings.skip(new Finding(finding.resource(), finding.location(), finding.key(), finding.message()
                    + " (judged against the target " + target + ", since no manifest that was read names the"
                    + " Kubernetes version of " + whose + "; " + unread.mayHold("the object that names it") + ")",
                    null, null));
        }
    }

    /**
     * Judges one reference against {@code version}; when the version comes from the manifests (a ClusterAPI object
     * naming its nodes' version) and differs from the checklist's target, the finding names both.
     */
    private void judge(ResourceRef owner, ApiReference reference, Findings findings, NodeVersion version) {
        KubernetesVersion against = version.version();
        boolean fromNodes = version.source() != null && !version.leftToVariable() && !against.equals(target);
        String nodes = fromNodes ? " (judged against the nodes' Kubernetes " + against + ": " + version.source()
                + (target == null ? "; the checklist sets no target" : "; the checklist's target is " + target) + ")"
                : version.leftToVariable() ? " (judged against the checklist's target " + target + ", since the"
                + " template leaves the nodes' version to a variable: " + version.source() + ")" : "";
        String key = (reference.keyPart() == null ? owner.displayName() : owner.displayName() + "/"
                + reference.keyPart()) + (fromNodes ? "@" + against : "");
        String subject = reference.where() == null ? owner.displayName()
                : owner.displayName() + ", " + reference.where();
        if (reference.problem() != null) {
            findings.add(new Finding(owner, reference.location(), key, subject + " is " + reference.problem(),
                    "write valid YAML with the apiVersion and kind the component expects for Kubernetes " + against,
                    null));
            return;
        }
        if (reference.apiVersion() == null || reference.kind() == null) {
            String what = reference.apiVersion() == null ? "apiVersion" : "kind";
            findings.add(new Finding(owner, reference.location(), key,
                    subject + " has no " + what + ", so the component reading it will refuse it",
                    "write the apiVersion and kind the component expects for Kubernetes " + against, null));
            return;
        }
        if (isClusterApi(reference.apiVersion())) {
            judgeClusterApi(owner, reference, key, subject, findings);
            return;
        }
        ApiVerdict verdict = table.check(reference.apiVersion(), reference.kind(), against);
        ApiAvailability availability = verdict.availability();
        if (availability == ApiAvailability.SERVED) {
            return;
        }
        if (availability == ApiAvailability.UNKNOWN) {
            if (verdict.lifecycle() != null) {
                tooOld++;
                return;
            }
            if (!knownGroups.contains(group(reference.apiVersion()))) {
                notInTable++;
                return;
            }
        }
        Severity ceiling = availability == ApiAvailability.DEPRECATED ? Severity.WARNING : null;
        findings.add(new Finding(owner, reference.location(), key, subject + ": " + verdict.message() + nodes,
                remediation(verdict, reference, against), ceiling));
    }

    /** ClusterAPI's kinds follow ClusterAPI's releases, not Kubernetes'; providers' own kinds are not in its table. */
    private void judgeClusterApi(ResourceRef owner, ApiReference reference, String key, String subject,
            Findings findings) {
        ApiLifecycleTable clusterApi = ApiLifecycleTable.clusterApi();
        if (clusterApiRelease == null) {
            clusterApiUnjudged++;
            return;
        }
        if (clusterApi.versionsOf(group(reference.apiVersion()), reference.kind()).isEmpty()) {
            notInTable++;
            return;
        }
        clusterApiJudged++;
        ApiVerdict verdict = clusterApi.check(reference.apiVersion(), reference.kind(), clusterApiRelease);
        if (verdict.availability() == ApiAvailability.SERVED) {
            return;
        }
        if (verdict.availability() == ApiAvailability.UNKNOWN) {
            tooOld++;
            return;
        }
        ApiLifecycle use = verdict.suggestion();
        String fix = use == null ? "choose a ClusterAPI release that serves " + reference.kind()
                : "write apiVersion: " + use.apiVersion() + " (the ClusterAPI book's migration guide for that"
                        + " release lists the fields that changed)";
        Severity ceiling = verdict.availability() == ApiAvailability.DEPRECATED ? Severity.WARNING : null;
        findings.add(new Finding(owner, reference.location(), key, subject + ": " + verdict.message()
                + " (kubernetes.clusterApi.version is " + clusterApiRelease + ")", fix, ceiling));
    }

    private static boolean isClusterApi(String apiVersion) {
        if (apiVersion == null) {
            return false;
        }
        String group = group(apiVersion);
        return group.equals("cluster.x-k8s.io") || group.endsWith(".cluster.x-k8s.io");
    }

    private static String remediation(ApiVerdict verdict, ApiReference reference, KubernetesVersion target) {
        ApiLifecycle use = verdict.suggestion();
        String where = reference.where() == null ? "" : " in " + reference.where();
        if (use == null) {
            return "Kubernetes " + target + " serves no version of " + reference.kind() + ": remove it" + where
                    + " or choose another target version";
        }
        String kind = use.kind().equals(reference.kind()) ? "" : " and kind: " + use.kind();
        // An alpha replacement usually needs a feature gate on that release; the table's note says which.
        String gate = use.version().contains("alpha") && !use.note().isEmpty() ? "; " + use.note() : "";
        String template = reference.where() != null && reference.where().contains(".valueFrom.template")
                ? "; the patch's template picks the version, so give Kubernetes " + target + " a branch of its own"
                        + " (semverCompare on .builtin.controlPlane.version or .builtin.machineDeployment.version)"
                : "";
        return "write apiVersion: " + use.apiVersion() + kind + where
                + " (and adapt fields that changed between the versions)" + gate + template;
    }

    private static String group(String apiVersion) {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    /** The files of one ClusterAPI object, judged once the versions of its nodes are known. */
    private record NodeFiles(ResourceRef owner, String kind, String namespace, String name,
            List<ApiReference> references) {
    }

    @Override
    public String passMessage(int looked) {
        StringBuilder message = new StringBuilder()
                .append(looked).append(looked == 1 ? " API reference" : " API references")
                .append(": every one the API table knows is served by Kubernetes ");
        Optional<KubernetesVersion> newest = table.newestRelease();
        if (target != null && newest.isPresent() && newest.get().isBefore(target)) {
            message.append(newest.get()).append(" (the newest release Ascent knows; the target is ").append(target)
                    .append(')');
        } else {
            message.append(target);
        }
        if (!nodeVersions.isEmpty()) {
            message.append(" or, in ClusterAPI objects' files, by their nodes' Kubernetes ").append(
                    String.join(", ", nodeVersions.stream().map(KubernetesVersion::toString).toList()));
        }
        if (notInTable > 0) {
            message.append("; ").append(notInTable).append(notInTable == 1 ? " is" : " are")
                    .append(" not in the table (custom resources) and not judged");
        }
        if (tooOld > 0) {
            message.append("; ").append(tooOld).append(" predate the table's data for ").append(target);
        }
        if (clusterApiUnjudged > 0) {
            message.append("; ").append(clusterApiUnjudged).append(clusterApiUnjudged == 1 ? " is a ClusterAPI kind"
                    : " are ClusterAPI kinds").append(", not judged: set kubernetes.clusterApi.version to check them");
        } else if (clusterApiJudged > 0) {
            message.append("; ").append(clusterApiJudged).append(clusterApiJudged == 1 ? " ClusterAPI kind" : " ClusterAPI kinds")
                    .append(" judged against ClusterAPI ").append(clusterApiRelease);
        }
        return message.toString();
    }

    @Override
    public CheckDescription.Explanation explanation() {
        return new CheckDescription.Explanation(
                "every apiVersion/kind, and the configuration objects other objects carry (AdmissionConfiguration"
                        + " plugins, kind kubeadmConfigPatches), against the target Kubernetes version and the API"
                        + " availability table",
                "an API version the cluster does not serve makes kubectl apply fail; a removed one breaks the next"
                        + " cluster upgrade",
                "write the apiVersion the fix line names (and adapt fields that changed), or set the target version"
                        + " you really deploy to");
    }
}
