package io.ascent.core.manifest.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.jsonschema.LocatedSchemaValidator;
import io.ascent.core.manifest.api.KubernetesVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KubernetesSchemaBundleTest {
    private final KubernetesSchemaBundle bundle = KubernetesSchemaBundle.builtIn();

    @Test
    void bundleCoversEveryReleaseFrom122To137() {
        assertThat(bundle.versions()).containsExactlyElementsOf(
                IntStream.rangeClosed(22, 37).mapToObj(minor -> KubernetesVersion.of(1, minor)).toList());
        assertThat(bundle.provenance()).contains("kubernetes-validate").contains("1.37.0").contains("1.28.3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.22", "1.30", "1.37"})
    void everyBundledKindOfTheReleaseCompiles(String version) {
        KubernetesVersion release = KubernetesVersion.parse(version);
        List<String> failures = new ArrayList<>();
        for (String kind : bundle.kinds(release)) {
            String[] parts = kind.split(" ");
            try {
                JSONObject schema = bundle.schema(release, parts[0], parts[1], true).orElseThrow();
                LocatedSchemaValidator.fromJson(schema);
            } catch (RuntimeException e) {
                failures.add(kind + ": " + e.getMessage());
            }
        }

        assertThat(bundle.kinds(release)).hasSizeGreaterThan(200).contains("apps/v1 Deployment", "v1 Service",
                "networking.k8s.io/v1 Ingress", "apiextensions.k8s.io/v1 CustomResourceDefinition");
        assertThat(failures).isEmpty();
    }

    @Test
    void shouldTypeQuantitiesAsNumberOrStringInEveryRelease() {
        for (KubernetesVersion release : bundle.versions()) {
            JSONObject schema = bundle.schema(release, "v1", "LimitRange", true).orElseThrow();
            JSONObject quantity = schema.getJSONObject("definitions")
                    .getJSONObject("io.k8s.apimachinery.pkg.api.resource.Quantity");

            assertThat(quantity.getJSONArray("type").toList()).as("Quantity at %s", release)
                    .containsExactlyInAnyOrder("number", "string");
        }
    }

    @Test
    void kindsComeAndGoWithTheirReleases() {
        assertThat(bundle.kinds(KubernetesVersion.of(1, 24))).contains("policy/v1beta1 PodSecurityPolicy");
        assertThat(bundle.kinds(KubernetesVersion.of(1, 25))).doesNotContain("policy/v1beta1 PodSecurityPolicy");
        assertThat(bundle.kinds(KubernetesVersion.of(1, 28))).doesNotContain("flowcontrol.apiserver.k8s.io/v1 FlowSchema");
        assertThat(bundle.kinds(KubernetesVersion.of(1, 29))).contains("flowcontrol.apiserver.k8s.io/v1 FlowSchema");
    }

    @Test
    void schemaIsSelfContainedDraft07WithOnlyTheDefinitionsItReaches() {
        JSONObject schema = bundle.schema(KubernetesVersion.of(1, 30), "v1", "ConfigMap", true).orElseThrow();

        assertThat(schema.getString("$ref")).isEqualTo("#/definitions/io.k8s.api.core.v1.ConfigMap");
        assertThat(schema.getJSONObject("definitions").keySet()).contains("io.k8s.api.core.v1.ConfigMap",
                "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta").doesNotContain("io.k8s.api.core.v1.PodSpec");
        assertThat(schema.toString()).doesNotContain("\"null\"").doesNotContain("$defs");
    }

    @Test
    void lenientSchemaHasNoAdditionalPropertiesFalse() {
        JSONObject strict = bundle.schema(KubernetesVersion.of(1, 30), "apps/v1", "Deployment", true).orElseThrow();
        JSONObject lenient = bundle.schema(KubernetesVersion.of(1, 30), "apps/v1", "Deployment", false).orElseThrow();

        assertThat(strict.toString()).contains("\"additionalProperties\":false");
        assertThat(lenient.toString()).doesNotContain("\"additionalProperties\":false");
    }
}
