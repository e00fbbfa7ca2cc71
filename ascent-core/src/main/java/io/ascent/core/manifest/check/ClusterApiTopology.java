package io.ascent.core.manifest.check;

import io.ascent.core.manifest.Resource;
import io.ascent.core.manifest.api.KubernetesVersion;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * Which Kubernetes version the nodes run that read a ClusterAPI object's files, gathered across all manifests
 * (the object naming the version may come after the one carrying the files): a KubeadmControlPlane's own
 * {@code spec.version}; a MachineDeployment's, MachineSet's or MachinePool's {@code spec.template.spec.version} and a
 * Machine's {@code spec.version} for the bootstrap config they name; and for a ClusterClass's templates, the
 * {@code spec.topology.version} of every Cluster built from the class. Reads v1beta1 and v1beta2 field names
 * ({@code ref} and {@code templateRef}, {@code topology.class} and {@code topology.classRef}).
 */
final class ClusterApiTopology {
    private static final String CORE_GROUP = "cluster.x-k8s.io/";
    private static final String CONTROL_PLANE_GROUP = "controlplane.cluster.x-k8s.io/";
    private static final String CLUSTER_CLASS = "ClusterClass";

    /**
     * A version the nodes run, and where it is written.
     *
     * @param version the version, or {@code null} when the text written is not a Kubernetes version
     * @param source  such as {@code MachineDeployment/md-0 spec.template.spec.version v1.22.1}
     * @param leftToVariable the text written is a clusterctl template variable without a default
     *                       ({@code ${KUBERNETES_VERSION}}): the nodes run whatever the user sets, so the checklist's
     *                       target stands in for it ({@code version} is then the target, or {@code null} before it is
     *                       known)
     */
    record NodeVersion(KubernetesVersion version, String source, boolean leftToVariable) {
        NodeVersion(KubernetesVersion version, String source) {
            this(version, source, false);
        }

        /** This version, or the checklist's {@code target} standing in for a variable without a default. */
        NodeVersion orTarget(KubernetesVersion target) {
            return version == null && leftToVariable && target != null ? new NodeVersion(target, source, true) : this;
        }
    }

    /**
     * A Cluster built from a ClusterClass, with what its patches are evaluated against.
     *
     * @param variables {@code spec.topology.variables} by name
     * @param machineDeployments the {@code spec.topology.workers.machineDeployments[].class} names it uses
     * @param machinePools the {@code spec.topology.workers.machinePools[].class} names it uses
     */
    record TopologyCluster(String displayName, String name, String namespace, String versionWritten,
            NodeVersion version, Map<String, Object> variables, List<String> machineDeployments,
            List<String> machinePools) {
    }

    /**
     * A reference to an object. An empty namespace is "the namespace the manifests are applied to", which matches
     * any namespace written on the other side: manifests often name it on one object and leave it out on another.
     */
    private record Ref(String kind, String namespace, String name) {
        Ref {
            name = name == null ? "" : name;
        }

        boolean matches(Ref other) {
            return kind.equals(other.kind) && name.equals(other.name)
                    && (namespace.isEmpty() || other.namespace.isEmpty() || namespace.equals(other.namespace));
        }
    }

    private final List<Map.Entry<Ref, NodeVersion>> direct = new ArrayList<>();
    private final List<Map.Entry<Ref, Ref>> classesUsing = new ArrayList<>();
    private final List<Map.Entry<Ref, TopologyCluster>> clusters = new ArrayList<>();

    /** Notes what {@code resource} says about node versions; ignores everything else. */
    void collect(Resource resource) {
        String apiVersion = resource.apiVersion();
        String kind = resource.kind();
        if (apiVersion == null || kind == null) {
            return;
        }
        boolean controlPlane = apiVersion.startsWith(CONTROL_PLANE_GROUP) && "KubeadmControlPlane".equals(kind);
        if (!controlPlane && !apiVersion.startsWith(CORE_GROUP)) {
            return; // not ClusterAPI's: its JSON is not needed (most runs never build it)
        }
        JSONObject spec = resource.json().optJSONObject("spec");
        if (spec == null) {
            return;
        }
        String namespace = resource.namespace();
        if (controlPlane) {
            version(spec, "version", "spec.version")
                    .ifPresent(v -> direct.add(Map.entry(new Ref(kind, namespace, resource.name()), v)));
        } else {
            switch (kind) {
                case "MachineDeployment", "MachineSet", "MachinePool" -> machineTemplate(resource, spec, namespace);
                case "Machine" -> bootstrap(resource.displayName(), spec, "spec.", namespace);
                case CLUSTER_CLASS -> clusterClass(resource, spec, namespace);
                case "Cluster" -> cluster(resource, spec, namespace);
                default -> {
                }
            }
        }
    }

    /** The versions the nodes reading {@code kind/name}'s files run, empty when no manifest says. */
    List<NodeVersion> versionsFor(String kind, String namespace, String name) {
        Ref target = new Ref(kind, namespace, name);
        Set<NodeVersion> versions = new LinkedHashSet<>();
        direct.stream().filter(e -> e.getKey().matches(target)).forEach(e -> versions.add(e.getValue()));
        for (Map.Entry<Ref, Ref> use : classesUsing) {
            if (use.getKey().matches(target)) {
                for (TopologyCluster cluster : clustersOf(use.getValue())) {
                    if (cluster.version() != null) {
                        versions.add(cluster.version());
                    }
                }
            }
        }
        return List.copyOf(versions);
    }

    /** The Clusters built from the ClusterClass {@code namespace/name}. */
    List<TopologyCluster> clustersOf(String namespace, String name) {
        return clustersOf(new Ref(CLUSTER_CLASS, namespace, name));
    }

