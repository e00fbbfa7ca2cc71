package io.ascent.core.provision.kube;

import static io.ascent.core.provision.kube.ApiServerDouble.json;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An interrupt (Ctrl-C or SIGTERM during teardown, an aborted build) that arrives while the namespace's DELETE request
 * itself is on its way: the request is not cut off, its answer is awaited and the wait for the namespace follows.
 */
class NamespaceTeardownInterruptTest {

    private static final String NAMESPACE = "ascent-20261130t120000z-abcd";
    private static final String PATH = "/api/v1/namespaces/" + NAMESPACE;

    private final ApiServerDouble server = ApiServerDouble.started();

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        server.close();
    }

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
            json(200, namespace("Terminating")).answer(exchange);
        }).always("GET /api/v1/namespaces", json(200, "{\"kind\":\"NamespaceList\",\"apiVersion\":\"v1\","
                + "\"metadata\":{\"resourceVersion\":\"7\"},\"items\":[]}"));
        RecordingProgress progress = new RecordingProgress();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicBoolean flagAfterwards = new AtomicBoolean();
        Thread teardown = new Thread(() -> {
            try {
                new ExistingClusterDriver().delete(cluster(), progress);
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

    private static String namespace(String phase) {
        return "{\"kind\":\"Namespace\",\"apiVersion\":\"v1\",\"metadata\":{\"name\":\"" + NAMESPACE + "\"},"
                + "\"status\":{\"phase\":\"" + phase + "\"}}";
    }

}
