package io.ascent.core.provision.kube;

import static io.ascent.core.provision.kube.ApiServerDouble.json;
import static io.ascent.core.provision.kube.ApiServerDouble.reset;
import static io.ascent.core.provision.kube.ApiServerDouble.retryAfter;
import static io.ascent.core.provision.kube.ApiServerDouble.status;
import static io.ascent.core.provision.kube.ApiServerDouble.watch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ascent.core.manifest.ManifestLoader;
import io.ascent.core.manifest.Resource;
import io.ascent.core.progress.ProgressListener;
import io.ascent.core.provision.deploy.ServerSideApplier;
import io.ascent.core.provision.wait.RolloutWaiter;
import io.ascent.core.provision.wait.Verdict;
import io.ascent.core.provision.wait.WaitResult;
import io.ascent.core.provision.wait.WaitTarget;
import io.ascent.core.report.Item;
import io.ascent.core.report.Location;
import io.ascent.core.report.Status;
import java.time.Duration;
import java.util.List;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the real API server will not do on demand, played by {@link ApiServerDouble}: each resumes or fails clearly. */
class ApiServerFaultsTest {

    private static final String DEPLOYMENTS = "/apis/apps/v1/namespaces/ns/deployments";
    private static final String PODS = "/api/v1/namespaces/ns/pods";
    /** Discovery of apps/v1 as the server answers it: Deployments and their status subresource. */
    private static final String APPS_DISCOVERY = "{\"kind\":\"APIResourceList\",\"groupVersion\":\"apps/v1\","
            + "\"resources\":[{\"name\":\"deployments\",\"namespaced\":true,\"kind\":\"Deployment\"},"
            + "{\"name\":\"deployments/status\",\"namespaced\":true,\"kind\":\"Deployment\"}]}";
    private static final ResourceType DEPLOYMENT = new ResourceType("apps/v1", "Deployment", "deployments", true);

    private final ApiServerDouble server = ApiServerDouble.started();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void shouldResumeAClosedWatchFromItsResourceVersionAndListAgainAfterA410ErrorEvent() throws Exception {
        server.then("GET " + DEPLOYMENTS, json(200, list("10", web(0, "9"))), json(200, list("20", web(1, "19"))))
                .then("WATCH " + DEPLOYMENTS,
                        watch(false, event("MODIFIED", web(1, "11"))), // then the stream ends mid-watch
                        watch(false, "{\"type\":\"ERROR\",\"object\":{\"kind\":\"Status\",\"code\":410,"
                                + "\"reason\":\"Expired\",\"message\":\"too old resource version: 11 (15)\"}}"),
                        watch(true, event("MODIFIED", web(2, "21"))))
                .then("GET " + PODS, json(200, list("5")))
                .always("WATCH " + PODS, watch(true));

        WaitResult result = waiter().await(List.of(target()), Duration.ofSeconds(30)).get(0);

        assertThat(result.verdict().state()).as(result.verdict().message()).isEqualTo(Verdict.State.DONE);
        List<String> watches = server.requests("WATCH " + DEPLOYMENTS);
        assertThat(watches).hasSize(3);
        assertThat(watches.get(0)).contains("resourceVersion=10");
        assertThat(watches.get(1)).as("resumed from the last event's version").contains("resourceVersion=11");
        assertThat(watches.get(2)).as("listed again after 410").contains("resourceVersion=20");
        assertThat(server.requests("GET " + DEPLOYMENTS)).hasSize(2);
    }

    @Test
    void shouldAddUpTheTimeEveryWaitTookAsTheClustersReaction() throws Exception {
        server.always("GET " + DEPLOYMENTS, json(200, list("10", web(0, "9"))))
                .always("WATCH " + DEPLOYMENTS, watch(true))
                .always("GET " + PODS, json(200, list("5")))
                .always("WATCH " + PODS, watch(true));
        RolloutWaiter waiter = waiter();
        assertThat(waiter.waited()).isZero();

        waiter.await(List.of(target()), Duration.ofMillis(300));
        waiter.await(List.of(target()), Duration.ofMillis(300));

        assertThat(waiter.waited()).isBetween(Duration.ofMillis(600), Duration.ofSeconds(10));
    }

    @Test
    void shouldFailTheWaitClearlyWhenEveryWatchIsRefused() throws Exception {
        server.always("GET " + DEPLOYMENTS, json(200, list("10", web(0, "9"))))
                .always("WATCH " + DEPLOYMENTS, status(403, "Forbidden", "deployments is forbidden: no watch"))
                .then("GET " + PODS, json(200, list("5")))
                .always("WATCH " + PODS, watch(true));

        WaitResult result = waiter().await(List.of(target()), Duration.ofSeconds(60)).get(0);

        assertThat(result.verdict().state()).isEqualTo(Verdict.State.FAILED);
        assertThat(result.verdict().message()).isEqualTo("watching " + DEPLOYMENTS + " failed 6 times in a row; last: "
                + "GET " + DEPLOYMENTS + " (watch): 403 Forbidden: deployments is forbidden: no watch");
    }

    @Test
    void shouldRetryApplyAfter429And503AsTheServerAsks() throws Exception {
        String path = DEPLOYMENTS + "/web";
        server.then("PATCH " + path, retryAfter(429, 1), retryAfter(503, 0), json(200, web(0, "3").toString()));
        long start = System.nanoTime();

        JSONObject applied = server.connection().apply(path, new JSONObject().put("kind", "Deployment"), "ascent", true);

        assertThat(applied.getJSONObject("metadata").getString("name")).isEqualTo("web");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(server.requests("PATCH " + path)).hasSize(3)
                .allMatch(request -> request.endsWith("?fieldManager=ascent&force=true"));
    }

