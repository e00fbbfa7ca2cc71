package io.ascent.core.provision.existing;

import io.ascent.core.manifest.api.KubernetesVersion;
import io.ascent.core.progress.ProgressListener;
import io.ascent.core.provision.ClusterRequest;
import io.ascent.core.provision.DriverPreflight;
import io.ascent.core.provision.ProvisionException;
import io.ascent.core.provision.kube.KubeConnection;
import io.ascent.core.provision.kube.KubeConnections;
import io.ascent.core.provision.kube.KubeException;
import io.ascent.core.provision.preflight.PreflightRule;
import io.ascent.core.report.CheckDescription;
import io.ascent.core.report.ErrorKind;
import io.ascent.core.report.Item;
import io.ascent.core.report.Severity;
import io.ascent.core.report.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.json.JSONObject;

/**
 * Before the {@code existing} driver creates anything: the kubeconfig and context resolve, the server answers
 * {@code /version}, its version is not older than the checklist's target (manifests were checked against that
 * target), and a SelfSubjectAccessReview says the credentials may create namespaces. The first failure stops the
 * checks that depend on it.
 */
public final class ExistingClusterPreflight implements DriverPreflight {

    static final String KUBECONFIG = "provision.preflight.kubeconfig";
    static final String SERVER = "provision.preflight.server";
    static final String VERSION = "provision.preflight.version";
    static final String ACCESS = "provision.preflight.access";

    /** Every check of this preflight in its own words, for {@code ascent checks}. */
    public static List<CheckDescription> descriptions() {
        List<String> control = List.of("runs before every 'ascent provision --driver existing' and in 'ascent doctor "
                + "--kubeconfig'; it changes nothing and cannot be switched off");
        return List.of(
                describe(KUBECONFIG, "Kubeconfig and context resolve", Severity.ERROR,
                        "the kubeconfig file and context given (or KUBECONFIG's current context)",
                        "without a usable context nothing can reach the cluster",
                        "pass --kubeconfig and --context naming an existing context", control),
                describe(SERVER, "The API server answers", Severity.ERROR,
                        "that the API server answers /version within the timeout",
                        "an unreachable server makes every later phase time out",
                        "check the server address, the network and the credentials of the context", control),
                describe(VERSION, "The cluster's version suits the checklist's target", Severity.ERROR,
                        "the server's version against the checklist's target: older fails, newer warns",
                        "manifests judged for one version may be refused or behave differently on an older server",
                        "target the version the cluster runs, or use a cluster of the target version", control),
                describe(ACCESS, "The credentials may create namespaces", Severity.ERROR,
                        "a SelfSubjectAccessReview for creating namespaces",
                        "the run deploys into a fresh namespace it creates and deletes",
                        "use credentials allowed to create and delete namespaces", control));
    }

    private static CheckDescription describe(String id, String title, Severity severity, String looksAt,
            String why, String fix, List<String> control) {
        return new CheckDescription(id, PreflightRule.AREA, title, severity,
                new CheckDescription.Explanation(looksAt, why, fix), control);
    }

    private final KubeConnections connections;

    public ExistingClusterPreflight(KubeConnections connections) {
        this.connections = connections;
    }

