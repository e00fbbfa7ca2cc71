package io.ascent.core.manifest.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ascent.core.manifest.api.KubernetesVersion;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SchemaLocationTest {
    private static final KubernetesVersion V1_30 = KubernetesVersion.of(1, 30);
    private static final Path BASE = Path.of("/repo");

    @Test
    void defaultIsTheBundle() {
        SchemaLocation location = SchemaLocation.parse("default", BASE);

        assertThat(location.type()).isEqualTo(SchemaLocation.Type.DEFAULT);
        assertThat(location).hasToString("the default location");
    }

    @Test
    void folderWithoutTemplateGetsKubeconformsLayoutRelativeToTheBase() {
        SchemaLocation location = SchemaLocation.parse("schemas/", BASE);

        assertThat(location.type()).isEqualTo(SchemaLocation.Type.FOLDER);
        assertThat(location.expand(V1_30, "apps/v1", "Deployment", true))
                .isEqualTo("/repo/schemas/v1.30.0-standalone-strict/deployment-apps-v1.json");
        assertThat(location.expand(V1_30, "v1", "Service", false))
                .isEqualTo("/repo/schemas/v1.30.0-standalone/service-v1.json");
    }

    @Test
    void templateEndingInJsonIsUsedAsWritten() {
        SchemaLocation location = SchemaLocation.parse("/crds/{{.Group}}/{{.ResourceKind}}_{{.ResourceAPIVersion}}.json", BASE);

        assertThat(location.expand(V1_30, "cert-manager.io/v1", "Certificate", true))
                .isEqualTo("/crds/cert-manager.io/certificate_v1.json");
    }

    @ParameterizedTest
    @CsvSource({
            "apps/v1, Deployment, -apps-v1, apps, v1",
            "networking.k8s.io/v1, Ingress, -networking-v1, networking.k8s.io, v1",
            "v1, ConfigMap, -v1, v1, v1",
            "monitoring.coreos.com/v1, ServiceMonitor, -monitoring-v1, monitoring.coreos.com, v1"})
    void templateVariablesHaveKubeconformsValues(String apiVersion, String kind, String kindSuffix, String group,
                                                 String version) {
        SchemaLocation location = SchemaLocation.parse("https://example.test/{{ .NormalizedKubernetesVersion }}"
                + "{{ .StrictSuffix }}/{{ .Group }}/{{ .ResourceKind }}{{ .KindSuffix }}_{{ .ResourceAPIVersion }}.json", BASE);

        assertThat(location.type()).isEqualTo(SchemaLocation.Type.REMOTE);
        assertThat(location.expand(V1_30, apiVersion, kind, true)).isEqualTo("https://example.test/v1.30.0-strict/"
                + group + "/" + kind.toLowerCase(java.util.Locale.ROOT) + kindSuffix + "_" + version + ".json");
    }

    @Test
    void remoteBaseWithoutTemplateGetsTheStandaloneLayout() {
        SchemaLocation location = SchemaLocation.parse("https://example.test/schemas", BASE);

        assertThat(location.expand(V1_30, "apps/v1", "Deployment", true))
                .isEqualTo("https://example.test/schemas/v1.30.0-standalone-strict/deployment-apps-v1.json");
    }

    @Test
    void unknownTemplateVariableIsRefusedNamingTheKnownOnes() {
        assertThatThrownBy(() -> SchemaLocation.parse("https://example.test/{{ .Kind }}.json", BASE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("schema location 'https://example.test/{{ .Kind }}.json' uses the unknown variable .Kind;"
                        + " known: Group, KindSuffix, NormalizedKubernetesVersion, ResourceAPIVersion, ResourceKind,"
                        + " StrictSuffix");
    }

    @Test
    void templateExpressionOtherThanAVariableIsRefused() {
        assertThatThrownBy(() -> SchemaLocation.parse("/s/{{ lower .ResourceKind }}.json", BASE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("template expression Ascent cannot read");
    }

    @Test
    void otherUrlSchemesAreRefused() {
        assertThatThrownBy(() -> SchemaLocation.parse("ftp://example.test/s", BASE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unsupported scheme");
    }
}
