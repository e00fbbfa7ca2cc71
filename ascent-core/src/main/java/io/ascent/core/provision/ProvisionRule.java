package io.ascent.core.provision;

import io.ascent.core.report.CheckDescription;
import io.ascent.core.report.DescribedRule;
import io.ascent.core.report.Severity;
import java.util.List;

/** The items a provisioning run reports. Ids are stable: reports, JUnit test names and SARIF use them. */
public enum ProvisionRule implements DescribedRule {
    PHASE("provision.phase", "Provisioning phase", new CheckDescription.Explanation(
            "how each phase of a provisioning run ended (preflight, cluster, deploy, test, teardown)",
            "a phase that stops stops the run; the item says which and why",
            "read the item of the phase that failed and the diagnostics the run collected")),
    SECTION("provision.section", "The checklist's provision section names what the manifests define",
            new CheckDescription.Explanation(
                    "that every resource, service and port the provision section names is defined by the manifests",
                    "a smoke test or wait for something the manifests never create can only time out",
                    "name a resource, service and port the manifests define, at the line shown")),
    REFERENCES("provision.references", "Pods refer only to what the run creates", new CheckDescription.Explanation(
            "the ServiceAccount, ConfigMaps and Secrets each pod template names, against the objects the manifests "
                    + "create (a run deploys into a fresh namespace)",
            "the API server refuses every pod of a missing ServiceAccount, and a missing ConfigMap or Secret stops "
                    + "its container, after a cluster was made for nothing",
            "add the object to the manifests, or mark a ConfigMap or Secret reference optional")),
    PREFLIGHT("provision.preflight", "Preflight", new CheckDescription.Explanation(
            "the summary of preflight: whether this machine can make the cluster",
            "creating a cluster on a machine that cannot run it fails minutes later with a worse message",
            "fix the preflight items it lists ('ascent doctor' runs them alone)")),
    KIND_HOST("provision.kind-host", "The kind configuration keeps the cluster off the build agent",
            new CheckDescription.Explanation(
                    "what the kind configuration reaches on the build agent: host paths it mounts into the nodes "
                            + "(inside the repository only), addresses and ports it publishes (loopback only)",
                    "a hostPath of /, ~/.ssh or the docker socket, or a port on 0.0.0.0, hands the agent or its "
                            + "network to whoever opened the pull request",
                    "mount folders inside the repository; leave listenAddress out (Ascent writes 127.0.0.1) or "
                            + "write a loopback address; leave host ports to kind")),
    CLUSTER("provision.cluster", "Cluster is ready", new CheckDescription.Explanation(
            "the kind cluster (or namespace of an existing cluster) being created and its nodes Ready",
            "kind's --wait exits 0 on timeout; nothing deploys to nodes that are not Ready",
            "read the node conditions and kind's output in the item; see docs/troubleshooting.md")),
    APPLY("provision.apply", "Manifest is applied (server-side apply)", new CheckDescription.Explanation(
            "each manifest applied with server-side apply, as the API server of the target version judges it",
            "an object the server refuses (422) or a field it drops never reaches the cluster",
            "correct the manifest at the field the server names")),
    ROLLOUT("provision.rollout", "Resource becomes ready", new CheckDescription.Explanation(
            "each workload's rollout, as 'kubectl rollout status' waits for it, and its pods' reasons",
            "a Deployment stuck on ImagePullBackOff or CrashLoopBackOff is not deployed, whatever apply said",
            "read the pod reason, events and logs in the item")),
    TEST("provision.test", "Smoke test passes", new CheckDescription.Explanation(
            "each smoke test of the provision section: an HTTP request through the service proxy, or a Job",
            "an application that rolls out but does not answer is not working",
            "read the response or the Job's logs in the item")),
    TEARDOWN("provision.teardown", "Cluster or namespace is deleted", new CheckDescription.Explanation(
            "that the cluster or namespace the run made is deleted, however the run ended",
            "leftover clusters use the agent's memory and disk until someone notices",
            "delete it by hand ('ascent gc' finds Ascent's leftovers), or see why deletion failed in the item"));

    /** Items of these rules are listed under this area by {@code ascent checks}. */
    public static final String AREA = "provisioning";

    private final String id;
    private final String title;
    private final CheckDescription.Explanation explanation;

    ProvisionRule(String id, String title, CheckDescription.Explanation explanation) {
        this.id = id;
        this.title = title;
        this.explanation = explanation;
    }

    /** Every rule in its own words, for {@code ascent checks}. */
    public static List<CheckDescription> descriptions() {
        return DescribedRule.descriptions(values(), AREA, "part of every 'ascent provision' run; it cannot be switched "
                + "off, and a failure stops the run").stream().map(ProvisionRule::controlled).toList();
    }

    private static CheckDescription controlled(CheckDescription description) {
        return description.id().equals(KIND_HOST.id()) ? new CheckDescription(description.id(), description.area(),
                description.title(), description.defaultSeverity(), description.explanation(),
                List.of(KIND_HOST_CONTROL)) : description;
    }

    /** How {@link #KIND_HOST} runs: in validate too, since a kind configuration is judged without a cluster. */
    private static final String KIND_HOST_CONTROL = "part of every 'ascent validate' run (so of the Jenkins "
            + "ascentValidate step and of the static validation 'ascent provision' starts with) and of 'ascent "
            + "doctor', whenever the checklist names provision.cluster.config; it cannot be switched off, a refusal "
            + "(exit 2) cannot be waived, and folders outside the repository are the operator's to allow "
            + "(--kind-mount, ASCENT_KIND_MOUNTS)";

    @Override
    public String id() {
        return id;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public CheckDescription.Explanation explanation() {
        return explanation;
    }
}
