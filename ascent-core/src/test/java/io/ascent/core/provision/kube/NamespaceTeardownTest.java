package io.ascent.core.provision.kube;

import static io.ascent.core.provision.kube.ApiServerDouble.json;
import static io.ascent.core.provision.kube.ApiServerDouble.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.provision.ProvisionException;
import io.ascent.core.provision.ProvisionedCluster;
import io.ascent.core.provision.existing.ExistingClusterDriver;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code existing} driver's teardown: the namespace's DELETE, then its pods' with a short grace period (so the
 * namespace controller finds nothing left at its first pass), then the wait until the namespace is gone.
 */
class NamespaceTeardownTest {

    private static final String NAMESPACE = "ascent-20261130t230000z-efgh";
    private static final String PATH = "/api/v1/namespaces/" + NAMESPACE;
    private static final String GONE = "{\"kind\":\"NamespaceList\",\"apiVersion\":\"v1\","
            + "\"metadata\":{\"resourceVersion\":\"9\"},\"items\":[]}";

    private final ApiServerDouble server = ApiServerDouble.started();
    private final RecordingProgress progress = new RecordingProgress();

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void shouldDeleteThePodsWithAOneSecondGracePeriodRightAfterTheNamespace() throws Exception {
        server.then("DELETE " + PATH, json(200, terminating()))
                .then("DELETE " + PATH + "/pods", json(200, "{\"kind\":\"PodList\",\"apiVersion\":\"v1\","
                        + "\"metadata\":{},\"items\":[]}"))
                .always("GET /api/v1/namespaces", json(200, GONE));

        new ExistingClusterDriver(new KubeConnections(System.getenv())).delete(cluster(), progress);

        assertThat(server.requests("DELETE ")).as("the namespace first: no controller can replace a pod after it")
                .containsExactly("DELETE " + PATH, "DELETE " + PATH + "/pods");
        assertThat(new JSONObject(server.lastBody("DELETE " + PATH + "/pods")).getInt("gracePeriodSeconds"))
                .isEqualTo(1);
        assertThat(new JSONObject(server.lastBody("DELETE " + PATH)).getString("propagationPolicy"))
                .isEqualTo("Background");
        assertThat(progress.lines).contains("teardown: namespace " + NAMESPACE + " deleted");
        assertThat(progress.debugLines).isEmpty();
    }

    @Test
    void shouldLeaveThePodsToTheNamespaceControllerWhenTheirDeletionIsForbidden() throws Exception {
        server.then("DELETE " + PATH, json(200, terminating()))
                .then("DELETE " + PATH + "/pods", status(403, "Forbidden",
                        "pods is forbidden: User \\\"ci\\\" cannot deletecollection resource \\\"pods\\\""))
                .always("GET /api/v1/namespaces", json(200, GONE));

        new ExistingClusterDriver(new KubeConnections(System.getenv())).delete(cluster(), progress);

        assertThat(progress.lines).as("the teardown still succeeds").contains("teardown: namespace " + NAMESPACE
                + " deleted");
        assertThat(progress.debugLines).singleElement().asString()
                .contains("pods of namespace " + NAMESPACE + " are left to the namespace controller")
                .contains("403");
        assertThat(server.requests("GET /api/v1/namespaces")).as("and waits for the namespace")
                .anyMatch(request -> request.contains("metadata.name%3D" + NAMESPACE));
    }

    @Test
    void shouldNotTouchPodsWhenTheNamespaceIsAlreadyGone() throws Exception {
        server.then("DELETE " + PATH, status(404, "NotFound", "namespaces \\\"" + NAMESPACE + "\\\" not found"));

        new ExistingClusterDriver(new KubeConnections(System.getenv())).delete(cluster(), progress);

        assertThat(server.requests("DELETE ")).containsExactly("DELETE " + PATH);
        assertThat(progress.lines).contains("teardown: namespace " + NAMESPACE + " deleted");
    }

    /**
     * An interrupt (Ctrl-C or SIGTERM during teardown, an aborted build) that arrives while the namespace's DELETE
     * request itself is on its way: the request is not cut off, its answer is awaited and the wait for the namespace
     * follows.
     */
    @Test
    void shouldFinishTheDeleteRequestAndItsWaitWhenInterruptedWhileTheRequestIsInFlight() throws Exception {
        CountDownLatch received = new CountDownLatch(1);
        CountDownLatch answer = new CountDownLatch(1);
        server.then("DELETE " + PATH, exchange -> {
            received.countDown();
            try {
                answer.await(30, TimeUnit.SECONDS); // the server holds its answer
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            json(200, terminating()).answer(exchange);
        }).always("GET /api/v1/namespaces", json(200, "{\"kind\":\"NamespaceList\",\"apiVersion\":\"v1\","
                + "\"metadata\":{\"resourceVersion\":\"7\"},\"items\":[]}"));
        RecordingProgress progress = new RecordingProgress();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicBoolean flagAfterwards = new AtomicBoolean();
        Thread teardown = new Thread(() -> {
            try {
                new ExistingClusterDriver(new KubeConnections(System.getenv())).delete(cluster(), progress);
            } catch (ProvisionException | RuntimeException e) {
                failure.set(e);
            } catch (Exception e) {
                failure.set(e);
            }
            flagAfterwards.set(Thread.currentThread().isInterrupted());
        }, "teardown-under-test");
        teardown.start();
        assertThat(received.await(30, TimeUnit.SECONDS)).as("the DELETE reached the server").isTrue();

        teardown.interrupt();
        teardown.join(500);
        assertThat(teardown.isAlive()).as("still waiting for the DELETE's answer after the interrupt").isTrue();
        answer.countDown();
        teardown.join(30_000);

        assertThat(teardown.isAlive()).isFalse();
        assertThat(failure.get()).as("no failure, no 'was interrupted'").isNull();
        assertThat(progress.lines).contains("teardown: namespace " + NAMESPACE + " deleted");
        assertThat(server.requests("DELETE ")).as("one DELETE of the namespace, answered, then its pods'")
                .containsExactly("DELETE " + PATH, "DELETE " + PATH + "/pods");
        assertThat(server.requests("GET /api/v1/namespaces")).as("the wait for the namespace followed")
                .anyMatch(request -> request.contains("metadata.name%3D" + NAMESPACE));
        assertThat(flagAfterwards.get()).as("the interrupt is kept for the caller").isTrue();
    }

    private ProvisionedCluster cluster() throws Exception {
        return new ProvisionedCluster(ExistingClusterDriver.NAME, "double", server.kubeconfig(dir), Optional.empty(),
                NAMESPACE, false);
    }

    private static String terminating() {
        return "{\"kind\":\"Namespace\",\"apiVersion\":\"v1\",\"metadata\":{\"name\":\"" + NAMESPACE + "\"},"
                + "\"status\":{\"phase\":\"Terminating\"}}";
    }
}
