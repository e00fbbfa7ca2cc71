package io.ascent.core.provision.wait;

import java.util.Optional;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * Judges an object as the server last reported it, the way {@code kubectl rollout status} does for workloads
 * (kubectl's {@code DeploymentStatusViewer}, {@code StatefulSetStatusViewer}, {@code DaemonSetStatusViewer}): first
 * the controller must have seen the latest spec ({@code observedGeneration}), then its replicas must be updated and
 * available. Jobs are judged by their {@code Complete}/{@code Failed} conditions, CRDs by {@code Established}.
 * Pure: no I/O, so every branch is tested on plain JSON.
 */
public final class RolloutJudge {

    private RolloutJudge() {
    }

    /** Whether objects of this kind are waited for at all (a ConfigMap is done once applied). */
    public static boolean waitsFor(String kind) {
        return switch (kind) {
            case "Deployment", "StatefulSet", "DaemonSet", "Job", "CustomResourceDefinition", "ReplicaSet", "Pod" -> true;
            default -> false;
        };
    }

    public static Verdict judge(String kind, JSONObject object) {
        return switch (kind) {
            case "Deployment" -> deployment(object);
            case "StatefulSet" -> statefulSet(object);
            case "DaemonSet" -> daemonSet(object);
            case "ReplicaSet" -> replicaSet(object);
            case "Job" -> job(object);
            case "Pod" -> pod(object);
            case "CustomResourceDefinition" -> crd(object);
            default -> Verdict.done("applied");
        };
    }

    static Verdict deployment(JSONObject d) {
        JSONObject spec = d.optJSONObject("spec", new JSONObject());
        JSONObject status = d.optJSONObject("status", new JSONObject());
        if (!observed(d)) {
            return Verdict.waiting("waiting for the deployment spec update to be observed");
        }
        Optional<JSONObject> progressing = condition(status, "Progressing");
        if (progressing.isPresent() && "ProgressDeadlineExceeded".equals(progressing.get().optString("reason"))) {
            return Verdict.failed("exceeded its progress deadline: " + progressing.get().optString("message"));
        }
        int desired = spec.optInt("replicas", 1);
        int updated = status.optInt("updatedReplicas");
        int replicas = status.optInt("replicas");
        int available = status.optInt("availableReplicas");
        if (updated < desired) {
            return Verdict.waiting(updated + " of " + desired + " new replicas have been updated");
        }
        if (replicas > updated) {
            return Verdict.waiting((replicas - updated) + " old replicas are pending termination");
        }
        if (available < updated) {
            return Verdict.waiting(available + " of " + updated + " updated replicas are available");
        }
        return Verdict.done("successfully rolled out (" + available + " of " + desired + " replicas available)");
    }

    static Verdict statefulSet(JSONObject s) {
        JSONObject spec = s.optJSONObject("spec", new JSONObject());
        JSONObject status = s.optJSONObject("status", new JSONObject());
        JSONObject strategy = spec.optJSONObject("updateStrategy", new JSONObject());
        if (!"RollingUpdate".equals(strategy.optString("type", "RollingUpdate"))) {
            return Verdict.done("uses the OnDelete update strategy; nothing to wait for");
        }
        if (!observed(s)) {
            return Verdict.waiting("waiting for the statefulset spec update to be observed");
        }
        int desired = spec.optInt("replicas", 1);
        int ready = status.optInt("readyReplicas");
        if (ready < desired) {
            return Verdict.waiting(ready + " of " + desired + " pods are ready");
        }
        JSONObject rolling = strategy.optJSONObject("rollingUpdate");
        if (rolling != null && rolling.has("partition") && rolling.optInt("partition") > 0) {
            int expected = desired - rolling.optInt("partition");
            if (status.optInt("updatedReplicas") < expected) {
                return Verdict.waiting(status.optInt("updatedReplicas") + " of " + expected
                        + " pods have been updated (partitioned roll out)");
            }
            return Verdict.done("partitioned roll out complete: " + status.optInt("updatedReplicas")
                    + " new pods have been updated");
        }
        if (!status.optString("updateRevision").equals(status.optString("currentRevision"))) {
            return Verdict.waiting(status.optInt("updatedReplicas") + " of " + desired + " pods have been updated");
        }
        return Verdict.done("roll out complete: " + ready + " pods at revision " + status.optString("currentRevision"));
    }

    static Verdict daemonSet(JSONObject d) {
        JSONObject spec = d.optJSONObject("spec", new JSONObject());
        JSONObject status = d.optJSONObject("status", new JSONObject());
        JSONObject strategy = spec.optJSONObject("updateStrategy", new JSONObject());
        if (!"RollingUpdate".equals(strategy.optString("type", "RollingUpdate"))) {
            return Verdict.done("uses the OnDelete update strategy; nothing to wait for");
        }
        if (!observed(d)) {
            return Verdict.waiting("waiting for the daemonset spec update to be observed");
        }
        int desired = status.optInt("desiredNumberScheduled");
        int updated = status.optInt("updatedNumberScheduled");
        int available = status.optInt("numberAvailable");
        if (updated < desired) {
            return Verdict.waiting(updated + " of " + desired + " updated pods are scheduled");
        }
        if (available < desired) {
            return Verdict.waiting(available + " of " + desired + " updated pods are available");
        }
        return Verdict.done("successfully rolled out (" + available + " pods available)");
    }

    static Verdict replicaSet(JSONObject r) {
        if (!observed(r)) {
            return Verdict.waiting("waiting for the replicaset to be observed");
        }
        int desired = r.optJSONObject("spec", new JSONObject()).optInt("replicas", 1);
        int available = r.optJSONObject("status", new JSONObject()).optInt("availableReplicas");
        return available >= desired ? Verdict.done(available + " replicas available")
                : Verdict.waiting(available + " of " + desired + " replicas are available");
    }

    static Verdict job(JSONObject j) {
        JSONObject status = j.optJSONObject("status", new JSONObject());
        Optional<JSONObject> failed = condition(status, "Failed").filter(RolloutJudge::isTrue);
        if (failed.isPresent()) {
            return Verdict.failed("failed (" + failed.get().optString("reason") + "): "
                    + failed.get().optString("message"));
        }
        if (condition(status, "Complete").filter(RolloutJudge::isTrue).isPresent()) {
            int succeeded = status.optInt("succeeded");
            return Verdict.done("complete: " + succeeded + (succeeded == 1 ? " pod" : " pods") + " succeeded");
        }
        return Verdict.waiting(status.optInt("active") + " active, " + status.optInt("succeeded") + " succeeded, "
                + status.optInt("failed") + " failed pods");
    }

    static Verdict pod(JSONObject p) {
        JSONObject status = p.optJSONObject("status", new JSONObject());
        String phase = status.optString("phase", "Pending");
        if ("Succeeded".equals(phase)) {
            return Verdict.done("succeeded");
        }
        if ("Failed".equals(phase)) {
            return Verdict.failed("failed: " + status.optString("reason") + " " + status.optString("message"));
        }
        return condition(status, "Ready").filter(RolloutJudge::isTrue).isPresent() ? Verdict.done("ready")
                : Verdict.waiting("phase " + phase + ", not ready");
    }

    static Verdict crd(JSONObject c) {
        JSONObject status = c.optJSONObject("status", new JSONObject());
        Optional<JSONObject> names = condition(status, "NamesAccepted");
        if (names.isPresent() && "False".equals(names.get().optString("status"))) {
            return Verdict.failed("names not accepted: " + names.get().optString("message"));
        }
        return condition(status, "Established").filter(RolloutJudge::isTrue).isPresent() ? Verdict.done("established")
                : Verdict.waiting("not established yet");
    }

    private static boolean observed(JSONObject object) {
        long generation = object.optJSONObject("metadata", new JSONObject()).optLong("generation", 0);
        long observed = object.optJSONObject("status", new JSONObject()).optLong("observedGeneration", -1);
        return generation <= observed;
    }

    static Optional<JSONObject> condition(JSONObject status, String type) {
        JSONArray conditions = status.optJSONArray("conditions");
        for (int i = 0; conditions != null && i < conditions.length(); i++) {
            JSONObject condition = conditions.optJSONObject(i);
            if (condition != null && type.equals(condition.optString("type"))) {
                return Optional.of(condition);
            }
        }
        return Optional.empty();
    }

    private static boolean isTrue(JSONObject condition) {
        return "True".equals(condition.optString("status"));
    }
}
