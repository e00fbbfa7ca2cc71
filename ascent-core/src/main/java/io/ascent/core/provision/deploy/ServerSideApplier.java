package io.ascent.core.provision.deploy;

import io.ascent.core.manifest.Resource;
import io.ascent.core.progress.ProgressListener;
import io.ascent.core.provision.ProvisionRule;
import io.ascent.core.provision.kube.ApiDiscovery;
import io.ascent.core.provision.kube.KubeConnection;
import io.ascent.core.provision.kube.KubeException;
import io.ascent.core.provision.kube.ResourceType;
import io.ascent.core.provision.wait.RolloutJudge;
import io.ascent.core.provision.wait.WaitTarget;
import io.ascent.core.report.Item;
import io.ascent.core.report.Location;
import io.ascent.core.report.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * Applies manifests with server-side apply as field manager {@value #FIELD_MANAGER}, each object at the URL
 * discovery gives for its kind, one {@link ProvisionRule#APPLY} item per object.
 *
 * <p>Conflicts are forced ({@code force=true}): the namespace (or kind cluster) is the run's own and fresh, so any
 * other manager of these fields is a controller or an earlier apply of the same run, and the manifests are what the
 * run must prove. That is what {@code kubectl apply --server-side --force-conflicts} in a CI script does.
 */
public final class ServerSideApplier {

    /** The field manager every applied object names. */
    public static final String FIELD_MANAGER = "ascent";

    private final KubeConnection connection;
    private final ApiDiscovery discovery;
    private final ProgressListener progress;
    /** The phase its progress lines name: {@code deploy}, or a smoke test's when it applies that test's Job. */
    private final String phase;

    public ServerSideApplier(KubeConnection connection, ApiDiscovery discovery, ProgressListener progress) {
        this(connection, discovery, progress, "deploy");
    }

    private ServerSideApplier(KubeConnection connection, ApiDiscovery discovery, ProgressListener progress,
            String phase) {
        this.connection = connection;
        this.discovery = discovery;
        this.progress = progress;
        this.phase = phase;
    }

    /** The same applier, its progress lines starting with {@code phase} (a smoke test's Job is no deploy step). */
    public ServerSideApplier during(String phase) {
        return new ServerSideApplier(connection, discovery, progress, phase);
    }

    /** What applying a batch gave: one item per object, and the objects to wait for. */
    public record Outcome(List<Item> items, List<WaitTarget> targets) {
        public boolean failed() {
            return items.stream().anyMatch(item -> item.status().isGating());
        }
    }

    /**
     * Applies {@code resources} in their order into {@code runNamespace} where they name none. With
     * {@code ownNamespaceOnly} (a shared cluster) an object in another namespace or a cluster-scoped one is refused:
     * the run could not delete it afterwards and would touch what is not its own.
     */
    public Outcome apply(List<Resource> resources, String runNamespace, boolean ownNamespaceOnly)
            throws InterruptedException {
        List<Item> items = new ArrayList<>();
        List<WaitTarget> targets = new ArrayList<>();
        for (Resource resource : resources) {
            long start = System.nanoTime();
            Optional<String> refused = Optional.empty();
            Location where = resource.location();
            WaitTarget target = null;
            List<String> warnings = List.of();
            try {
                Optional<ResourceType> type = discovery.resolve(resource.apiVersion(), resource.kind());
                if (type.isEmpty()) {
                    refused = Optional.of("the server does not serve kind " + resource.kind() + " in "
                            + resource.apiVersion());
                } else {
                    String namespace = null;
                    if (type.get().namespaced()) {
                        namespace = resource.namespace().isEmpty() ? runNamespace : resource.namespace();
                        if (ownNamespaceOnly && !namespace.equals(runNamespace)) {
                            refused = Optional.of(resource.displayName() + " names namespace '" + namespace
                                    + "'; on an existing cluster the run deploys only into its own namespace");
                        }
                    } else if (ownNamespaceOnly) {
                        refused = Optional.of(resource.displayName() + " is cluster-scoped; on an existing cluster "
                                + "the run creates only namespaced objects in its own namespace");
                    }
                    String name = resource.json().optJSONObject("metadata", new JSONObject()).optString("name");
                    if (refused.isEmpty() && name.isEmpty()) {
                        refused = Optional.of(resource.displayName() + " has no metadata.name; server-side apply "
                                + "needs one (generateName is not supported)");
                    }
                    if (refused.isEmpty()) {
                        JSONObject body = new JSONObject(resource.json().toString());
                        JSONObject metadata = body.getJSONObject("metadata");
                        if (namespace != null) {
                            metadata.put("namespace", namespace);
                        }
                        warnings = connection.applyWarned(type.get().objectPath(namespace, name), body,
                                FIELD_MANAGER, true).warnings();
                        if (RolloutJudge.waitsFor(resource.kind())) {
                            target = new WaitTarget(type.get(), namespace, name, resource.location());
                            targets.add(target);
                        }
                        progress.info(phase + ": applied " + resource.displayName()
                                + (namespace == null ? "" : " in " + namespace));
                        warnings.forEach(warning -> progress.info(phase + ": " + resource.displayName()
                                + ": the API server warns: " + warning));
                    }
                }
            } catch (KubeException e) {
                refused = Optional.of(serverMessage(e));
                where = firstCauseField(e).map(field -> resource.locationAt(tokens(field))).orElse(where);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            if (refused.isPresent()) {
                items.add(ProvisionRule.APPLY.item().status(Status.FAIL)
                        .message(resource.displayName() + ": " + refused.get())
                        .location(where)
                        .key(resource.displayName())
                        .remediation("fix the manifest so that the API server accepts it")
                        .duration(took).build());
            } else if (!warnings.isEmpty()) {
                items.add(ProvisionRule.APPLY.item().status(Status.WARN)
                        .message(resource.displayName() + " applied" + (target == null ? "" : "; waiting for it")
                                + "; the API server warns:\n  " + String.join("\n  ", warnings))
                        .location(warnedField(resource, warnings))
                        .key(resource.displayName())
                        .remediation("heed the warning: the API or field is deprecated, or the server does not use "
                                + "the value as written")
                        .duration(took).build());
            } else {
                items.add(ProvisionRule.APPLY.item().status(Status.PASS)
                        .message(resource.displayName() + " applied" + (target == null ? "" : "; waiting for it"))
                        .location(resource.location())
                        .key(resource.displayName())
                        .duration(took).build());
            }
        }
        return new Outcome(items, targets);
    }

    /** The server's words, with each field cause of a 422 ({@code spec.replicas: Invalid value ...}). */
    static String serverMessage(KubeException e) {
        StringBuilder message = new StringBuilder("the API server refused it (" + e.code() + " " + e.reason() + "): "
                + e.serverMessage());
        JSONObject details = e.status().map(s -> s.optJSONObject("details")).orElse(null);
        JSONArray causes = details == null ? null : details.optJSONArray("causes");
        if (causes != null && !e.serverMessage().contains(causes.optJSONObject(0) == null ? "\u0000"
                : causes.optJSONObject(0).optString("message", "\u0000"))) {
            for (int i = 0; i < causes.length(); i++) {
                JSONObject cause = causes.optJSONObject(i);
                if (cause != null) {
                    message.append("\n  ").append(cause.optString("field")).append(": ")
                            .append(cause.optString("message"));
                }
            }
        }
        return message.toString();
    }

    /** The field of a 422's first cause ({@code spec.template.spec.containers[0].image}), if the server named one. */
    static Optional<String> firstCauseField(KubeException e) {
        JSONObject details = e.status().map(s -> s.optJSONObject("details")).orElse(null);
        JSONArray causes = details == null ? null : details.optJSONArray("causes");
        JSONObject first = causes == null ? null : causes.optJSONObject(0);
        String field = first == null ? "" : first.optString("field");
        return field.isEmpty() ? Optional.empty() : Optional.of(field);
    }

    /**
     * Where the first warning that names a field ({@code spec.template.spec.nodeSelector[beta.kubernetes.io/arch]:
     * deprecated since v1.14; ...}) points in the manifest: the field, or its deepest ancestor the manifest writes
     * (a field the server defaulted); the object itself when no warning names a field.
     */
    static Location warnedField(Resource resource, List<String> warnings) {
        for (String warning : warnings) {
            int colon = warning.indexOf(": ");
            String field = colon < 0 ? "" : warning.substring(0, colon);
            if (FIELD_PATH.matcher(field).matches()) {
                return resource.locationAt(tokens(field));
            }
        }
        return resource.location();
    }

    /** A field path as the API server writes it: names joined by dots, indexes and map keys in brackets. */
    private static final java.util.regex.Pattern FIELD_PATH =
            java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9]*(\\.[A-Za-z][A-Za-z0-9]*|\\[[^\\]]+\\])*");

    /**
     * {@code spec.containers[0].image} as JSON pointer tokens: spec, containers, 0, image. A bracketed map key is one
     * token, dots and slashes included ({@code nodeSelector[kubernetes.io/arch]}: nodeSelector, kubernetes.io/arch).
     */
    static List<String> tokens(String field) {
        List<String> tokens = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '.' || c == '[') {
                if (current.length() > 0) {
                    tokens.add(current.toString());
                    current.setLength(0);
                }
                if (c == '[') {
                    int close = field.indexOf(']', i);
                    if (close < 0) {
                        current.append(field, i + 1, field.length());
                        break;
                    }
                    tokens.add(field.substring(i + 1, close));
                    i = close;
                }
            } else {
                current.append(c);
            }
        }
        if (current.length() > 0) {
            tokens.add(current.toString());
        }
        return tokens;
    }
}
