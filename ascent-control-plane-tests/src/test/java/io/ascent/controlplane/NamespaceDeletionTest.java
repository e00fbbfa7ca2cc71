package io.ascent.controlplane;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.AppsV1Api;
import io.kubernetes.client.openapi.apis.BatchV1Api;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1DeploymentSpec;
import io.kubernetes.client.openapi.models.V1Job;
import io.kubernetes.client.openapi.models.V1JobSpec;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServicePort;
import io.kubernetes.client.openapi.models.V1ServiceSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ControlPlaneExtension.class)
class NamespaceDeletionTest {

    /**
     * "Within seconds": kwok removes terminating pods at once, so what remains is
     * the namespace controller's own pace (about 10 s here); a real kubelet would
     * add the pods' 30 s grace period on top.
     */
    private static final Duration DELETION_LIMIT = Duration.ofSeconds(25);

    @Test
    void shouldDeleteNamespaceWithWorkloadsWithinSeconds(ClusterAccess cluster) throws Exception {
        String namespace = cluster.namespace();
        CoreV1Api core = new CoreV1Api(cluster.client());
        new AppsV1Api(cluster.client()).createNamespacedDeployment(namespace, new V1Deployment()
                .metadata(new V1ObjectMeta().name("web"))
                .spec(new V1DeploymentSpec().replicas(3)
                        .selector(new V1LabelSelector().matchLabels(Map.of("app", "web")))
                        .template(template(Map.of("app", "web"), "Always")))).execute();
        new BatchV1Api(cluster.client()).createNamespacedJob(namespace, new V1Job()
                .metadata(new V1ObjectMeta().name("long-job"))
                .spec(new V1JobSpec().template(template(Map.of(
                        "app", "job", KwokStageLabels.SIMULATE, KwokStageLabels.CRASH_LOOP), "OnFailure"))))
                .execute();
        core.createNamespacedService(namespace, new V1Service().metadata(new V1ObjectMeta().name("web"))
                .spec(new V1ServiceSpec().selector(Map.of("app", "web"))
                        .ports(List.of(new V1ServicePort().port(80))))).execute();
        core.createNamespacedConfigMap(namespace, new V1ConfigMap().metadata(new V1ObjectMeta().name("settings"))
                .data(Map.of("key", "value"))).execute();
        Eventually.await("4 pods scheduled and started", Duration.ofSeconds(60),
                () -> core.listNamespacedPod(namespace).execute().getItems(),
                pods -> pods.size() == 4 && pods.stream().allMatch(pod -> "Running".equals(pod.getStatus().getPhase())));

        Instant deleting = Instant.now();
        core.deleteNamespace(namespace).execute();
        Eventually.await("namespace " + namespace + " gone", DELETION_LIMIT,
                () -> namespaceExists(core, namespace), exists -> !exists);
        Duration took = Duration.between(deleting, Instant.now());

        assertThat(core.listPodForAllNamespaces().fieldSelector("metadata.namespace=" + namespace)
                .execute().getItems()).isEmpty();
        assertThat(took).isLessThan(DELETION_LIMIT);
        System.out.printf("namespace %s with 4 pods deleted in %d ms%n", namespace, took.toMillis());
    }

    private static boolean namespaceExists(CoreV1Api core, String namespace) throws ApiException {
        try {
            core.readNamespace(namespace).execute();
            return true;
        } catch (ApiException e) {
            if (e.getCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    private static V1PodTemplateSpec template(Map<String, String> labels, String restartPolicy) {
        return new V1PodTemplateSpec()
                .metadata(new V1ObjectMeta().labels(labels))
                .spec(new V1PodSpec().restartPolicy(restartPolicy)
                        .containers(List.of(new V1Container().name("main").image("registry.invalid/main:1"))));
    }
}