    @Override
    public List<Item> check(ClusterRequest request, ProgressListener progress) throws InterruptedException {
        List<Item> items = new ArrayList<>();
        long start = System.nanoTime();
        KubeconfigChoice choice;
        KubeConnection connection;
        try {
            choice = KubeconfigChoice.of(request, connections.environment());
            connection = choice.connect(connections);
        } catch (ProvisionException e) {
            items.add(error(KUBECONFIG, "Kubeconfig and context resolve", e.getMessage(),
                    e.remediation().orElse(null), start));
            return items;
        }
        items.add(pass(KUBECONFIG, "Kubeconfig and context resolve", "using the " + choice.displayName(), start));

        start = System.nanoTime();
        String gitVersion;
        try {
            JSONObject version = connection.get("/version");
            gitVersion = version.optString("gitVersion", "unknown");
        } catch (KubeException e) {
            items.add(error(SERVER, "The API server answers", "the API server at " + connection.route()
                    + " does not answer /version: " + e.getMessage(),
                    e.code() == 401 || e.code() == 403 ? "renew the credentials of this context"
                            : e.certificateRefused() ? "the server's certificate is not signed by the cluster's "
                                    + "certificate-authority in the kubeconfig (or, when it names none, by one this "
                                    + "JVM trusts), or does not name the server: check the context's "
                                    + "certificate-authority-data, server address and tls-server-name"
                            : "check that the cluster runs and that this machine can reach " + connection.route(),
                    start));
            return items;
        }
        items.add(pass(SERVER, "The API server answers", connection.route() + " runs Kubernetes " + gitVersion,
                start));

        start = System.nanoTime();
        if (request.kubernetesVersion().isPresent()) {
            items.add(version(request.kubernetesVersion().get(), gitVersion, start));
        }

        start = System.nanoTime();
        JSONObject review = new JSONObject().put("apiVersion", "authorization.k8s.io/v1")
                .put("kind", "SelfSubjectAccessReview")
                .put("spec", new JSONObject().put("resourceAttributes",
                        new JSONObject().put("verb", "create").put("resource", "namespaces")));
        try {
            JSONObject answer = connection.post("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews", review);
            JSONObject status = answer.optJSONObject("status", new JSONObject());
            if (status.optBoolean("allowed")) {
                items.add(pass(ACCESS, "The credentials may create namespaces",
                        "a SelfSubjectAccessReview allows creating namespaces", start));
            } else {
                items.add(error(ACCESS, "The credentials may create namespaces",
                        "the credentials may not create namespaces" + (status.optString("reason").isEmpty() ? ""
                                : " (" + status.optString("reason") + ")"),
                        "grant the user or service account 'create' on namespaces (a ClusterRole bound to it), or "
                                + "use a context that has it", start));
            }
        } catch (KubeException e) {
            items.add(error(ACCESS, "The credentials may create namespaces",
                    "the SelfSubjectAccessReview failed: " + e.getMessage(),
                    "check the credentials of this context", start));
        }
        items.forEach(item -> progress.info("preflight: " + item.status().label() + " " + item.message()));
        return items;
    }

    static Item version(String target, String gitVersion, long start) {
        String title = "The cluster's version suits the checklist's target";
        KubernetesVersion wanted;
        KubernetesVersion running;
        try {
            wanted = KubernetesVersion.parse(target);
            running = KubernetesVersion.parse(gitVersion);
        } catch (IllegalArgumentException e) {
            return Item.builder(VERSION, title).status(Status.SKIP).message("cannot compare versions: "
                    + e.getMessage()).duration(took(start)).build();
        }
        if (running.isBefore(wanted)) {
            return error(VERSION, title, "the cluster runs " + running + ", older than the target " + wanted
                    + " the manifests were checked against; APIs they use may not be served yet",
                    "deploy to a cluster running " + wanted + " or later, or lower kubernetes.version (or "
                            + "--kubernetes-version) and validate again", start);
        }
        if (running.compareTo(wanted) > 0) {
            return Item.builder(VERSION, title).status(Status.WARN).severity(Severity.WARNING)
                    .message("the cluster runs " + running + ", newer than the target " + wanted
                            + "; APIs removed after " + wanted + " were not checked against it")
                    .remediation("validate with --kubernetes-version " + running + " to check the manifests "
                            + "against this cluster")
                    .duration(took(start)).build();
        }
        return pass(VERSION, title, "the cluster runs " + running + ", the checklist's target", start);
    }

    private static Item pass(String id, String title, String message, long start) {
        return Item.builder(id, title).status(Status.PASS).message(message).duration(took(start)).build();
    }

    private static Item error(String id, String title, String message, String remediation, long start) {
        return Item.builder(id, title).error(ErrorKind.ENVIRONMENT, message).remediation(remediation)
                .duration(took(start)).build();
    }

    private static Duration took(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
