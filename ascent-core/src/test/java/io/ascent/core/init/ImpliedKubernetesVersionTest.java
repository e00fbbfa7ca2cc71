package io.ascent.core.init;

import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.manifest.api.ApiLifecycleTable;
import io.ascent.core.manifest.api.KubernetesVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The version manifests imply, from the API table. */
class ImpliedKubernetesVersionTest {
    private static final List<KubernetesVersion> RELEASES = List.of(KubernetesVersion.of(1, 20),
            KubernetesVersion.of(1, 22), KubernetesVersion.of(1, 24), KubernetesVersion.of(1, 25),
            KubernetesVersion.of(1, 31));

    @Test
    void shouldProposeTheNewestReleaseServingEveryApi() {
        ImpliedKubernetesVersion implied = ImpliedKubernetesVersion.of(
                List.of("apps/v1 Deployment", "policy/v1beta1 PodDisruptionBudget"), ApiLifecycleTable.builtIn(),
                RELEASES);
        assertThat(implied.version()).isEqualTo(KubernetesVersion.of(1, 24));
        assertThat(implied.oldest()).contains(KubernetesVersion.of(1, 20));
        assertThat(implied.newest()).contains(KubernetesVersion.of(1, 24));
        assertThat(implied.notServed()).isEmpty();
    }

    @Test
    void shouldProposeTheNewestReleaseServingTheMostWhenNoneServesAll() {
        ImpliedKubernetesVersion implied = ImpliedKubernetesVersion.of(
                List.of("extensions/v1beta1 Ingress", "policy/v1 PodDisruptionBudget"), ApiLifecycleTable.builtIn(),
                RELEASES);
        assertThat(implied.oldest()).isEmpty();
        assertThat(implied.version()).isEqualTo(KubernetesVersion.of(1, 31));
        assertThat(implied.notServed()).containsExactly("extensions/v1beta1 Ingress");
    }

    /**
     * The survey hands the pairs over as a set whose order changes from run to run (Set.copyOf); what init writes
     * must not (kubernetes/examples: its two "not served by 1.24" lines swapped between two runs of init).
     */
    @Test
    void shouldListTheUnservedApisInOneOrderWhateverOrderTheyCameIn() {
        ImpliedKubernetesVersion implied = ImpliedKubernetesVersion.of(
                List.of("storage.k8s.io/v1beta1 StorageClass", "extensions/v1beta1 DaemonSet", "apps/v1 Deployment"),
                ApiLifecycleTable.builtIn(), List.of(KubernetesVersion.of(1, 24)));
        assertThat(implied.notServed()).containsExactly("extensions/v1beta1 DaemonSet",
                "storage.k8s.io/v1beta1 StorageClass");
    }

    @Test
    void shouldIgnoreCustomResourcesAndProposeTheNewestWithoutManifests() {
        assertThat(ImpliedKubernetesVersion.of(List.of("example.com/v1 Widget"), ApiLifecycleTable.builtIn(),
                RELEASES).version()).isEqualTo(KubernetesVersion.of(1, 31));
        assertThat(ImpliedKubernetesVersion.of(List.of(), ApiLifecycleTable.builtIn(), RELEASES).version())
                .isEqualTo(KubernetesVersion.of(1, 31));
    }
}
