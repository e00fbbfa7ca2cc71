package io.ascent.controlplane;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.apis.AppsV1Api;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1ReplicaSet;
import io.kubernetes.client.util.PatchUtils;
import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import java.time.Duration;
import java.util.ArrayList;
import okhttp3.Request;
import okhttp3.Response;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ControlPlaneExtension.class)
class DeploymentRolloutTest {

    private static final Duration ROLLOUT = Duration.ofSeconds(60);

    @Test
    void shouldRollOutDeploymentWithServerSideApply(ClusterAccess cluster) throws Exception {
        AppsV1Api apps = new AppsV1Api(cluster.client());
        String namespace = cluster.namespace();

        V1Deployment applied = apply(cluster, deployment(namespace, "registry.invalid/web:1"));

        assertThat(applied.getMetadata().getUid()).isNotBlank();
        assertThat(managersOf(cluster, "/apis/apps/v1/namespaces/" + namespace + "/deployments/web"))
                .contains("ascent-test Apply");
        V1Deployment rolledOut = awaitRolledOut(apps, namespace, 1L);
        assertThat(rolledOut.getStatus().getAvailableReplicas()).isEqualTo(3);

        List<V1ReplicaSet> replicaSets = apps.listNamespacedReplicaSet(namespace).labelSelector("app=web")
                .execute().getItems();
        assertThat(replicaSets).singleElement().satisfies(replicaSet -> {
            assertThat(replicaSet.getMetadata().getOwnerReferences())
                    .anySatisfy(owner -> assertThat(owner.getUid()).isEqualTo(rolledOut.getMetadata().getUid()));
            assertThat(replicaSet.getStatus().getReadyReplicas()).isEqualTo(3);
        });
        assertPodsRunOnFakeNodes(cluster, namespace, replicaSets.get(0));
    }

    @Test
    void shouldRollOutANewRevisionWhenTheAppliedTemplateChanges(ClusterAccess cluster) throws Exception {
        AppsV1Api apps = new AppsV1Api(cluster.client());
        String namespace = cluster.namespace();
        apply(cluster, deployment(namespace, "registry.invalid/web:1"));
        awaitRolledOut(apps, namespace, 1L);

        apply(cluster, deployment(namespace, "registry.invalid/web:2"));
        awaitRolledOut(apps, namespace, 2L);

        List<V1ReplicaSet> replicaSets = Eventually.await("the old ReplicaSet scaled to 0", ROLLOUT,
                () -> apps.listNamespacedReplicaSet(namespace).labelSelector("app=web").execute().getItems(),
                sets -> sets.size() == 2 && sets.stream().anyMatch(set -> set.getStatus().getReplicas() == 0));
        V1ReplicaSet current = replicaSets.stream()
                .filter(set -> set.getStatus().getReplicas() == 3).findFirst().orElseThrow();
        assertThat(current.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .isEqualTo("registry.invalid/web:2");
        assertPodsRunOnFakeNodes(cluster, namespace, current);
    }

    /**
     * "manager operation" of each managedFields entry, read from the raw JSON:
     * client-java's typed models come back with managedFields empty.
     */
    private static List<String> managersOf(ClusterAccess cluster, String path) throws Exception {
        Request request = new Request.Builder().url(cluster.client().getBasePath() + path).get().build();
        try (Response response = cluster.client().getHttpClient().newCall(request).execute()) {
            assertThat(response.code()).isEqualTo(200);
            JsonArray entries = JsonParser.parseString(response.body().string()).getAsJsonObject()
                    .getAsJsonObject("metadata").getAsJsonArray("managedFields");
            List<String> managers = new ArrayList<>();
            entries.forEach(entry -> managers.add(entry.getAsJsonObject().get("manager").getAsString() + " "
                    + entry.getAsJsonObject().get("operation").getAsString()));
            return managers;
        }
    }

    private static V1Deployment apply(ClusterAccess cluster, String manifest) throws Exception {
        AppsV1Api apps = new AppsV1Api(cluster.client());
        return PatchUtils.patch(V1Deployment.class,
                () -> apps.patchNamespacedDeployment("web", cluster.namespace(), new V1Patch(manifest))
                        .fieldManager("ascent-test").force(true).buildCall(null),
                V1Patch.PATCH_FORMAT_APPLY_YAML, cluster.client());
    }

    private static V1Deployment awaitRolledOut(AppsV1Api apps, String namespace, long generation) throws Exception {
        return Eventually.await("deployment web generation " + generation + " rolled out to 3 available replicas",
                ROLLOUT,
                () -> apps.readNamespacedDeployment("web", namespace).execute(),
                deployment -> deployment.getMetadata().getGeneration() == generation
                        && Objects.equals(deployment.getStatus().getObservedGeneration(), generation)
                        && Objects.equals(deployment.getStatus().getUpdatedReplicas(), 3)
                        && Objects.equals(deployment.getStatus().getAvailableReplicas(), 3)
                        && Objects.equals(deployment.getStatus().getReplicas(), 3));
    }

    private static void assertPodsRunOnFakeNodes(ClusterAccess cluster, String namespace, V1ReplicaSet owner)
            throws Exception {
        CoreV1Api core = new CoreV1Api(cluster.client());
        List<V1Pod> pods = Eventually.await("3 running pods of " + owner.getMetadata().getName(), ROLLOUT,
                () -> core.listNamespacedPod(namespace).labelSelector("app=web").execute().getItems().stream()
                        .filter(pod -> pod.getMetadata().getDeletionTimestamp() == null)
                        .filter(pod -> pod.getMetadata().getOwnerReferences().stream()
                                .anyMatch(ref -> ref.getUid().equals(owner.getMetadata().getUid())))
                        .toList(),
                list -> list.size() == 3 && list.stream().allMatch(pod -> "Running".equals(pod.getStatus().getPhase())));
        List<String> nodes = core.listNode().execute().getItems().stream()
                .map(node -> node.getMetadata().getName()).toList();
        assertThat(pods).allSatisfy(pod -> {
            assertThat(pod.getSpec().getNodeName()).isIn(nodes).startsWith(FakeNodes.NAME_PREFIX);
            assertThat(pod.getStatus().getPodIP()).isNotBlank();
            assertThat(pod.getStatus().getContainerStatuses()).allSatisfy(status -> {
                assertThat(status.getReady()).isTrue();
                assertThat(status.getState().getRunning()).isNotNull();
            });
        });
    }

    private static String deployment(String namespace, String image) {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                  namespace: %s
                spec:
                  replicas: 3
                  selector:
                    matchLabels:
                      app: web
                  template:
                    metadata:
                      labels:
                        app: web
                    spec:
                      containers:
                      - name: web
                        image: %s
                """.formatted(namespace, image);
    }
}
