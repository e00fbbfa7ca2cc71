package io.ascent.core.provision.wait;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

class CreationFailureTest {

    private static final String QUOTA = "pods \"web-0\" is forbidden: exceeded quota: small, requested: pods=1, "
            + "used: pods=0, limited: pods=0";

    private static JSONObject withCondition(String status) {
        return new JSONObject("{\"status\":{\"conditions\":[{\"type\":\"ReplicaFailure\",\"status\":\"" + status
                + "\",\"reason\":\"FailedCreate\",\"message\":" + JSONObject.quote(QUOTA) + "}]}}");
    }

    private static JSONObject event(String kind, String name, String reason, String type, String lastTimestamp) {
        return new JSONObject().put("reason", reason).put("type", type).put("message", QUOTA)
                .put("involvedObject", new JSONObject().put("kind", kind).put("name", name))
                .put("lastTimestamp", lastTimestamp);
    }

    private static JSONObject pod(String created) {
        return new JSONObject().put("metadata", new JSONObject().put("creationTimestamp", created));
    }

    @Test
    void shouldReadADeploymentsOrReplicaSetsReplicaFailureCondition() {
        assertThat(CreationFailure.of("Deployment", "web", withCondition("True"), List.of(), List.of()))
                .contains(QUOTA);
        assertThat(CreationFailure.of("ReplicaSet", "web-7d9", withCondition("True"), List.of(), List.of()))
                .contains(QUOTA);
    }

    @Test
    void shouldNotSeeARefusalInAConditionThatIsFalseOrAbsent() {
        assertThat(CreationFailure.of("Deployment", "web", withCondition("False"), List.of(), List.of())).isEmpty();
        assertThat(CreationFailure.of("Deployment", "web", new JSONObject(), List.of(), List.of())).isEmpty();
    }

    @Test
    void shouldReadAStatefulSetsDaemonSetsOrJobsFailedCreateWarning() {
        for (String kind : List.of("StatefulSet", "DaemonSet", "Job")) {
            assertThat(CreationFailure.of(kind, "web", new JSONObject(),
                    List.of(event(kind, "web", "FailedCreate", "Warning", "2026-11-30T10:00:05Z")), List.of()))
                    .as(kind).contains(QUOTA);
        }
    }

    @Test
    void shouldIgnoreEventsAboutOtherObjectsOtherReasonsOrOfTypeNormal() {
        List<JSONObject> events = List.of(
                event("StatefulSet", "other", "FailedCreate", "Warning", "2026-11-30T10:00:05Z"),
                event("Job", "web", "FailedCreate", "Warning", "2026-11-30T10:00:05Z"),
                event("StatefulSet", "web", "SuccessfulCreate", "Normal", "2026-11-30T10:00:05Z"),
                event("StatefulSet", "web", "FailedCreate", "Normal", "2026-11-30T10:00:05Z"));
        assertThat(CreationFailure.of("StatefulSet", "web", new JSONObject(), events, List.of())).isEmpty();
    }

    @Test
    void shouldTreatARefusalOlderThanTheNewestPodAsHealed() {
        List<JSONObject> events = List.of(event("StatefulSet", "web", "FailedCreate", "Warning", "2026-11-30T10:00:05Z"));
        assertThat(CreationFailure.of("StatefulSet", "web", new JSONObject(), events,
                List.of(pod("2026-11-30T10:00:06Z")))).as("a pod made after the refusal").isEmpty();
        assertThat(CreationFailure.of("StatefulSet", "web", new JSONObject(), events,
                List.of(pod("2026-11-30T10:00:05Z")))).as("a pod made in the same second").isEmpty();
        assertThat(CreationFailure.of("StatefulSet", "web", new JSONObject(), events,
                List.of(pod("2026-11-30T10:00:04Z")))).as("the pods before it do not heal it").contains(QUOTA);
    }

    @Test
    void shouldJudgeByTheNewestRefusalWhateverTheOrderOfEvents() {
        JSONObject older = event("Job", "check", "FailedCreate", "Warning", "2026-11-30T10:00:01Z").put("message", "old");
        JSONObject newer = event("Job", "check", "FailedCreate", "Warning", "2026-11-30T10:00:09Z").put("message", "new");
        assertThat(CreationFailure.of("Job", "check", new JSONObject(), List.of(newer, older),
                List.of(pod("2026-11-30T10:00:05Z")))).contains("new");
        assertThat(CreationFailure.of("Job", "check", new JSONObject(), List.of(older, newer),
                List.of(pod("2026-11-30T10:00:05Z")))).contains("new");
    }

    @Test
    void shouldReadAnEventsTimeFromEventTimeWhenItHasNoLastTimestamp() {
        JSONObject event = event("DaemonSet", "agent", "FailedCreate", "Warning", null);
        event.remove("lastTimestamp");
        event.put("lastTimestamp", JSONObject.NULL).put("eventTime", "2026-11-30T10:00:07.123456Z");
        assertThat(CreationFailure.of("DaemonSet", "agent", new JSONObject(), List.of(event),
                List.of(pod("2026-11-30T10:00:06Z")))).contains(QUOTA);
    }

    @Test
    void shouldNotJudgeKindsWhoseRefusalsShowElsewhere() {
        assertThat(CreationFailure.of("Pod", "web", withCondition("True"),
                List.of(event("Pod", "web", "FailedCreate", "Warning", "2026-11-30T10:00:05Z")), List.of())).isEmpty();
    }
}
