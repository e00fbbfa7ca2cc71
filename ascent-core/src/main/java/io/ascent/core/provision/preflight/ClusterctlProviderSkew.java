package io.ascent.core.provision.preflight;

import io.ascent.core.provision.command.CommandResult;
import io.ascent.core.provision.command.CommandRunner;
import io.ascent.core.provision.command.ProcessCommandRunner;
import io.ascent.core.report.CheckDescription;
import io.ascent.core.report.ErrorKind;
import io.ascent.core.report.Item;
import io.ascent.core.report.Severity;
import io.ascent.core.report.Status;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.json.JSONArray;
import org.json.JSONException;
import org.json.JSONObject;

/**
 * clusterctl and the ClusterAPI providers installed in a management cluster come from the same ClusterAPI release.
 * clusterctl refuses only a mismatched API contract, so a 1.2.4 clusterctl generating manifests for 1.2.5 providers
 * (one of the failures Ascent exists for) passes every check of its own. This reads the provider inventory
 * ({@code providers.clusterctl.cluster.x-k8s.io}, written by {@code clusterctl init}) with kubectl, asks
 * {@code clusterctl version}, and compares the providers released with ClusterAPI itself (core, kubeadm bootstrap
 * and control plane, Docker); providers from other projects (AWS, Azure, ...) have versions of their own and are
 * listed, not compared.
 *
 * <p>Changes nothing. Every command runs through a {@link CommandRunner} with a timeout and bounded output.
 * {@code ascent doctor} runs it when given {@code --kubeconfig} (the cluster it reaches may be a management
 * cluster); it says SKIP when there is no clusterctl or no provider inventory.
 */
public final class ClusterctlProviderSkew {
    /** The id of the items. */
    public static final String ID = "provision.clusterctl-skew";
    private static final String TITLE = "clusterctl matches the management cluster's ClusterAPI providers";

    /** This check in its own words, for {@code ascent checks}. */
    public static CheckDescription description() {
        return new CheckDescription(ID, PreflightRule.AREA, TITLE, Severity.ERROR, new CheckDescription.Explanation(
                "'clusterctl version' against the versions of the ClusterAPI providers installed in the management "
                        + "cluster (their Provider objects)",
                "clusterctl refuses only mismatched API contracts, not patch releases: 1.2.4 against 1.2.5 runs and "
                        + "can generate templates the providers do not expect",
                "install the clusterctl release of the providers, or upgrade the providers ('clusterctl upgrade')"),
                List.of("runs in 'ascent doctor --kubeconfig' when clusterctl and a provider inventory are there, "
                        + "SKIP otherwise; it changes nothing"));
    }
    /** Providers ClusterAPI releases itself, whose version is ClusterAPI's. */
    private static final Set<String> CLUSTER_API_PROVIDERS = Set.of("cluster-api", "kubeadm", "docker", "in-memory");
    private static final Pattern GIT_VERSION = Pattern.compile("(?i)\"?gitVersion\"?\\s*:\\s*\"(v?[0-9][^\"]*)\"");
    private static final Pattern SHORT_VERSION = Pattern.compile("^\\s*(v?[0-9]+\\.[0-9]+\\.[0-9]+\\S*)\\s*$");

    private final CommandRunner commands;
    private final String kubectl;
    private final Duration timeout;

    /**
     * Uses {@code kubectl} from PATH and a 30 second timeout per command, in this process's environment: for a caller
     * outside an engine run (a test); {@code ascent doctor} gives its run's commands.
     */
    public ClusterctlProviderSkew() {
        this(new ProcessCommandRunner(System.getenv()), "kubectl", Duration.ofSeconds(30));
    }

    /** Runs commands as child processes in this process's environment (output bounded, {@link ProcessCommandRunner}). */
    public ClusterctlProviderSkew(String kubectl, Duration timeout) {
        this(new ProcessCommandRunner(System.getenv()), kubectl, timeout);
    }

    /**
     * @param commands runs clusterctl and kubectl (as preflight's other checks do)
     * @param kubectl  the kubectl to read the inventory with (a path, or a name looked up on PATH)
     * @param timeout  the most each command may take
     */
    public ClusterctlProviderSkew(CommandRunner commands, String kubectl, Duration timeout) {
        this.commands = commands;
        this.kubectl = kubectl;
        this.timeout = timeout;
    }

