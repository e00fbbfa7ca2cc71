package io.ascent.core.provision.kube;

import static io.ascent.core.provision.kube.ApiServerDouble.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.checklist.ProvisionSettings.HttpProbe;
import io.ascent.core.checklist.ProvisionSettings.SmokeTest;
import io.ascent.core.progress.ProgressListener;
import io.ascent.core.provision.smoke.SmokeTestRunner;
import io.ascent.core.report.Item;
import io.ascent.core.report.Location;
import io.ascent.core.report.Status;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An {@code http} smoke test sends the checklist's method through the service proxy (GET unless it says otherwise). */
class SmokeTestMethodTest {

    private static final String PROXY = "/api/v1/namespaces/ns/services/web:80/proxy/orders";

    private final ApiServerDouble server = ApiServerDouble.started();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void shouldSendTheTestsMethodWithAnEmptyBodyThroughTheServiceProxy() throws Exception {
        server.then("POST " + PROXY, json(201, "{\"created\":true}"));

        Item item = run("POST", 201);

        assertThat(item.status()).as(item.message()).isEqualTo(Status.PASS);
        assertThat(item.message()).startsWith("orders: POST /orders on web:80 answered 201");
        assertThat(server.requests("GET ")).isEmpty();
    }

    @Test
    void shouldSendGetWhenTheTestNamesNoOtherMethod() throws Exception {
        server.then("GET " + PROXY, json(200, "[]"));

        assertThat(run("GET", 200).status()).isEqualTo(Status.PASS);
        assertThat(server.requests("POST ")).isEmpty();
    }

    @Test
    void shouldNameTheMethodWhenTheTestFails() throws Exception {
        server.always("DELETE " + PROXY, json(405, "{}"));

        Item item = run("DELETE", 204);

        assertThat(item.status()).isEqualTo(Status.FAIL);
        assertThat(item.message()).startsWith("orders: DELETE /orders on web:80 through the API server's service proxy "
                + "failed").contains("answered 405, expected 204");
    }

    @Test
    void shouldSayWhatItGotWhileItRetriesAndHowItEnded() throws Exception {
        server.then("GET " + PROXY, json(503, "{}"), json(503, "{}")).always("GET " + PROXY, json(200, "[]"));
        RecordingProgress progress = new RecordingProgress();

        Item item = run("GET", 200, Duration.ofSeconds(10), progress);

        assertThat(item.status()).as(item.message()).isEqualTo(Status.PASS);
        assertThat(progress.lines).as("one line per new answer, not per attempt, then the outcome").containsExactly(
                "tests: orders: answered 503, expected 200: {}; retrying (0 s of 10 s)", "tests: orders pass");
    }

    private Item run(String method, int expect) throws InterruptedException {
        return run(method, expect, Duration.ofMillis(600), new RecordingProgress());
    }

    private Item run(String method, int expect, Duration timeout, ProgressListener progress)
            throws InterruptedException {
        SmokeTest test = new SmokeTest("orders", timeout,
                Optional.of(new HttpProbe("web", "80", method, "/orders", expect, Optional.empty())), Optional.empty());
        return new SmokeTestRunner(server.connection(), null, null, progress)
                .http(test, test.http().orElseThrow(), "ns", new Location("ascent.yaml", 9, 7));
    }

}
