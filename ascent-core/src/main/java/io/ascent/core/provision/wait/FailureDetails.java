package io.ascent.core.provision.wait;

import io.ascent.core.provision.kube.KubeConnection;
import io.ascent.core.provision.kube.KubeException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * What a person needs to see when an object did not become ready, collected the way {@code ct install} and
 * Chainsaw do: the object's and its failing pod's events, the pod's conditions and container states, and the last
 * lines of the failing container's log. Bounded: a few events and lines, each line cut short. A part that cannot
 * be fetched (a fake kubelet keeps no logs) says so instead of failing the report.
 */
public final class FailureDetails {

    static final int EVENTS = 10;
    static final int LOG_LINES = 20;
    private static final int LINE_LENGTH = 300;
    /** A log comes from the node's kubelet through the API server; one that does not answer quickly is skipped. */
    static final java.time.Duration LOG_TIMEOUT = java.time.Duration.ofSeconds(2);

    /** Reasons a container has no log to show: it was never created. */
    private static final java.util.Set<String> NEVER_STARTED = java.util.Set.of("ImagePullBackOff", "ErrImagePull",
            "InvalidImageName", "CreateContainerConfigError");

    private final KubeConnection connection;

    public FailureDetails(KubeConnection connection) {
        this.connection = connection;
    }

    /** The details as text, one fact a line, for an item's message. */
    public String describe(WaitResult result) throws InterruptedException {
        List<String> lines = new ArrayList<>();
        WaitTarget target = result.target();
        events(target.namespace(), target.type().kind(), target.name(), lines);
        if (result.failingPod().isPresent()) {
            JSONObject pod = result.failingPod().get();
            String podName = pod.optJSONObject("metadata", new JSONObject()).optString("name");
            conditions(podName, pod, lines);
            containers(podName, pod, lines);
            events(target.namespace(), "Pod", podName, lines);
            Optional<String> container = result.problem().flatMap(PodProblem::container);
            boolean neverStarted = result.problem().map(p -> NEVER_STARTED.contains(p.reason())).orElse(false);
            if (container.isPresent() && neverStarted) {
                lines.add("log of " + podName + "/" + container.get() + ": none (the container never started)");
            } else if (container.isPresent()) {
                log(target.namespace(), podName, container.get(), restarted(pod, container.get()), lines);
            }
        }
        return String.join("\n", lines);
    }

    /** The last lines of a container's log for an item's message (a smoke-test Job's pod), or why there are none. */
    public String logTail(String namespace, String pod, String container) throws InterruptedException {
        List<String> lines = new ArrayList<>();
        log(namespace, pod, container, false, lines);
        return String.join("\n", lines);
    }

    private void events(String namespace, String kind, String name, List<String> lines) throws InterruptedException {
        if (namespace == null) {
            return;
        }
        String selector = "involvedObject.kind=" + kind + ",involvedObject.name=" + name;
        try {
            JSONObject list = connection.get("/api/v1/namespaces/" + namespace + "/events?fieldSelector="
                    + URLEncoder.encode(selector, StandardCharsets.UTF_8));
            JSONArray items = list.optJSONArray("items");
            int count = items == null ? 0 : items.length();
            if (count == 0) {
                lines.add("events of " + kind + "/" + name + ": none");
                return;
            }
            lines.add("events of " + kind + "/" + name + ":");
            for (int i = Math.max(0, count - EVENTS); i < count; i++) {
                JSONObject event = items.getJSONObject(i);
                lines.add("  " + event.optString("type") + " " + event.optString("reason") + ": "
                        + cut(event.optString("message")) + (event.optInt("count", 1) > 1
                        ? " (x" + event.optInt("count") + ")" : ""));
            }
        } catch (KubeException e) {
            lines.add("events of " + kind + "/" + name + ": cannot be listed (" + e.reason() + ")");
        }
    }

