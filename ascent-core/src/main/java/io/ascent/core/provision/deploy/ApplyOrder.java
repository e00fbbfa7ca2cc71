package io.ascent.core.provision.deploy;

import io.ascent.core.manifest.Resource;
import java.util.Comparator;
import java.util.List;

/**
 * The order objects are applied in, so that what an object needs exists before it: namespaces, then
 * CustomResourceDefinitions (waited for until Established before their custom resources are applied), RBAC,
 * policy and storage, configuration, services, workloads, then whatever refers to workloads (disruption budgets,
 * autoscalers, ingresses), and custom resources last. Within a rank the manifests' own order is kept. The same idea
 * as Helm's install order, cut to what a test deployment holds.
 */
public final class ApplyOrder {

    static final List<String> KINDS = List.of(
            "Namespace",
            "CustomResourceDefinition",
            "PriorityClass", "StorageClass", "PersistentVolume",
            "ServiceAccount", "ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding",
            "NetworkPolicy", "ResourceQuota", "LimitRange",
            "ConfigMap", "Secret", "PersistentVolumeClaim",
            "Service",
            "DaemonSet", "StatefulSet", "Deployment", "ReplicaSet", "ReplicationController", "Pod", "Job", "CronJob",
            "PodDisruptionBudget", "HorizontalPodAutoscaler", "IngressClass", "Ingress");

    private ApplyOrder() {
    }

    /** The rank of a kind: its place in {@link #KINDS}, unknown kinds (custom resources) last. */
    public static int rank(String kind) {
        int index = KINDS.indexOf(kind);
        return index < 0 ? KINDS.size() : index;
    }

    /** The resources sorted into apply order; stable. */
    public static List<Resource> sort(List<Resource> resources) {
        return resources.stream().sorted(Comparator.comparingInt(r -> rank(r.kind() == null ? "" : r.kind())))
                .toList();
    }
}