    /**
     * Compares {@code clusterctl version} with the providers installed in the management cluster.
     *
     * @param kubeconfig the management cluster's kubeconfig
     * @param context    the kubeconfig context, or {@code null} for its current context
     * @param clusterctl the clusterctl executable (a path, or a name looked up on PATH)
     * @return one FAIL item per ClusterAPI provider whose release differs from clusterctl's, else one PASS item;
     *         SKIP when clusterctl, kubectl or the inventory is missing; ERROR when the cluster cannot be read
     * @throws InterruptedException when the run is cancelled
     */
    public List<Item> check(Path kubeconfig, String context, String clusterctl) throws InterruptedException {
        Run version = run(List.of(clusterctl, "version", "-o", "json"));
        if (version.notFound()) {
            return List.of(skip(version.stderr().isEmpty() ? "clusterctl was not found (" + clusterctl + "); there "
                    + "is no clusterctl to compare with the providers" : version.stderr()));
        }
        String clusterctlVersion = version.exitCode() == 0 ? versionOf(version.stdout()) : null;
        if (clusterctlVersion == null) {
            return List.of(skip("`" + clusterctl + " version -o json` did not say its version"
                    + firstLine(" (", version.stderr(), ")")));
        }
        List<String> get = new ArrayList<>(List.of(kubectl, "--kubeconfig", kubeconfig.toString()));
        if (context != null) {
            get.addAll(List.of("--context", context));
        }
        get.addAll(List.of("get", "providers.clusterctl.cluster.x-k8s.io", "--all-namespaces", "-o", "json",
                "--request-timeout", timeout.toSeconds() + "s"));
        Run providers = run(get);
        if (providers.notFound()) {
            return List.of(skip(providers.stderr().isEmpty() ? "kubectl was not found (" + kubectl + "); it reads "
                    + "the provider inventory" : providers.stderr()));
        }
        if (providers.exitCode() != 0) {
            if (providers.stderr().contains("doesn't have a resource type")) {
                return List.of(skip("the management cluster has no provider inventory "
                        + "(providers.clusterctl.cluster.x-k8s.io): clusterctl init has not run there"));
            }
            return List.of(Item.builder(ID, TITLE)
                    .error(ErrorKind.ENVIRONMENT, "cannot read the providers of the management cluster"
                            + (context == null ? "" : " (context " + context + ")") + firstLine(": ",
                            providers.stderr(), ""))
                    .remediation("check that the kubeconfig and context reach the management cluster: kubectl "
                            + "--kubeconfig " + kubeconfig + (context == null ? "" : " --context " + context)
                            + " get providers -A")
                    .build());
        }
        List<JSONObject> installed;
        try {
            installed = items(providers.stdout());
        } catch (JSONException e) {
            return List.of(skip("kubectl's list of providers is not JSON: " + e.getMessage()));
        }
        return compare(clusterctlVersion, installed);
    }

    private static List<Item> compare(String clusterctl, List<JSONObject> installed) {
        if (installed.isEmpty()) {
            return List.of(skip("the management cluster lists no provider: clusterctl init has not run there"));
        }
        List<Item> items = new ArrayList<>();
        List<String> same = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (JSONObject provider : installed) {
            String providerName = provider.optString("providerName", "");
            String version = provider.optString("version", "");
            String name = describe(provider);
            if (!CLUSTER_API_PROVIDERS.contains(providerName)) {
                others.add(name + " " + version);
            } else if (bare(version).equals(bare(clusterctl))) {
                same.add(name);
            } else {
                items.add(Item.builder(ID, TITLE)
                        .severity(Severity.ERROR)
                        .problem(name + " is " + version + " but clusterctl is " + clusterctl + "; clusterctl checks "
                                + "only the API contract, so manifests it generates and upgrades it plans follow "
                                + clusterctl + ", not the installed release")
                        .remediation("use clusterctl " + version + " (the release of the installed providers), or "
                                + "upgrade the providers to " + clusterctl + " with `clusterctl upgrade plan` and "
                                + "`clusterctl upgrade apply`")
                        .key(provider.optJSONObject("metadata") == null ? name
                                : provider.getJSONObject("metadata").optString("namespace") + "/"
                                        + provider.getJSONObject("metadata").optString("name"))
                        .build());
            }
        }
        if (items.isEmpty()) {
            String message = same.isEmpty() ? "no provider released with ClusterAPI is installed; nothing to compare"
                    : "clusterctl " + clusterctl + " and " + String.join(", ", same) + " are the same release";
            items.add(Item.builder(ID, TITLE).status(same.isEmpty() ? Status.SKIP : Status.PASS)
                    .message(message + (others.isEmpty() ? "" : "; versioned by their own projects, not compared: "
                            + String.join(", ", others)))
                    .build());
        }
        return items;
    }

    private static String describe(JSONObject provider) {
        JSONObject metadata = provider.optJSONObject("metadata");
        String namespace = metadata == null ? "" : metadata.optString("namespace", "");
        return "provider " + provider.optString("providerName", "?") + " (" + provider.optString("type", "?")
                + (namespace.isEmpty() ? "" : " in " + namespace) + ")";
    }

    private static List<JSONObject> items(String json) {
        JSONArray items = new JSONObject(json).optJSONArray("items");
        List<JSONObject> found = new ArrayList<>();
        for (int i = 0; items != null && i < items.length(); i++) {
            if (items.optJSONObject(i) != null) {
                found.add(items.getJSONObject(i));
            }
        }
        return found;
    }

    /** {@code clusterctl version -o json}'s gitVersion, or the version a plainer output names. */
    static String versionOf(String output) {
        Matcher git = GIT_VERSION.matcher(output);
        if (git.find()) {
            return git.group(1);
        }
        Matcher plain = SHORT_VERSION.matcher(output);
        return plain.find() ? plain.group(1) : null;
    }

    private static String bare(String version) {
        return version.startsWith("v") ? version.substring(1) : version;
    }

    private static Item skip(String message) {
        return Item.builder(ID, TITLE).status(Status.SKIP).message(message).build();
    }

    private static String firstLine(String before, String text, String after) {
        String line = text.strip().lines().findFirst().orElse("");
        return line.isEmpty() ? "" : before + (line.length() > 300 ? line.substring(0, 300) + "..." : line) + after;
    }

    /**
     * What a command did; {@code notFound} when it could not be started at all ({@code stderr} then says why when it
     * was found but refused: a relative {@code PATH} entry).
     */
    private record Run(boolean notFound, int exitCode, String stdout, String stderr) {
    }

    private Run run(List<String> argv) throws InterruptedException {
        CommandResult result = commands.run(argv, timeout);
        if (result.timedOut()) {
            return new Run(false, -1, "", argv.get(0) + " did not finish within " + timeout.toSeconds() + " s");
        }
        return new Run(result.notFound(), result.exitCode(), result.stdout(),
                result.notFound() ? result.refusal() : result.stderr());
    }
}
