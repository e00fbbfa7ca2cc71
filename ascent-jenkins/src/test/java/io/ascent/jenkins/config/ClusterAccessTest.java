package io.ascent.jenkins.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockStatic;
import static org.mockito.Mockito.when;
import static io.ascent.jenkins.config.CredentialFixtures.secretText;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.AbortException;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.ascent.jenkins.agent.ClusterCredential;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.MockedStatic;

class ClusterAccessTest {

    private static final String TOKEN = "SECRET-TOKEN-sa.xyz";

    private final Run<?, ?> run = mock(Run.class);
    private final TaskListener listener = mock(TaskListener.class);
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private MockedStatic<CredentialsProvider> provider;

    @BeforeEach
    void setUp() {
        when(listener.getLogger()).thenReturn(new PrintStream(log, true, StandardCharsets.UTF_8));
        provider = mockStatic(CredentialsProvider.class);
    }

    @AfterEach
    void tearDown() {
        provider.close();
    }

    private String log() {
        return log.toString(StandardCharsets.UTF_8);
    }

    private void stored(String id, StandardCredentials credential) {
        provider.when(() -> CredentialsProvider.findCredentialById(eq(id), eq(StandardCredentials.class), eq(run),
                anyList())).thenReturn(credential);
    }

    @Test
    void shouldReadASecretTextAsATokenForTheServerAndRecordItsUse() throws Exception {
        StringCredentials credential = secretText(TOKEN);
        stored("ci-token", credential);

        ClusterCredential read = new ClusterAccess("ci-token", "https://api.example.com:6443", "").read(run, listener);

        assertThat(read.isToken()).isTrue();
        assertThat(read.id()).isEqualTo("ci-token");
        provider.verify(() -> CredentialsProvider.track(run, credential));
        assertThat(log()).isEqualTo("[ascent] using the token of credential 'ci-token' for "
                + "https://api.example.com:6443 (the agent's trust store)\n");
    }

    @Test
    void shouldFailClearlyForATokenWithoutAServerUrl() {
        stored("ci-token", secretText(TOKEN));

        assertThatThrownBy(() -> new ClusterAccess("ci-token", "", "").read(run, listener))
                .isInstanceOf(AbortException.class)
                .hasMessage("[ascent] cluster credential 'ci-token' is a Secret text (a token): set serverUrl to the "
                        + "API server's URL (such as https://api.example.com:6443), and caCertificate unless the "
                        + "agent's Java trust store knows the server's CA");
        assertThat(log()).isEmpty();
    }

    @Test
    void shouldRefuseABadTokenOrUrlWithoutShowingTheToken() {
        stored("ci-token", secretText("line one\n" + TOKEN));
        assertThatThrownBy(() -> new ClusterAccess("ci-token", "https://api.example.com", "").read(run, listener))
                .isInstanceOf(AbortException.class).hasMessageStartingWith("[ascent] credential 'ci-token' holds "
                        + "whitespace").hasMessageNotContaining(TOKEN);

        stored("ci-token", secretText(TOKEN));
        assertThatThrownBy(() -> new ClusterAccess("ci-token", "http://api.example.com", "").read(run, listener))
                .isInstanceOf(AbortException.class).hasMessageStartingWith("[ascent] serverUrl: 'http://api.example"
                        + ".com' is not an https:// URL");
        assertThat(log()).doesNotContain(TOKEN);
    }

    @Test
    void shouldReadASecretFileAsTheKubeconfigItHolds() throws Exception {
        FileCredentials credential = mock(FileCredentials.class);
        when(credential.getContent()).thenReturn(new ByteArrayInputStream("apiVersion: v1\n".getBytes(
                StandardCharsets.UTF_8)));
        stored("prod-kubeconfig", credential);

        ClusterCredential read = new ClusterAccess("prod-kubeconfig", "", "").read(run, listener);

        assertThat(read.isToken()).isFalse();
        provider.verify(() -> CredentialsProvider.track(run, credential));
        assertThat(log()).isEqualTo("[ascent] using the kubeconfig of credential 'prod-kubeconfig'\n");
    }

    @Test
    void shouldRefuseAServerUrlForASecretFileWhoseKubeconfigNamesItsServer() {
        stored("prod-kubeconfig", mock(FileCredentials.class));
        assertThatThrownBy(() -> new ClusterAccess("prod-kubeconfig", "https://other.example.com", "")
                .read(run, listener)).isInstanceOf(AbortException.class)
                .hasMessageContaining("is a Secret file: its kubeconfig names the server");
    }

    @Test
    void shouldRefuseAnotherKindOfCredentialOrAMissingOne() {
        stored("ssh-key", mock(StandardCredentials.class));
        assertThatThrownBy(() -> new ClusterAccess("ssh-key", "", "").read(run, listener))
                .isInstanceOf(AbortException.class)
                .hasMessageContaining("use a Secret file (a kubeconfig) or a Secret text");
        assertThatThrownBy(() -> new ClusterAccess("gone", "", "").read(run, listener))
                .hasMessage("[ascent] cluster credential 'gone' does not exist or this build may not use it");
    }

    @Test
    void shouldReadNothingWithoutACredentialButRefuseAServerWithoutOne() throws Exception {
        assertThat(ClusterAccess.NONE.read(run, listener)).isNull();
        assertThat(ClusterAccess.NONE.isSet()).isFalse();
        assertThatThrownBy(() -> new ClusterAccess(" ", "https://api.example.com", "").read(run, listener))
                .isInstanceOf(AbortException.class).hasMessageStartingWith("[ascent] serverUrl and caCertificate "
                        + "are set without credentialsId");
        provider.verifyNoInteractions();
    }

    @Test
    void shouldCheckTheFormsServerUrlAgainstThePickedCredential() {
        assertThat(ClusterAccessChecks.serverUrl("", secretText(TOKEN))).hasValueSatisfying(problem ->
                assertThat(problem).startsWith("the credential is a Secret text (a token): give the API server's"));
        assertThat(ClusterAccessChecks.serverUrl("https://api.example.com", secretText(TOKEN))).isEmpty();
        assertThat(ClusterAccessChecks.serverUrl("https://api.example.com", mock(FileCredentials.class)))
                .hasValueSatisfying(problem -> assertThat(problem).contains("is a Secret file"));
        assertThat(ClusterAccessChecks.serverUrl("", mock(FileCredentials.class))).isEmpty();
        assertThat(ClusterAccessChecks.serverUrl("http://api.example.com", null))
                .hasValueSatisfying(problem -> assertThat(problem).contains("is not an https:// URL"));
        assertThat(ClusterAccessChecks.caCertificate("junk")).isPresent();
        assertThat(ClusterAccessChecks.caCertificate(" ")).isEqualTo(Optional.empty());
    }
}