    private List<TopologyCluster> clustersOf(Ref clusterClass) {
        List<TopologyCluster> found = new ArrayList<>();
        for (Map.Entry<Ref, TopologyCluster> cluster : clusters) {
            if (cluster.getKey().matches(clusterClass) && !found.contains(cluster.getValue())) {
                found.add(cluster.getValue());
            }
        }
        return found;
    }

    private void machineTemplate(Resource resource, JSONObject spec, String namespace) {
        JSONObject template = spec.optJSONObject("template");
        JSONObject templateSpec = template == null ? null : template.optJSONObject("spec");
        if (templateSpec != null) {
            bootstrap(resource.displayName(), templateSpec, "spec.template.spec.", namespace);
        }
    }

    private void bootstrap(String owner, JSONObject machineSpec, String field, String namespace) {
        JSONObject bootstrap = machineSpec.optJSONObject("bootstrap");
        JSONObject ref = bootstrap == null ? null : bootstrap.optJSONObject("configRef");
        if (ref == null || !(ref.opt("name") instanceof String name)) {
            return;
        }
        String kind = ref.optString("kind", "");
        version(machineSpec, "version", owner + " " + field + "version")
                .ifPresent(v -> direct.add(Map.entry(new Ref(kind, ref.optString("namespace", namespace), name), v)));
    }

    private void clusterClass(Resource resource, JSONObject spec, String namespace) {
        Ref self = new Ref(CLUSTER_CLASS, namespace, resource.name());
        JSONObject controlPlane = spec.optJSONObject("controlPlane");
        usedBy(templateRef(controlPlane), namespace, self);
        JSONObject workers = spec.optJSONObject("workers");
        for (String pool : List.of("machineDeployments", "machinePools")) {
            JSONArray classes = workers == null ? null : workers.optJSONArray(pool);
            for (int i = 0; classes != null && i < classes.length(); i++) {
                JSONObject workerClass = classes.optJSONObject(i);
                JSONObject template = workerClass == null ? null : workerClass.optJSONObject("template");
                JSONObject bootstrap = template == null ? workerClass == null ? null
                        : workerClass.optJSONObject("bootstrap") : template.optJSONObject("bootstrap");
                usedBy(templateRef(bootstrap), namespace, self);
            }
        }
    }

    private static JSONObject templateRef(JSONObject holder) {
        if (holder == null) {
            return null;
        }
        JSONObject ref = holder.optJSONObject("ref");
        return ref != null ? ref : holder.optJSONObject("templateRef");
    }

    private void usedBy(JSONObject ref, String namespace, Ref clusterClass) {
        if (ref != null && ref.opt("name") instanceof String name) {
            classesUsing.add(Map.entry(new Ref(ref.optString("kind", ""), ref.optString("namespace", namespace),
                    name), clusterClass));
        }
    }

    private void cluster(Resource resource, JSONObject spec, String namespace) {
        JSONObject topology = spec.optJSONObject("topology");
        if (topology == null) {
            return;
        }
        JSONObject classRef = topology.optJSONObject("classRef");
        String className = classRef != null ? classRef.optString("name", null) : topology.optString("class", null);
        if (className == null) {
            return;
        }
        String classNamespace = classRef != null ? classRef.optString("namespace", namespace)
                : topology.optString("classNamespace", namespace);
        Map<String, Object> variables = new HashMap<>();
        JSONArray written = topology.optJSONArray("variables");
        for (int i = 0; written != null && i < written.length(); i++) {
            JSONObject variable = written.optJSONObject(i);
            if (variable != null && variable.opt("name") instanceof String name && variable.has("value")) {
                variables.put(name, variable.get("value"));
            }
        }
        JSONObject workers = topology.optJSONObject("workers");
        List<String> deployments = workerClasses(workers, "machineDeployments");
        List<String> pools = workerClasses(workers, "machinePools");
        NodeVersion version = version(topology, "version", resource.displayName() + " spec.topology.version")
                .orElse(null);
        String versionText = topology.optString("version", null);
        TemplateVariables.Defaulted defaulted = versionText == null ? null
                : TemplateVariables.withDefaults(versionText);
        clusters.add(Map.entry(new Ref(CLUSTER_CLASS, classNamespace, className), new TopologyCluster(
                resource.displayName(), resource.name(), namespace, defaulted == null ? versionText : defaulted.text(),
                version, variables, deployments, pools)));
    }

    private static List<String> workerClasses(JSONObject workers, String field) {
        List<String> classes = new ArrayList<>();
        JSONArray topologies = workers == null ? null : workers.optJSONArray(field);
        for (int i = 0; topologies != null && i < topologies.length(); i++) {
            JSONObject worker = topologies.optJSONObject(i);
            if (worker != null && worker.opt("class") instanceof String workerClass) {
                classes.add(workerClass);
            }
        }
        return classes;
    }

    private static java.util.Optional<NodeVersion> version(JSONObject holder, String key, String source) {
        if (!(holder.opt(key) instanceof String written)) {
            return java.util.Optional.empty();
        }
        String version = written;
        String said = source + " " + written;
        if (!TemplateVariables.in(written).isEmpty()) {
            // a clusterctl template: the default is what a user who sets nothing gets; without one, the user decides
            TemplateVariables.Defaulted defaulted = TemplateVariables.withDefaults(written);
            if (defaulted == null) {
                return java.util.Optional.of(new NodeVersion(null, source + " '" + written + "'", true));
            }
            version = defaulted.text();
            said = source + " " + defaulted.note(written);
        }
        try {
            return java.util.Optional.of(new NodeVersion(KubernetesVersion.parse(version), said));
        } catch (IllegalArgumentException notAVersion) {
            return java.util.Optional.of(new NodeVersion(null, version.equals(written) ? source + " '" + written + "'"
                    : said));
        }
    }
}
