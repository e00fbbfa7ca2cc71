package io.ascent.core.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

class LabelSelectorTest {
    private static final Map<String, Object> POD = Map.of("app", "web", "tier", "frontend");

    private static LabelSelector selector(String json) {
        return LabelSelector.of(new JSONObject(json));
    }

    @Test
    void shouldMatchWhenEveryMatchLabelIsPresentWithItsValue() {
        assertThat(selector("{\"matchLabels\": {\"app\": \"web\"}}").matches(POD)).isTrue();
        assertThat(selector("{\"matchLabels\": {\"app\": \"web\", \"tier\": \"backend\"}}").matches(POD)).isFalse();
    }

    @Test
    void shouldEvaluateEveryOperatorOfMatchExpressions() {
        assertThat(selector("{\"matchExpressions\": [{\"key\": \"tier\", \"operator\": \"In\", "
                + "\"values\": [\"frontend\", \"edge\"]}]}").matches(POD)).isTrue();
        assertThat(selector("{\"matchExpressions\": [{\"key\": \"tier\", \"operator\": \"NotIn\", "
                + "\"values\": [\"frontend\"]}]}").matches(POD)).isFalse();
        assertThat(selector("{\"matchExpressions\": [{\"key\": \"app\", \"operator\": \"Exists\"}]}").matches(POD))
                .isTrue();
        assertThat(selector("{\"matchExpressions\": [{\"key\": \"canary\", \"operator\": \"DoesNotExist\"}]}")
                .matches(POD)).isTrue();
        assertThat(selector("{\"matchExpressions\": [{\"key\": \"app\", \"operator\": \"Near\"}]}").matches(POD))
                .as("an operator Kubernetes does not know selects nothing").isFalse();
    }

    @Test
    void shouldSelectEveryPodWithAnEmptySelectorAsPolicyV1Does() {
        assertThat(selector("{}").matches(POD)).isTrue();
    }

    @Test
    void shouldCompareNumbersAndStringsByTheirText() {
        assertThat(LabelSelector.ofMap(Map.of("version", 2)).matches(Map.of("version", "2"))).isTrue();
    }
}