    private static void conditions(String podName, JSONObject pod, List<String> lines) {
        JSONObject status = pod.optJSONObject("status", new JSONObject());
        lines.add("pod " + podName + ": phase " + status.optString("phase", "Pending"));
        JSONArray conditions = status.optJSONArray("conditions");
        for (int i = 0; conditions != null && i < conditions.length(); i++) {
            JSONObject c = conditions.getJSONObject(i);
            lines.add("  condition " + c.optString("type") + "=" + c.optString("status")
                    + (c.optString("reason").isEmpty() ? "" : " (" + c.optString("reason") + ")")
                    + (c.optString("message").isEmpty() ? "" : ": " + cut(c.optString("message"))));
        }
    }

    private static void containers(String podName, JSONObject pod, List<String> lines) {
        JSONObject status = pod.optJSONObject("status", new JSONObject());
        for (String list : new String[] {"initContainerStatuses", "containerStatuses"}) {
            JSONArray statuses = status.optJSONArray(list);
            for (int i = 0; statuses != null && i < statuses.length(); i++) {
                JSONObject c = statuses.getJSONObject(i);
                lines.add("  container " + c.optString("name") + " (" + c.optString("image") + "): "
                        + state(c.optJSONObject("state", new JSONObject())) + ", ready=" + c.optBoolean("ready")
                        + ", restarts=" + c.optInt("restartCount")
                        + (c.has("lastState") && !c.getJSONObject("lastState").isEmpty()
                        ? ", last state " + state(c.getJSONObject("lastState")) : ""));
            }
        }
    }

    static String state(JSONObject state) {
        if (state.has("waiting")) {
            JSONObject w = state.getJSONObject("waiting");
            return "waiting (" + w.optString("reason") + (w.optString("message").isEmpty() ? ""
                    : ": " + cut(w.optString("message"))) + ")";
        }
        if (state.has("terminated")) {
            JSONObject t = state.getJSONObject("terminated");
            return "terminated (" + t.optString("reason") + ", exit code " + t.optInt("exitCode") + ")";
        }
        if (state.has("running")) {
            return "running";
        }
        return "unknown";
    }

    private static boolean restarted(JSONObject pod, String container) {
        JSONArray statuses = pod.optJSONObject("status", new JSONObject()).optJSONArray("containerStatuses");
        for (int i = 0; statuses != null && i < statuses.length(); i++) {
            JSONObject c = statuses.getJSONObject(i);
            if (container.equals(c.optString("name"))) {
                return c.optInt("restartCount") > 0;
            }
        }
        return false;
    }

    private void log(String namespace, String pod, String container, boolean previous, List<String> lines)
            throws InterruptedException {
        // A crash-looping container's useful log is the previous run's.
        String query = "container=" + container + "&tailLines=" + LOG_LINES + "&limitBytes=65536"
                + (previous ? "&previous=true" : "");
        try {
            KubeConnection.TextResponse response = connection.text("/api/v1/namespaces/" + namespace + "/pods/"
                    + pod + "/log", query, LOG_TIMEOUT);
            if (response.code() != 200) {
                lines.add("log of " + pod + "/" + container + ": not available (HTTP " + response.code() + ": "
                        + cut(message(response.body())) + ")");
                return;
            }
            List<String> log = response.body().lines().toList();
            if (log.isEmpty()) {
                lines.add("log of " + pod + "/" + container + ": empty");
                return;
            }
            lines.add("last " + Math.min(LOG_LINES, log.size()) + " log lines of " + pod + "/" + container
                    + (previous ? " (previous run)" : "") + ":");
            log.subList(Math.max(0, log.size() - LOG_LINES), log.size()).forEach(line -> lines.add("  " + cut(line)));
        } catch (KubeException e) {
            lines.add("log of " + pod + "/" + container + ": not available (" + e.reason() + ")");
        }
    }

    private static String message(String body) {
        try {
            return new JSONObject(body).optString("message", body);
        } catch (org.json.JSONException e) {
            return body.strip();
        }
    }

    private static String cut(String text) {
        String line = text.replace('\n', ' ').replace('\r', ' ');
        return line.length() > LINE_LENGTH ? line.substring(0, LINE_LENGTH) + "..." : line;
    }
}
