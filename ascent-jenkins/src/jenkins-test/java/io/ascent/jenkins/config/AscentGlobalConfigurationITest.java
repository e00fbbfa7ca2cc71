package io.ascent.jenkins.config;

import static io.jenkins.plugins.casc.misc.Util.getUnclassifiedRoot;
import static io.jenkins.plugins.casc.misc.Util.toStringFromYamlFile;
import static io.jenkins.plugins.casc.misc.Util.toYamlString;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.casc.ConfigurationContext;
import io.jenkins.plugins.casc.ConfiguratorRegistry;
import io.jenkins.plugins.casc.misc.ConfiguredWithCode;
import io.jenkins.plugins.casc.misc.JenkinsConfiguredWithCodeRule;
import io.jenkins.plugins.casc.misc.junit.jupiter.WithJenkinsConfiguredWithCode;
import io.jenkins.plugins.casc.model.CNode;
import io.ascent.core.report.render.Format;
import org.junit.jupiter.api.Test;

/** JCasC: {@code unclassified: ascent:} configures the plugin, and the export reads back the same YAML. */
class AscentGlobalConfigurationITest {

    @Test
    @WithJenkinsConfiguredWithCode
    @ConfiguredWithCode("ascent-casc.yaml")
    void shouldConfigureFromJcascAndExportTheSame(JenkinsConfiguredWithCodeRule r) throws Exception {
        AscentGlobalConfiguration config = AscentGlobalConfiguration.get();
        assertThat(config.getKindPath()).isEqualTo("/opt/kind/bin/kind");
        assertThat(config.getKubernetesVersion()).isEqualTo("1.30");
        assertThat(config.formats()).containsExactly(Format.JSON, Format.SARIF, Format.JUNIT);
        assertThat(config.schemaUrlPrefixes()).containsExactly("https://schemas.example.org/k8s/");
        assertThat(config.getKubeconfigCredentialsId()).isEqualTo("staging-kubeconfig");
        assertThat(config.getServerUrl()).isEqualTo("https://api.staging.example.com:6443");
        assertThat(config.kindOperatorSettings().mounts()).containsExactly("/var/cache/ci-shared");
        assertThat(config.kindOperatorSettings().nodeImages())
                .containsExactly("registry.example.com:5000/kindest/node");

        ConfigurationContext context = new ConfigurationContext(ConfiguratorRegistry.get());
        CNode exported = getUnclassifiedRoot(context).get("ascent");
        assertThat(toYamlString(exported)).isEqualTo(toStringFromYamlFile(this, "ascent-casc-expected.yaml"));
    }
}
