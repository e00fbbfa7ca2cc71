package io.ascent.core.provision.smoke;

import io.ascent.core.checklist.ProvisionSettings.HttpProbe;
import io.ascent.core.checklist.ProvisionSettings.SmokeTest;
import io.ascent.core.manifest.Resource;
import io.ascent.core.progress.ProgressListener;
import io.ascent.core.provision.ProvisionRule;
import io.ascent.core.provision.deploy.ServerSideApplier;
import io.ascent.core.provision.kube.KubeConnection;
import io.ascent.core.provision.kube.KubeException;
import io.ascent.core.provision.wait.FailureDetails;
import io.ascent.core.provision.wait.RolloutWaiter;
import io.ascent.core.provision.wait.WaitResult;
import io.ascent.core.provision.wait.WaitTarget;
import io.ascent.core.report.Item;
import io.ascent.core.report.Location;
import io.ascent.core.report.Status;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * Runs the checklist's smoke tests against the deployed application, one {@link ProvisionRule#TEST} item each:
 * {@code http} requests go through the API server's service proxy (so no port-forward and no route into the
 * cluster's network is needed) and are retried until the test's timeout; a {@code job} test applies its Job, waits
 * for it like any workload and attaches its log.
 */
public final class SmokeTestRunner {

    /** Between two attempts of an HTTP test: the application is polled, not watched (it has no events). */
    static final Duration RETRY_PAUSE = Duration.ofMillis(500);
    /**
     * How often a failing HTTP test says so while it retries: a test that waits out a 60 s timeout must not leave
     * the person watching without a line for a minute.
     */
    static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);

    private final KubeConnection connection;
    private final ServerSideApplier applier;
    private final RolloutWaiter waiter;
    private final FailureDetails details;
    private final ProgressListener progress;

    public SmokeTestRunner(KubeConnection connection, ServerSideApplier applier, RolloutWaiter waiter,
            ProgressListener progress) {
        this.connection = connection;
        this.applier = applier;
        this.waiter = waiter;
        this.details = new FailureDetails(connection);
        this.progress = progress;
    }

    /**
     * Runs an {@code http} test: its request (GET unless the checklist names another method) through the service
     * proxy until the expected answer or the timeout.
     */
    public Item http(SmokeTest test, HttpProbe http, String namespace, Location location) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + test.timeout().toNanos();
        String path = "/api/v1/namespaces/" + namespace + "/services/" + http.service() + ":" + http.port()
                + "/proxy" + http.path();
        String last = "no answer yet";
        String said = null;
        long sayAgain = start;
        int attempts = 0;
        while (true) {
            attempts++;
            try {
                KubeConnection.TextResponse response = connection.request(http.method(), path);
                boolean statusOk = response.code() == http.expectStatus();
                boolean bodyOk = http.expectBody().map(response.body()::contains).orElse(true);
                if (statusOk && bodyOk) {
                    progress.info("tests: " + test.name() + " " + Status.PASS.label());
                    return ProvisionRule.TEST.item().status(Status.PASS).key(test.name()).location(location)
                            .message(test.name() + ": " + http.method() + " " + http.path() + " on " + http.service() + ":" + http.port()
                                    + " answered " + response.code() + (http.expectBody().isPresent()
                                    ? " with '" + http.expectBody().get() + "'" : "") + " (attempt " + attempts + ")")
                            .duration(Duration.ofNanos(System.nanoTime() - start)).build();
                }
                last = "answered " + response.code() + (statusOk ? " without '" + http.expectBody().orElse("")
                        + "' in its body" : ", expected " + http.expectStatus()) + ": " + excerpt(response.body());
            } catch (KubeException e) {
                last = e.getMessage();
            }
            if (System.nanoTime() + RETRY_PAUSE.toNanos() >= deadline) {
                break;
            }
            long now = System.nanoTime();
            if (!last.equals(said) || now >= sayAgain) {
                progress.info("tests: " + test.name() + ": " + last + "; retrying ("
                        + Duration.ofNanos(now - start).toSeconds() + " s of " + test.timeout().toSeconds() + " s)");
                said = last;
                sayAgain = now + PROGRESS_EVERY.toNanos();
            }
            TimeUnit.MILLISECONDS.sleep(RETRY_PAUSE.toMillis());
        }
        progress.info("tests: " + test.name() + " " + Status.FAIL.label());
        return ProvisionRule.TEST.item().status(Status.FAIL).key(test.name()).location(location)
                .message(test.name() + ": " + http.method() + " " + http.path() + " on " + http.service() + ":" + http.port()
                        + " through the API server's service proxy failed after " + attempts + " attempts in "
                        + test.timeout().toSeconds() + "s; last: " + last)
                .remediation("check that the Service selects ready pods and that the application answers on that "
                        + "port and path")
                .duration(Duration.ofNanos(System.nanoTime() - start)).build();
    }

    /** Runs a {@code job} test: applies the Job into the run's namespace, waits for it, attaches its log. */
    public Item job(SmokeTest test, Resource job, String namespace, Location location) throws InterruptedException {
        long start = System.nanoTime();
        String phase = "tests: " + test.name();
        ServerSideApplier.Outcome applied = applier.during(phase).apply(List.of(job), namespace, false);
        if (applied.failed() || applied.targets().isEmpty()) {
            Item refused = applied.items().get(0);
            return ProvisionRule.TEST.item().status(Status.FAIL).key(test.name()).location(refused.location())
                    .message(test.name() + ": " + refused.message())
                    .duration(Duration.ofNanos(System.nanoTime() - start)).build();
        }
        WaitTarget target = applied.targets().get(0);
        WaitResult result = waiter.during(phase).await(List.of(target), test.timeout()).get(0);
        String log = jobLog(namespace, target, result);
        Status status = result.succeeded() ? Status.PASS : Status.FAIL;
        String facts = result.succeeded() ? log : details.describe(result) + (log.isEmpty() ? "" : "\n" + log);
        progress.info("tests: " + test.name() + " " + status.label());
        return ProvisionRule.TEST.item().status(status).key(test.name()).location(location)
                .message(test.name() + ": Job/" + target.name() + " " + result.verdict().message()
                        + (facts.isBlank() ? "" : "\n" + facts))
                .remediation(result.succeeded() ? null : "read the Job's log and events above")
                .duration(Duration.ofNanos(System.nanoTime() - start)).build();
    }

    private String jobLog(String namespace, WaitTarget target, WaitResult result) throws InterruptedException {
        try {
            JSONObject pods = connection.get("/api/v1/namespaces/" + namespace
                    + "/pods?labelSelector=batch.kubernetes.io/job-name%3D" + target.name());
            JSONArray items = pods.optJSONArray("items");
            if (items == null || items.isEmpty()) {
                return "log: the Job has no pods";
            }
            JSONObject pod = items.getJSONObject(items.length() - 1);
            String podName = pod.getJSONObject("metadata").optString("name");
            JSONArray containers = pod.optJSONObject("spec", new JSONObject()).optJSONArray("containers");
            String container = containers == null || containers.isEmpty() ? ""
                    : containers.getJSONObject(0).optString("name");
            return details.logTail(namespace, podName, container);
        } catch (KubeException e) {
            return "log: not available (" + e.reason() + ")";
        }
    }

    private static String excerpt(String body) {
        String line = body.strip().replace('\n', ' ');
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
