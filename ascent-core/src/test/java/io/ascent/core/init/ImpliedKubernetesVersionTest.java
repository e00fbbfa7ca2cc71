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

    @Test
    void shouldIgnoreCustomResourcesAndProposeTheNewestWithoutManifests() {
        assertThat(ImpliedKubernetesVersion.of(List.of("example.com/v1 Widget"), ApiLifecycleTable.builtIn(),
                RELEASES).version()).isEqualTo(KubernetesVersion.of(1, 31));
        assertThat(ImpliedKubernetesVersion.of(List.of(), ApiLifecycleTable.builtIn(), RELEASES).version())
                .isEqualTo(KubernetesVersion.of(1, 31));
    }
}
