package io.ascent.core.provision.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ascent.core.provision.ProvisionException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kubectl's credential plugin policy ({@code kuberc}'s {@code credentialPluginPolicy} and
 * {@code credentialPluginAllowlist}, Kubernetes 1.35) decides whether Ascent runs a kubeconfig's exec plugin, matched
 * as kubectl's documentation says, and failing closed where a policy file is broken.
 */
class CredentialPluginPolicyTest {

    @TempDir
    Path home;

    private Path bin() throws Exception {
        return Files.createDirectories(home.resolve("bin"));
    }

    private Path executable(Path folder, String name) throws Exception {
        Path file = Files.writeString(Files.createDirectories(folder).resolve(name), "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        return file;
    }

    private Map<String, String> kuberc(String text) throws Exception {
        Files.writeString(Files.createDirectories(home.resolve(".kube")).resolve("kuberc"),
                "apiVersion: kubectl.config.k8s.io/v1beta1\nkind: Preference\n" + text);
        return Map.of("HOME", home.toString(), "PATH", bin().toString());
    }

    private static void check(Map<String, String> environment, String command) throws Exception {
        CredentialPluginPolicy.of(environment).check(command, environment);
    }

    @Test
    void shouldAllowEveryPluginWhenThereIsNoKuberc() {
        assertThatCode(() -> check(Map.of("HOME", home.toString(), "PATH", "/usr/bin"), "anything"))
                .doesNotThrowAnyException();
    }

    @Test
    void shouldAllowEveryPluginWhenTheKubercSetsNoPolicy() throws Exception {
        Map<String, String> environment = kuberc("defaults: []\n");

        assertThatCode(() -> check(environment, "cloudco-login")).doesNotThrowAnyException();
    }

    @Test
    void shouldRefuseEveryPluginWithKubectlsWordsWhenTheKubercDeniesAll() throws Exception {
        Map<String, String> environment = kuberc("credentialPluginPolicy: DenyAll\n");

        assertThatThrownBy(() -> check(environment, "cloudco-login"))
                .hasMessage("plugin \"cloudco-login\" not allowed: policy set to \"DenyAll\" in "
                        + home.resolve(".kube/kuberc"));
    }

    @Test
    void shouldReadTheKubercThatKubercNames() throws Exception {
        Path elsewhere = Files.writeString(home.resolve("team-kuberc"), "credentialPluginPolicy: DenyAll\n");

        assertThatThrownBy(() -> check(Map.of("KUBERC", elsewhere.toString(), "PATH", "/usr/bin"), "login"))
                .hasMessageContaining("policy set to \"DenyAll\" in " + elsewhere);
    }

    @Test
    void shouldIgnoreTheKubercWhenKubectlIsToldTo() throws Exception {
        Map<String, String> denying = kuberc("credentialPluginPolicy: DenyAll\n");

        assertThatCode(() -> check(with(denying, "KUBERC", "off"), "login")).doesNotThrowAnyException();
        assertThatCode(() -> check(with(denying, "KUBECTL_KUBERC", "false"), "login")).doesNotThrowAnyException();
    }

    @Test
    void shouldAllowAListedNameWhereverThePluginIsNamedFromWhenBothAreTheSameFile() throws Exception {
        Path plugin = executable(bin(), "get-identity");
        Map<String, String> environment = kuberc("credentialPluginPolicy: Allowlist\n"
                + "credentialPluginAllowlist:\n- name: get-identity\n");

        assertThatCode(() -> check(environment, "get-identity")).doesNotThrowAnyException();
        assertThatCode(() -> check(environment, plugin.toString())).doesNotThrowAnyException();
    }

    @Test
    void shouldAllowAListedPathWhenThePluginIsFoundThere() throws Exception {
        Path plugin = executable(bin(), "cloudco-login");
        Map<String, String> environment = kuberc("credentialPluginPolicy: Allowlist\n"
                + "credentialPluginAllowlist:\n- name: " + plugin + "\n");

        assertThatCode(() -> check(environment, "cloudco-login")).doesNotThrowAnyException();
    }

    @Test
    void shouldRefuseAPluginOfAListedNameThatIsAnotherFile() throws Exception {
        executable(bin(), "cloudco-login");
        Path other = executable(home.resolve("downloads"), "cloudco-login");
        Map<String, String> environment = kuberc("credentialPluginPolicy: Allowlist\n"
                + "credentialPluginAllowlist:\n- name: cloudco-login\n");

        assertThatThrownBy(() -> check(environment, other.toString()))
                .hasMessage("plugin \"" + other + "\" not allowed: not in the credentialPluginAllowlist of "
                        + home.resolve(".kube/kuberc"));
    }

    @Test
    void shouldRefuseAPluginFoundOnPathWhenTheListedPathIsAnotherFile() throws Exception {
        executable(bin(), "cloudco-login");
        Map<String, String> environment = kuberc("credentialPluginPolicy: Allowlist\n"
                + "credentialPluginAllowlist:\n- name: /opt/trusted/cloudco-login\n");

        assertThatThrownBy(() -> check(environment, "cloudco-login"))
                .hasMessageContaining("not in the credentialPluginAllowlist");
    }

    @Test
    void shouldRefuseEveryPluginWhenTheAllowlistIsMissingOrAnEntryHasNoName() throws Exception {
        executable(bin(), "login");

        assertThatThrownBy(() -> check(kuberc("credentialPluginPolicy: Allowlist\n"), "login"))
                .hasMessageContaining("with no credentialPluginAllowlist");
        assertThatThrownBy(() -> check(kuberc("credentialPluginPolicy: Allowlist\ncredentialPluginAllowlist:\n"
                + "- name: login\n- command: login\n"), "login"))
                .hasMessageContaining("entry 2 of credentialPluginAllowlist has no name");
    }

    @Test
    void shouldRefuseEveryPluginUnderAnUnknownPolicy() throws Exception {
        assertThatThrownBy(() -> check(kuberc("credentialPluginPolicy: AllowSome\n"), "login"))
                .hasMessageContaining("unknown credentialPluginPolicy \"AllowSome\"");
    }

    @Test
    void shouldRefuseEveryPluginWhenKubercNamesNoFile() {
        Path missing = home.resolve("no-such-kuberc");

        assertThatThrownBy(() -> check(Map.of("KUBERC", missing.toString()), "login"))
                .hasMessageContaining("KUBERC names " + missing + ", which does not exist");
    }

    @Test
    void shouldNotQuoteAKubercThatIsNotYaml() throws Exception {
        Map<String, String> environment = kuberc("credentialPluginPolicy: [DenyAll\nsecret-looking: hunter2\n");

        assertThatThrownBy(() -> check(environment, "login"))
                .hasMessageContaining("cannot be read as YAML").hasMessageNotContaining("hunter2");
    }

    @Test
    void shouldStopAConnectionBeforeTheDeniedPluginRuns() throws Exception {
        Path ran = home.resolve("plugin-ran");
        Path plugin = Files.writeString(bin().resolve("login"), "#!/bin/sh\ntouch " + ran + "\nexit 1\n");
        Files.setPosixFilePermissions(plugin, PosixFilePermissions.fromString("rwx------"));
        Map<String, String> environment = kuberc("credentialPluginPolicy: DenyAll\n");
        Path kubeconfig = Files.writeString(home.resolve("kubeconfig"), "apiVersion: v1\nkind: Config\n"
                + "clusters:\n- name: c\n  cluster:\n    server: https://127.0.0.1:1\nusers:\n- name: u\n  user:\n"
                + "    exec:\n      apiVersion: client.authentication.k8s.io/v1\n      command: login\n"
                + "      interactiveMode: Never\ncontexts:\n- name: ci\n  context: {cluster: c, user: u}\n"
                + "current-context: ci\n");

        assertThatThrownBy(() -> ClusterConnector.fromKubeconfig(kubeconfig, Optional.empty(), environment))
                .isInstanceOfSatisfying(ProvisionException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProvisionException.Kind.ENVIRONMENT);
                    assertThat(e.getMessage()).contains("context 'ci'", "plugin \"login\" not allowed: policy set "
                            + "to \"DenyAll\"");
                    assertThat(e.remediation()).hasValueSatisfying(fix -> assertThat(fix).contains("Allowlist"));
                });
        assertThat(ran).doesNotExist();
    }

    private static Map<String, String> with(Map<String, String> environment, String key, String value) {
        Map<String, String> copy = new java.util.HashMap<>(environment);
        copy.put(key, value);
        return copy;
    }
}
