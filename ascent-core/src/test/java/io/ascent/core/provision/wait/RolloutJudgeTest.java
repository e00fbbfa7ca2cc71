package io.ascent.core.provision.wait;

import static org.assertj.core.api.Assertions.assertThat;

import org.json.JSONObject;
import org.junit.jupiter.api.Test;

class RolloutJudgeTest {

    private static JSONObject deployment(int generation, int observed, String status) {
        return new JSONObject("{\"metadata\":{\"generation\":" + generation + "},\"spec\":{\"replicas\":2},"
                + "\"status\":{\"observedGeneration\":" + observed + "," + status + "}}");
    }

    @Test
    void shouldWaitUntilTheControllerObservedTheLatestGeneration() {
        Verdict verdict = RolloutJudge.judge("Deployment", deployment(2, 1,
                "\"replicas\":2,\"updatedReplicas\":2,\"availableReplicas\":2"));
        assertThat(verdict.state()).isEqualTo(Verdict.State.WAITING);
        assertThat(verdict.message()).contains("observed");
    }

    @Test
    void shouldFailOnProgressDeadlineExceeded() {
        Verdict verdict = RolloutJudge.judge("Deployment", deployment(1, 1, "\"conditions\":[{\"type\":\"Progressing\","
                + "\"status\":\"False\",\"reason\":\"ProgressDeadlineExceeded\",\"message\":\"too slow\"}]"));
        assertThat(verdict).isEqualTo(new Verdict(Verdict.State.FAILED, "exceeded its progress deadline: too slow"));
    }

    @Test
    void shouldCompareUpdatedOldAndAvailableReplicasLikeKubectlRolloutStatus() {
        assertThat(RolloutJudge.judge("Deployment", deployment(1, 1, "\"replicas\":2,\"updatedReplicas\":1"))
                .message()).isEqualTo("1 of 2 new replicas have been updated");
        assertThat(RolloutJudge.judge("Deployment", deployment(1, 1, "\"replicas\":3,\"updatedReplicas\":2"))
                .message()).isEqualTo("1 old replicas are pending termination");
        assertThat(RolloutJudge.judge("Deployment", deployment(1, 1,
                "\"replicas\":2,\"updatedReplicas\":2,\"availableReplicas\":1")).message())
                .isEqualTo("1 of 2 updated replicas are available");
        assertThat(RolloutJudge.judge("Deployment", deployment(1, 1,
                "\"replicas\":2,\"updatedReplicas\":2,\"availableReplicas\":2")).state())
                .isEqualTo(Verdict.State.DONE);
    }

    @Test
    void shouldJudgeJobsByTheirConditions() {
        assertThat(RolloutJudge.judge("Job", new JSONObject("{\"status\":{\"conditions\":[{\"type\":\"Failed\","
                + "\"status\":\"True\",\"reason\":\"BackoffLimitExceeded\",\"message\":\"Job has reached the specified "
                + "backoff limit\"}]}}")).state()).isEqualTo(Verdict.State.FAILED);
        assertThat(RolloutJudge.judge("Job", new JSONObject("{\"status\":{\"succeeded\":1,\"conditions\":[{\"type\":"
                + "\"Complete\",\"status\":\"True\"}]}}")).message()).isEqualTo("complete: 1 pod succeeded");
        assertThat(RolloutJudge.judge("Job", new JSONObject("{\"status\":{\"succeeded\":3,\"conditions\":[{\"type\":"
                + "\"Complete\",\"status\":\"True\"}]}}")).message()).isEqualTo("complete: 3 pods succeeded");
        assertThat(RolloutJudge.judge("Job", new JSONObject("{\"status\":{\"active\":1}}")).state())
                .isEqualTo(Verdict.State.WAITING);
    }

    @Test
    void shouldWaitForStatefulSetRevisionsAndDaemonSetAvailability() {
        JSONObject rolling = new JSONObject("{\"metadata\":{\"generation\":1},\"spec\":{\"replicas\":2},\"status\":{"
                + "\"observedGeneration\":1,\"readyReplicas\":2,\"updatedReplicas\":1,\"currentRevision\":\"a\","
                + "\"updateRevision\":\"b\"}}");
        assertThat(RolloutJudge.judge("StatefulSet", rolling).state()).isEqualTo(Verdict.State.WAITING);
        rolling.getJSONObject("status").put("currentRevision", "b");
        assertThat(RolloutJudge.judge("StatefulSet", rolling).state()).isEqualTo(Verdict.State.DONE);
        JSONObject daemons = new JSONObject("{\"metadata\":{\"generation\":1},\"status\":{\"observedGeneration\":1,"
                + "\"desiredNumberScheduled\":2,\"updatedNumberScheduled\":2,\"numberAvailable\":1}}");
        assertThat(RolloutJudge.judge("DaemonSet", daemons).message()).isEqualTo("1 of 2 updated pods are available");
        daemons.getJSONObject("status").put("numberAvailable", 2);
        assertThat(RolloutJudge.judge("DaemonSet", daemons).state()).isEqualTo(Verdict.State.DONE);
    }

    @Test
    void shouldFindPodProblemsThatNeverResolveThemselves() {
        assertThat(PodProblem.of(new JSONObject("{\"metadata\":{\"name\":\"p\"},\"status\":{\"containerStatuses\":[{"
                + "\"name\":\"c\",\"state\":{\"waiting\":{\"reason\":\"CreateContainerConfigError\",\"message\":"
                + "\"secret \\\"x\\\" not found\"}}}]}}"))).hasValueSatisfying(problem -> assertThat(problem.describe())
                .isEqualTo("pod p container c: CreateContainerConfigError (secret \"x\" not found)"));
        assertThat(PodProblem.of(new JSONObject("{\"metadata\":{\"name\":\"p\"},\"status\":{\"conditions\":[{"
                + "\"type\":\"PodScheduled\",\"status\":\"False\",\"reason\":\"Unschedulable\",\"message\":\"0/2 nodes"
                + "\"}]}}"))).hasValueSatisfying(problem -> assertThat(problem.reason()).isEqualTo("Unschedulable"));
        assertThat(PodProblem.of(new JSONObject("{\"metadata\":{\"name\":\"p\"},\"status\":{\"containerStatuses\":[{"
                + "\"name\":\"c\",\"state\":{\"waiting\":{\"reason\":\"ContainerCreating\"}}}]}}"))).isEmpty();
    }
}