    @Test
    void shouldRetryAfterAConnectionReset() throws Exception {
        server.then("GET /version", reset(), json(200, "{\"gitVersion\":\"v1.35.4\"}"));

        assertThat(server.connection().get("/version").getString("gitVersion")).isEqualTo("v1.35.4");
        assertThat(server.requests("GET /version")).hasSize(2);
    }

    @Test
    void shouldGiveUpWithTheServersMessageWhenItKeepsFailing() {
        // 502, not 503: OkHttp itself repeats a 503 that says "Retry-After: 0" once, which would blur the count.
        server.always("GET /api/v1", retryAfter(502, 0));

        assertThatThrownBy(() -> server.connection().get("/api/v1"))
                .isInstanceOf(KubeException.class)
                .hasMessage("GET /api/v1: 502 BadGateway: come back later");
        assertThat(server.requests("GET /api/v1")).hasSize(6);
    }

    @Test
    void shouldReportA422AtTheFieldTheServerNames() throws Exception {
        server.then("GET /apis/apps/v1", json(200, APPS_DISCOVERY))
                .then("PATCH " + DEPLOYMENTS + "/web", json(422, "{\"kind\":\"Status\",\"status\":\"Failure\","
                        + "\"code\":422,\"reason\":\"Invalid\",\"message\":\"Deployment.apps \\\"web\\\" is invalid: "
                        + "spec.replicas: Invalid value: -1: must be greater than or equal to 0\",\"details\":{"
                        + "\"causes\":[{\"field\":\"spec.replicas\",\"message\":\"Invalid value: -1: must be greater "
                        + "than or equal to 0\"}]}}"));
        Resource deployment = new ManifestLoader().parse("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                spec:
                  replicas: -1
                """, "deploy/web.yaml").resources().get(0);
        KubeConnection connection = server.connection();

        ServerSideApplier.Outcome outcome = new ServerSideApplier(connection, new ApiDiscovery(connection),
                ProgressListener.SILENT).apply(List.of(deployment), "ns", true);

        Item item = outcome.items().get(0);
        assertThat(item.status()).isEqualTo(Status.FAIL);
        assertThat(item.location()).isEqualTo(new Location("deploy/web.yaml", 6, 13));
        assertThat(item.message()).isEqualTo("Deployment/web: the API server refused it (422 Invalid): "
                + "Deployment.apps \"web\" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0");
        assertThat(outcome.targets()).isEmpty();
    }

    @Test
    void shouldKeepAnObjectTheServerAppliedWithWarningsAsAWarningAtTheFieldItNames() throws Exception {
        server.then("GET /apis/apps/v1", json(200, APPS_DISCOVERY))
                .then("PATCH " + DEPLOYMENTS + "/web", ApiServerDouble.warned(json(200, web(0, "3").toString()),
                        "299 - \"spec.template.spec.nodeSelector[beta.kubernetes.io/arch]: deprecated since v1.14; "
                                + "use \\\"kubernetes.io/arch\\\" instead\"",
                        "299 - \"spec.template.spec.containers[0].resources.limits[memory]: fractional byte value "
                                + "\\\"100m\\\" is invalid, must be an integer\""));
        Resource deployment = new ManifestLoader().parse("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                spec:
                  template:
                    spec:
                      nodeSelector:
                        beta.kubernetes.io/arch: amd64
                      containers:
                        - name: app
                          image: app:1
                          resources:
                            limits: {memory: 100m}
                """, "deploy/web.yaml").resources().get(0);
        KubeConnection connection = server.connection();

        ServerSideApplier.Outcome outcome = new ServerSideApplier(connection, new ApiDiscovery(connection),
                ProgressListener.SILENT).apply(List.of(deployment), "ns", true);

        Item item = outcome.items().get(0);
        assertThat(item.status()).isEqualTo(Status.WARN);
        assertThat(outcome.failed()).as("a warning does not stop the run").isFalse();
        assertThat(item.message()).isEqualTo("Deployment/web applied; waiting for it; the API server warns:\n"
                + "  spec.template.spec.nodeSelector[beta.kubernetes.io/arch]: deprecated since v1.14; use "
                + "\"kubernetes.io/arch\" instead\n"
                + "  spec.template.spec.containers[0].resources.limits[memory]: fractional byte value \"100m\" is "
                + "invalid, must be an integer");
        assertThat(item.location()).isEqualTo(new Location("deploy/web.yaml", 9, 34));
        assertThat(outcome.targets()).hasSize(1);
    }

    private RolloutWaiter waiter() {
        return new RolloutWaiter(server.connection(), ProgressListener.SILENT, Duration.ofSeconds(20));
    }

    private static WaitTarget target() {
        return new WaitTarget(DEPLOYMENT, "ns", "web", Location.of("deploy/web.yaml"));
    }

    /** Deployment web with {@code available} of 2 replicas ready. */
    private static JSONObject web(int available, String resourceVersion) {
        return new JSONObject("{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"web\","
                + "\"namespace\":\"ns\",\"generation\":1,\"resourceVersion\":\"" + resourceVersion + "\"},"
                + "\"spec\":{\"replicas\":2,\"selector\":{\"matchLabels\":{\"app\":\"web\"}}},\"status\":{"
                + "\"observedGeneration\":1,\"replicas\":2,\"updatedReplicas\":2,\"availableReplicas\":" + available
                + "}}");
    }

    private static String list(String resourceVersion, JSONObject... items) {
        return new JSONObject().put("kind", "List").put("metadata", new JSONObject().put("resourceVersion",
                resourceVersion)).put("items", List.of(items)).toString();
    }

    private static String event(String type, JSONObject object) {
        return new JSONObject().put("type", type).put("object", object).toString();
    }

}
