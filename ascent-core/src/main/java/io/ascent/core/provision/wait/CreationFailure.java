package io.ascent.core.provision.wait;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.json.JSONObject;

/**
 * Why the API server refuses to create a workload's pods at all: an exceeded ResourceQuota, a PodSecurity level the
 * pod template violates, a LimitRange, a ServiceAccount that does not exist. No pod exists to show the problem, so
 * {@link PodProblem} never sees it, and {@code kubectl rollout status} waits for its whole deadline; the controller
 * says it instead: a Deployment's or ReplicaSet's {@code ReplicaFailure} condition, a StatefulSet's, DaemonSet's or
 * Job's {@code FailedCreate} warning event. Pure: no I/O, so every branch is tested on plain JSON.
 *
 * <p>Some refusals heal by themselves a moment later (a fresh namespace's {@code default} ServiceAccount, a quota
 * the quota controller has not counted yet), so the waiter fails a workload only when the refusal outlasts a grace
 * period; this class only says whether one stands now.
 */
final class CreationFailure {

    private CreationFailure() {
    }

    /**
     * The server's message for the refusal that stands now, if any.
     *
     * @param kind   the workload's kind
     * @param name   the workload's name
     * @param object the workload as last reported
     * @param events the namespace's events as last reported
     * @param pods   the workload's pods as last reported
     */
    static Optional<String> of(String kind, String name, JSONObject object, Collection<JSONObject> events,
            List<JSONObject> pods) {
        return switch (kind) {
            case "Deployment", "ReplicaSet" -> replicaFailure(object);
            case "StatefulSet", "DaemonSet", "Job" -> latestFailedCreate(kind, name, events, pods);
            default -> Optional.empty();
        };
    }

    /** The {@code ReplicaFailure} condition (reason {@code FailedCreate}) the ReplicaSet controller sets. */
    private static Optional<String> replicaFailure(JSONObject object) {
        return RolloutJudge.condition(object.optJSONObject("status", new JSONObject()), "ReplicaFailure")
                .filter(condition -> "True".equals(condition.optString("status")))
                .map(condition -> condition.optString("message", condition.optString("reason")));
    }

    /**
     * The newest {@code FailedCreate} warning about the workload, when it is newer than the workload's newest pod:
     * a pod created after the refusal means creating pods works again (a refusal and a pod in the same second count
     * as healed, since the server's timestamps have whole seconds).
     */
    private static Optional<String> latestFailedCreate(String kind, String name, Collection<JSONObject> events,
            List<JSONObject> pods) {
        JSONObject latest = null;
        Instant latestAt = Instant.MIN;
        for (JSONObject event : events) {
            JSONObject about = event.optJSONObject("involvedObject", new JSONObject());
            if ("FailedCreate".equals(event.optString("reason")) && "Warning".equals(event.optString("type"))
                    && kind.equals(about.optString("kind")) && name.equals(about.optString("name"))) {
                Instant at = time(event, "lastTimestamp", "eventTime", "firstTimestamp");
                if (latest == null || at.isAfter(latestAt)) {
                    latest = event;
                    latestAt = at;
                }
            }
        }
        if (latest == null) {
            return Optional.empty();
        }
        for (JSONObject pod : pods) {
            if (!latestAt.isAfter(time(pod.optJSONObject("metadata", new JSONObject()), "creationTimestamp"))) {
                return Optional.empty();
            }
        }
        return Optional.of(latest.optString("message", "FailedCreate"));
    }

    /** The first of {@code fields} that holds a time; {@link Instant#MIN} when none does. */
    private static Instant time(JSONObject object, String... fields) {
        for (String field : fields) {
            String value = object.optString(field, "");
            if (!value.isEmpty() && !"null".equals(value)) {
                try {
                    return Instant.parse(value);
                } catch (DateTimeParseException e) {
                    // a malformed time counts as none
                }
            }
        }
        return Instant.MIN;
    }
}
