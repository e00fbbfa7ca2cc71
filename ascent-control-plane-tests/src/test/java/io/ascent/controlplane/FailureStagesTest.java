package io.ascent.controlplane;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.openapi.apis.AppsV1Api;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1DeploymentSpec;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The label-gated kwok stages that make the fake kubelet fail the way a real one does. */
@ExtendWith(ControlPlaneExtension.class)
class FailureStagesTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void shouldKeepDeploymentUnavailableWhileItsImageCannotBePulled(ClusterAccess cluster) throws Exception {
        String namespace = cluster.namespace();
        AppsV1Api apps = new AppsV1Api(cluster.client());
        apps.createNamespacedDeployment(namespace, deployment("unpullable", KwokStageLabels.IMAGE_PULL_FAILURE))
                .execute();

        V1ContainerStatus status = awaitContainerStatus(cluster, "unpullable",
                container -> container.getState() != null && container.getState().getWaiting() != null
                        && "ImagePullBackOff".equals(container.getState().getWaiting().getReason()));
        assertThat(status.getReady()).isFalse();
        assertThat(status.getState().getWaiting().getMessage()).contains("registry.invalid/unpullable:1");

        V1Deployment deployment = Eventually.await("deployment unpullable reported unavailable", TIMEOUT,
                () -> apps.readNamespacedDeployment("unpullable", namespace).execute(),
                candidate -> candidate.getStatus() != null && candidate.getStatus().getConditions() != null
                        && candidate.getStatus().getConditions().stream().anyMatch(
                                condition -> "Available".equals(condition.getType())
                                        && "False".equals(condition.getStatus())));
        assertThat(deployment.getStatus().getAvailableReplicas()).isNull();
        assertThat(deployment.getStatus().getUnavailableReplicas()).isEqualTo(1);
        // Still not available a moment later: the stage does not drift into Running.
        Thread.sleep(3000);
        assertThat(apps.readNamespacedDeployment("unpullable", namespace).execute().getStatus().getAvailableReplicas())
                .isNull();
    }

    @Test
    void shouldReportCrashLoopBackOffWithRestartsAndLastTerminatedState(ClusterAccess cluster) throws Exception {
        new AppsV1Api(cluster.client())
                .createNamespacedDeployment(cluster.namespace(), deployment("crasher", KwokStageLabels.CRASH_LOOP))
                .execute();

        V1ContainerStatus status = awaitContainerStatus(cluster, "crasher",
                container -> container.getRestartCount() != null && container.getRestartCount() >= 2
                        && container.getState() != null && container.getState().getWaiting() != null
                        && "CrashLoopBackOff".equals(container.getState().getWaiting().getReason()));

        assertThat(status.getReady()).isFalse();
        assertThat(status.getLastState().getTerminated()).isNotNull();
        assertThat(status.getLastState().getTerminated().getExitCode()).isEqualTo(1);
        assertThat(status.getLastState().getTerminated().getReason()).isEqualTo("Error");
        V1Deployment deployment = new AppsV1Api(cluster.client())
                .readNamespacedDeployment("crasher", cluster.namespace()).execute();
        assertThat(deployment.getStatus().getAvailableReplicas()).isNull();
    }

    private static V1ContainerStatus awaitContainerStatus(ClusterAccess cluster, String app,
            java.util.function.Predicate<V1ContainerStatus> expected) throws Exception {
        CoreV1Api core = new CoreV1Api(cluster.client());
        List<V1Pod> pods = Eventually.await("a pod of " + app + " in the expected container state", TIMEOUT,
                () -> core.listNamespacedPod(cluster.namespace()).labelSelector("app=" + app).execute().getItems(),
                candidates -> candidates.stream()
                        .map(pod -> pod.getStatus().getContainerStatuses())
                        .filter(Objects::nonNull)
                        .flatMap(List::stream)
                        .anyMatch(expected));
        return pods.stream()
                .map(pod -> pod.getStatus().getContainerStatuses())
                .filter(Objects::nonNull)
                .flatMap(List::stream)
                .filter(expected)
                .findFirst().orElseThrow();
    }

    private static V1Deployment deployment(String app, String simulatedFailure) {
        return new V1Deployment()
                .metadata(new V1ObjectMeta().name(app))
                .spec(new V1DeploymentSpec()
                        .replicas(1)
                        .selector(new V1LabelSelector().matchLabels(Map.of("app", app)))
                        .template(new V1PodTemplateSpec()
                                .metadata(new V1ObjectMeta().labels(Map.of(
                                        "app", app,
                                        KwokStageLabels.SIMULATE, simulatedFailure)))
                                .spec(new V1PodSpec().containers(List.of(new V1Container()
                                        .name(app).image("registry.invalid/" + app + ":1"))))));
    }
}
