package io.ascent.controlplane.provision;

import static io.ascent.controlplane.provision.ProvisionFixtures.describe;
import static io.ascent.controlplane.provision.ProvisionFixtures.namespaceExists;
import static io.ascent.controlplane.provision.ProvisionFixtures.runNamespace;
import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.controlplane.ClusterAccess;
import io.ascent.controlplane.ControlPlaneExtension;
import io.ascent.core.Ascent;
import io.ascent.core.provision.ProvisionOptions;
import io.ascent.core.report.Report;
import io.ascent.core.report.Verdict;
import com.google.gson.reflect.TypeToken;
import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.util.Config;
import io.kubernetes.client.util.PatchUtils;
import io.kubernetes.client.util.Watch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code existing} driver's teardown stops the run's pods with a one-second grace period right after deleting the
 * namespace, so that the namespace controller, which starts on it only 5 s later, finds nothing left and removes it
 * at its first pass. Without it the controller deletes the pods itself, with their own grace period (30 s here).
 */
@ExtendWith(ControlPlaneExtension.class)
class NamespaceTeardownGraceTest {

    /** Holds the pod, terminating, until the test has read how it was deleted (kwok removes a pod at once). */
    private static final String HOLD = "ascent.dev/test-hold";
    /** The application's name, and its pods' {@code app} label: no other test's. */
    private static final String NAME = "teardown-grace";

    @TempDir
    Path temp;

    @Test
    void shouldStopTheRunsPodsWithAOneSecondGracePeriodRightAfterDeletingTheNamespace(ClusterAccess cluster)
            throws Exception {
        Path app = ProvisionFixtures.application(temp.resolve(NAME), NAME, "", "3m");
        Path manifest = app.resolve("deploy/deployment.yaml");
        String held = Files.readString(manifest).replace("      labels: {app: " + NAME + "}\n",
                "      labels: {app: " + NAME + "}\n      finalizers: [" + HOLD + "]\n");
        assertThat(held).contains(HOLD);
        Files.writeString(manifest, held);
        ProvisionFixtures.RecordingProgress progress = new ProvisionFixtures.RecordingProgress();
        ApiClient client = Config.fromConfig(cluster.kubeconfig().toString());
        client.setReadTimeout(0);
        CoreV1Api core = new CoreV1Api(client);

        // Watching from before the run: kwok deletes the pod again with no grace period milliseconds after teardown
        // does, so only the first event that shows it deleted carries the grace period teardown asked for.
        try (Watch<V1Pod> pods = Watch.createWatch(client, core.listPodForAllNamespaces().labelSelector("app=" + NAME)
                .watch(true).timeoutSeconds(180).buildCall(null), new TypeToken<Watch.Response<V1Pod>>() { }.getType())) {
            CompletableFuture<Report> run = CompletableFuture.supplyAsync(() -> new Ascent().provision(
                    ProvisionOptions.builder(app).noGit(true).kubeconfig(cluster.kubeconfig())
                            .workDirectory(temp.resolve("work")).build(), progress));
            V1Pod terminating = firstDeletion(pods);
            String namespace = terminating.getMetadata().getNamespace();
            PatchUtils.patch(V1Pod.class, () -> core.patchNamespacedPod(terminating.getMetadata().getName(),
                    namespace, new V1Patch("[{\"op\":\"remove\",\"path\":\"/metadata/finalizers\"}]"))
                    .buildCall(null), V1Patch.PATCH_FORMAT_JSON_PATCH, client);
            Report report = run.get(3, TimeUnit.MINUTES);

            assertThat(terminating.getMetadata().getDeletionGracePeriodSeconds())
                    .as("the grace period it was deleted with").isEqualTo(1L);
            assertThat(terminating.getSpec().getTerminationGracePeriodSeconds()).as("its own").isEqualTo(30L);
            assertThat(report.verdict()).as(describe(report) + progress.snapshot()).isEqualTo(Verdict.PASSED);
            assertThat(runNamespace(report)).isEqualTo(namespace);
            assertThat(namespaceExists(cluster, namespace)).isFalse();
        }
    }

    private static V1Pod firstDeletion(Watch<V1Pod> pods) {
        for (Watch.Response<V1Pod> event : pods) {
            if (event.object != null && event.object.getMetadata().getDeletionTimestamp() != null) {
                return event.object;
            }
        }
        throw new AssertionError("the watch of the run's pods ended before any was deleted");
    }
}
