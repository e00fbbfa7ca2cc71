package io.ascent.jenkins.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockStatic;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.util.FormValidation;
import hudson.util.FormValidation.Kind;
import io.ascent.core.report.render.Format;
import io.ascent.jenkins.agent.KindOperatorSettings;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.Jenkins;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.DataBoundSetter;
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
    void shouldPairTheOperatorsCredentialWithItsServerAndRefuseAUrlATokenMayNotGoTo() {
        AscentGlobalConfiguration config = new AscentGlobalConfiguration();
        assertThat(config.clusterAccess().isSet()).isFalse();
        config.setKubeconfigCredentialsId("ci-token");
        config.setServerUrl(" https://api.example.com:6443 ");
        assertThat(config.getServerUrl()).isEqualTo("https://api.example.com:6443");
        assertThat(config.clusterAccess().credentialsId()).isEqualTo("ci-token");

        assertThatThrownBy(() -> config.setServerUrl("http://api.example.com"))
                .hasMessageContaining("is not an https:// URL");
        assertThatThrownBy(() -> config.setCaCertificate("-----BEGIN CERTIFICATE-----\nAAAA\n"))
                .hasMessageStartingWith("caCertificate: not a PEM certificate");
        assertThat(config.getServerUrl()).isEqualTo("https://api.example.com:6443");
        assertThat(config.getCaCertificate()).isEmpty();
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
    void shouldCarryTheKindMountsAndNodeImagesOneALineToTheAgent() {
        AscentGlobalConfiguration config = new AscentGlobalConfiguration();
        assertThat(config.kindOperatorSettings()).isEqualTo(KindOperatorSettings.NONE);

        config.setKindMounts("/var/cache/ci\n\n  /srv/shared/m2  \n");
        config.setKindNodeImages(" registry.corp:5000/kindest/node\nmirror.example/kind/node\n");

        assertThat(config.kindOperatorSettings().mounts()).containsExactly("/var/cache/ci", "/srv/shared/m2");
        assertThat(config.kindOperatorSettings().nodeImages())
                .containsExactly("registry.corp:5000/kindest/node", "mirror.example/kind/node");
        config.setKindMounts(" ");
        assertThat(config.getKindMounts()).isEmpty();
        assertThat(config.kindOperatorSettings().mounts()).isEmpty();
    }

    @Test
    void shouldRefuseAMountFolderThatIsRelativeTheRootOrAmbiguousSoABadJcascFileFailsAtLoad() {
        AscentGlobalConfiguration config = new AscentGlobalConfiguration();
        assertThatThrownBy(() -> config.setKindMounts("/var/cache/ci\ncache")).isInstanceOf(
                IllegalArgumentException.class).hasMessage("'cache' is not an absolute path on the agent (such as "
                + "/var/cache/ci)");
        assertThatThrownBy(() -> config.setKindMounts("/")).hasMessageContaining("is the root folder");
        assertThatThrownBy(() -> config.setKindMounts("/./")).hasMessageContaining("is the root folder");
        assertThatThrownBy(() -> config.setKindMounts("/srv/../etc")).hasMessageContaining("holds '..'");
        assertThatThrownBy(() -> config.setKindMounts("/srv/a:b")).hasMessageContaining("holds ':'");
        assertThatThrownBy(() -> config.setKindMounts("C:\\cache")).hasMessageContaining("not an absolute path");
        assertThat(config.getKindMounts()).isEmpty();
    }

    @Test
    void shouldRefuseANodeImageLineThatIsNoRepository() {
        AscentGlobalConfiguration config = new AscentGlobalConfiguration();
        assertThatThrownBy(() -> config.setKindNodeImages("mirror.corp/kindest/node:v1.31"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("holds a tag");
        assertThatThrownBy(() -> config.setKindNodeImages("mirror corp"))
                .hasMessageContaining("is not an image repository");
        assertThat(config.getKindNodeImages()).isEmpty();
    }

    @Test
    void shouldHaveAHelpFileForEverySetting() {
        List<String> fields = new ArrayList<>();
        for (Method method : AscentGlobalConfiguration.class.getDeclaredMethods()) {
            if (method.isAnnotationPresent(DataBoundSetter.class)) {
                fields.add(Character.toLowerCase(method.getName().charAt(3)) + method.getName().substring(4));
            }
        }
        assertThat(fields).contains("kindMounts", "kindNodeImages", "allowedSchemaUrlPrefixes", "serverUrl",
                "caCertificate");
        for (String field : fields) {
            assertThat(AscentGlobalConfiguration.class.getResource("AscentGlobalConfiguration/help-" + field
                    + ".html")).as("help for " + field).isNotNull();
        }
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
            assertThat(config.doCheckKindMounts("/var/cache/ci\n").kind).isEqualTo(Kind.OK);
            assertThat(config.doCheckKindMounts("/var/cache/ci\nrelative").kind).isEqualTo(Kind.ERROR);
            assertThat(config.doCheckKindMounts(null).kind).isEqualTo(Kind.OK);
            assertThat(config.doCheckKindNodeImages("mirror.corp/kindest/node").kind).isEqualTo(Kind.OK);
            assertThat(config.doCheckKindNodeImages("mirror.corp/kindest/node@sha256:ab").kind)
                    .isEqualTo(Kind.ERROR);
            assertThat(config.doCheckCaCertificate("junk").kind).isEqualTo(Kind.ERROR);
            assertThat(config.doCheckCaCertificate("").kind).isEqualTo(Kind.OK);
            StandardCredentials token = CredentialFixtures.secretText("SECRET-TOKEN");
            try (MockedStatic<CredentialsProvider> credentials = mockStatic(CredentialsProvider.class)) {
                credentials.when(() -> CredentialsProvider.findCredentialByIdInItem(eq("ci-token"),
                        eq(StandardCredentials.class), isNull(), any(), anyList())).thenReturn(token);
                FormValidation missing = config.doCheckServerUrl("", "ci-token");
                assertThat(missing.kind).isEqualTo(Kind.ERROR);
                assertThat(missing.getMessage()).contains("is a Secret text (a token)").doesNotContain("SECRET");
                assertThat(config.doCheckServerUrl("https://api.example.com", "ci-token").kind).isEqualTo(Kind.OK);
                assertThat(config.doCheckServerUrl("", "").kind).isEqualTo(Kind.OK);
            }

            doThrow(new AccessDeniedException("no"))
                    .when(jenkins).checkPermission(Jenkins.ADMINISTER);
            assertThatThrownBy(() -> config.doCheckReportFormats("json"))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> config.doCheckKindMounts("/var/cache/ci"))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> config.doCheckKindNodeImages("mirror.corp/node"))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> config.doCheckServerUrl("https://api.example.com", "ci-token"))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> config.doCheckCaCertificate(""))
                    .isInstanceOf(AccessDeniedException.class);
        }
    }
}
