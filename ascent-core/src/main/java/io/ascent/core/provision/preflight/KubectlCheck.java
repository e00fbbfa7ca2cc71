package io.ascent.core.provision.preflight;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.ascent.core.provision.command.CommandResult;
import io.ascent.core.provision.kind.NodeVersion;
import io.ascent.core.report.Item;
import io.ascent.core.report.Status;
import java.util.List;
import java.util.Optional;

/**
 * A kubectl on PATH is within one minor version of the cluster (Kubernetes' skew policy). Ascent itself does not
 * use kubectl; people reaching a kept cluster and scripts around Ascent do, so a skew is a warning.
 */
final class KubectlCheck implements PreflightCheck {

    @Override
    public String id() {
        return PreflightRule.KUBECTL.id();
    }

    @Override
    public Item run(PreflightContext context) throws InterruptedException {
        Optional<NodeVersion> cluster = context.nodeVersion();
        if (cluster.isEmpty()) {
            return PreflightRule.KUBECTL.item().status(Status.SKIP)
                    .message("the cluster's Kubernetes version is not known yet").build();
        }
        CommandResult result = context.probes().commands()
                .run(List.of("kubectl", "version", "--client", "-o", "json"), PreflightContext.PROBE_TIMEOUT);
        if (result.notFound()) {
            return PreflightRule.KUBECTL.item().status(Status.SKIP)
                    .message(result.refusal().isEmpty() ? "kubectl is not installed; Ascent does not need it"
                            : result.refusal() + " (Ascent itself does not need kubectl)").build();
        }
        Optional<NodeVersion> client = result.succeeded() ? clientVersion(result.stdout()) : Optional.empty();
        if (client.isEmpty()) {
            return PreflightRule.KUBECTL.item().status(Status.SKIP)
                    .message("`kubectl version --client -o json` did not say its version").build();
        }
        NodeVersion c = client.get();
        NodeVersion s = cluster.get();
        int skew = c.major() == s.major() ? Math.abs(c.minor() - s.minor()) : Integer.MAX_VALUE;
        if (skew <= 1) {
            return PreflightRule.KUBECTL.item().status(Status.PASS)
                    .message("kubectl " + c.minorVersion() + " and cluster " + s.minorVersion()).build();
        }
        return PreflightRule.KUBECTL.warning().problem("kubectl " + c.minorVersion() + " is " + skew
                        + " minor versions from the cluster's " + s.minorVersion()
                        + "; kubectl supports one minor version either side")
                .remediation("install kubectl " + s.minorVersion() + " (https://dl.k8s.io/release/v" + s.major() + "."
                        + s.minor() + ".0/bin/linux/amd64/kubectl) for this cluster, or ask for a Kubernetes "
                        + "version within one minor of " + c.minorVersion())
                .build();
    }

    static Optional<NodeVersion> clientVersion(String json) {
        try {
            JsonElement root = JsonParser.parseString(json);
            if (!root.isJsonObject() || !root.getAsJsonObject().has("clientVersion")) {
                return Optional.empty();
            }
            JsonObject version = root.getAsJsonObject().getAsJsonObject("clientVersion");
            return NodeVersion.parse(version.get("gitVersion").getAsString().replaceFirst("^v", "")
                    .replaceFirst("[-+].*$", ""));
        } catch (JsonParseException | IllegalStateException | ClassCastException | NullPointerException
                | UnsupportedOperationException e) {
            // Gson's accessors throw these for an answer of another shape (an old kubectl, a wrapper script): the
            // version is then unknown and the check says SKIP with why, rather than failing preflight.
            return Optional.empty();
        }
    }
}
