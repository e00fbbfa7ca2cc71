package io.ascent.core.manifest.cel;

import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.manifest.api.KubernetesVersion;
import io.ascent.core.manifest.schema.ClusterApiSchemaBundle;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The rules of ClusterAPI's bundled CRDs are looked up only for ClusterAPI's groups with a release named (a run
 * without ClusterAPI objects never opens the bundle), and each kind's are read once, so they compile once per run.
 */
class ClusterApiRulesTest {
    private final AtomicInteger opened = new AtomicInteger();
    private final Supplier<ClusterApiSchemaBundle> counting = () -> {
        opened.incrementAndGet();
        return ClusterApiSchemaBundle.builtIn();
    };

    @Test
    void shouldNotOpenTheBundleForObjectsOfOtherGroups() {
        ClusterApiRules rules = new ClusterApiRules(KubernetesVersion.of(1, 13), counting);

        assertThat(rules.find("example.com/v1", "Widget")).isEmpty();
        assertThat(rules.find("gateway.networking.k8s.io/v1", "HTTPRoute")).isEmpty();
        assertThat(rules.find("x-k8s.io/v1", "Cluster")).isEmpty();
        assertThat(opened).hasValue(0);

        assertThat(rules.find("cluster.x-k8s.io/v1beta1", "MachineHealthCheck")).hasValueSatisfying(found -> {
            assertThat(found.rules()).isNotNull();
            assertThat(found.source()).isEqualTo("ClusterAPI 1.13's CRD machinehealthchecks.cluster.x-k8s.io"
                    + " (bundled with Ascent, from sigs.k8s.io/cluster-api v1.13.6)");
        });
        assertThat(opened).hasPositiveValue();
    }

    @Test
    void shouldNotOpenTheBundleWithoutAClusterApiRelease() {
        ClusterApiRules rules = new ClusterApiRules(null, counting);

        assertThat(rules.find("cluster.x-k8s.io/v1beta1", "Cluster")).isEmpty();
        assertThat(opened).hasValue(0);
    }

    @Test
    void shouldReadEachKindOnceSoThatItsRulesCompileOnce() {
        ClusterApiRules rules = new ClusterApiRules(KubernetesVersion.of(1, 13), counting);

        RuleSchema first = rules.find("cluster.x-k8s.io/v1beta1", "Cluster").orElseThrow().rules();
        RuleSchema second = rules.find("cluster.x-k8s.io/v1beta1", "Cluster").orElseThrow().rules();

        // RuleEvaluator keeps compiled programs by rule identity: the same objects are compiled once
        assertThat(second).isSameAs(first);
        assertThat(opened).hasValue(1);
    }

    @Test
    void shouldTellAKindServedWithoutRulesFromOneNotServed() {
        ClusterApiRules rules = new ClusterApiRules(KubernetesVersion.of(1, 3), counting);

        // ClusterAPI 1.3's Cluster has neither rules nor list types; v1beta2 came with 1.11
        assertThat(rules.find("cluster.x-k8s.io/v1beta1", "Cluster"))
                .hasValueSatisfying(found -> assertThat(found.judges()).isFalse());
        assertThat(rules.find("cluster.x-k8s.io/v1beta2", "Cluster")).isEmpty();
    }

    @Test
    void shouldNameABundledRuleByItsSchemaNode() {
        ClusterApiRules rules = new ClusterApiRules(KubernetesVersion.of(1, 13), counting);

        ValidationRule rule = rules.find("cluster.x-k8s.io/v1beta1", "MachineHealthCheck").orElseThrow().rules()
                .allRules().get(0);

        assertThat(rule.location()).isNull();
        assertThat(rule.place()).isEqualTo("spec.unhealthyMachineConditions[].type");
        assertThat(rule.describe()).isEqualTo("rule '!(self in ['Ready','Available','HealthCheckSucceeded',"
                + "'OwnerRemediated','ExternallyRemediated'])' at spec.unhealthyMachineConditions[].type of ClusterAPI"
                + " 1.13's CRD machinehealthchecks.cluster.x-k8s.io (bundled with Ascent, from sigs.k8s.io/cluster-api"
                + " v1.13.6)");
    }
}
