package io.ascent.jenkins.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockStatic;

import hudson.util.FormValidation.Kind;
import io.ascent.core.report.render.Format;
import jenkins.model.Jenkins;
import org.junit.jupiter.api.Test;
import org.mockito.MockedStatic;
import org.springframework.security.access.AccessDeniedException;

class AscentGlobalConfigurationTest {

    @Test
    void shouldStartWithDocumentedDefaults() {
        AscentGlobalConfiguration config = new AscentGlobalConfiguration();
        assertThat(config.getKindPath()).isEqualTo("kind");
        assertThat(config.getKubernetesVersion()).isEmpty();
        assertThat(config.formats()).containsExactly(Format.JSON, Format.JUNIT, Format.SARIF, Format.MARKDOWN);
        assertThat(config.schemaUrlPrefixes()).isEmpty();
        assertThat(config.getKubeconfigCredentialsId()).isEmpty();
    }

    @Test
    void shouldNormaliseWhatJcascOrTheFormSets() {
        AscentGlobalConfiguration config = new AscentGlobalConfiguration();
        config.setKindPath("  ");
        config.setKubernetesVersion(" 1.30 ");
        config.setReportFormats("sarif, junit,sarif");
        config.setAllowedSchemaUrlPrefixes("https://schemas.example/\n\n  https://raw.example/crds/  \n");
        config.setKubeconfigCredentialsId(" prod-kubeconfig ");
        assertThat(config.getKindPath()).isEqualTo("kind");
        assertThat(config.getKubernetesVersion()).isEqualTo("1.30");
        assertThat(config.formats()).containsExactly(Format.JSON, Format.SARIF, Format.JUNIT);
        assertThat(config.schemaUrlPrefixes()).containsExactly("https://schemas.example/", "https://raw.example/crds/");
        assertThat(config.allowedUrls().allows("https://raw.example/crds/x.json")).isTrue();
        assertThat(config.allowedUrls().allows("https://evil.example/x.json")).isFalse();
        assertThat(config.getKubeconfigCredentialsId()).isEqualTo("prod-kubeconfig");
    }

    @Test
    void shouldRefuseAnUnknownReportFormatSoABadJcascFileFailsAtLoad() {
        AscentGlobalConfiguration config = new AscentGlobalConfiguration();
        assertThatThrownBy(() -> config.setReportFormats("json,pdf"))
                .hasMessage("unknown report format 'pdf'; known: text, json, junit, sarif, markdown, html");
        assertThat(config.getReportFormats()).isEqualTo(ReportFormats.DEFAULT);
    }

    @Test
    void shouldRefuseAPrefixTheEngineCannotAllow() {
        AscentGlobalConfiguration config = new AscentGlobalConfiguration();
        assertThatThrownBy(() -> config.setAllowedSchemaUrlPrefixes("https://ok.example/\nftp://files.example/"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ftp://files.example/");
        assertThat(config.getAllowedSchemaUrlPrefixes()).isEmpty();
        assertThat(config.allowedUrls().isEmpty()).isTrue();
    }

    @Test
    void shouldAlwaysWriteJsonBecauseTheBuildPageReadsIt() {
        assertThat(ReportFormats.parse("markdown")).containsExactly(Format.JSON, Format.MARKDOWN);
        assertThat(ReportFormats.parse("")).containsExactly(Format.JSON);
    }

    @Test
    void shouldAnswerFormChecksOnlyToAdministrators() {
        AscentGlobalConfiguration config = new AscentGlobalConfiguration();
        Jenkins jenkins = mock(Jenkins.class);
        try (MockedStatic<Jenkins> statics = mockStatic(Jenkins.class)) {
            statics.when(Jenkins::get).thenReturn(jenkins);
            assertThat(config.doCheckReportFormats("json,pdf").kind).isEqualTo(Kind.ERROR);
            assertThat(config.doCheckAllowedSchemaUrlPrefixes("ftp://x/").kind)
                    .isEqualTo(Kind.ERROR);
            assertThat(config.doCheckAllowedSchemaUrlPrefixes("https://x/\n").kind)
                    .isEqualTo(Kind.OK);
            assertThat(config.doCheckKubernetesVersion("1.30").kind).isEqualTo(Kind.OK);

            doThrow(new AccessDeniedException("no"))
                    .when(jenkins).checkPermission(Jenkins.ADMINISTER);
            assertThatThrownBy(() -> config.doCheckReportFormats("json"))
                    .isInstanceOf(AccessDeniedException.class);
        }
    }
}
