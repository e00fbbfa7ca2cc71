package io.ascent.controlplane;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.openapi.apis.BatchV1Api;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Job;
import io.kubernetes.client.openapi.models.V1JobSpec;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ControlPlaneExtension.class)
class JobCompletionTest {

    @Test
    void shouldRunJobToCompletion(ClusterAccess cluster) throws Exception {
        BatchV1Api batch = new BatchV1Api(cluster.client());
        String namespace = cluster.namespace();
        batch.createNamespacedJob(namespace, new V1Job()
                .metadata(new V1ObjectMeta().name("migrate"))
                .spec(new V1JobSpec()
                        .backoffLimit(0)
                        .template(new V1PodTemplateSpec().spec(new V1PodSpec()
                                .restartPolicy("Never")
                                .containers(List.of(new V1Container().name("migrate")
                                        .image("registry.invalid/migrate:1")))))))
                .execute();

        V1Job job = Eventually.await("job migrate Complete", Duration.ofSeconds(60),
                () -> batch.readNamespacedJob("migrate", namespace).execute(),
                candidate -> candidate.getStatus() != null && candidate.getStatus().getConditions() != null
                        && candidate.getStatus().getConditions().stream().anyMatch(
                                condition -> "Complete".equals(condition.getType())
                                        && "True".equals(condition.getStatus())));

        assertThat(job.getStatus().getSucceeded()).isEqualTo(1);
        assertThat(job.getStatus().getFailed()).isNull();
        assertThat(job.getStatus().getCompletionTime()).isNotNull();
        List<V1Pod> pods = new CoreV1Api(cluster.client()).listNamespacedPod(namespace)
                .labelSelector("job-name=migrate").execute().getItems();
        assertThat(pods).singleElement().satisfies(pod -> {
            assertThat(pod.getStatus().getPhase()).isEqualTo("Succeeded");
            assertThat(pod.getSpec().getNodeName()).startsWith(FakeNodes.NAME_PREFIX);
            assertThat(pod.getStatus().getContainerStatuses()).singleElement().satisfies(status -> {
                assertThat(status.getState().getTerminated().getExitCode()).isZero();
                assertThat(status.getState().getTerminated().getReason()).isEqualTo("Completed");
            });
        });
    }
}
