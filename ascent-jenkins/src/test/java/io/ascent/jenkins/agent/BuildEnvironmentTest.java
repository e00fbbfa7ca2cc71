package io.ascent.jenkins.agent;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.EnvVars;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The build's environment on the agent: the build's variables, Ascent's operator settings the agent's own. */
class BuildEnvironmentTest {

    @Test
    void shouldRunInTheBuildsVariablesNotTheAgentProcesss() {
        BuildEnvironment build = BuildEnvironment.of(new EnvVars(Map.of("KUBECONFIG", "/ws@tmp/kc",
                "PATH", "/tools/kind/bin:/usr/bin", "HTTPS_PROXY", "http://proxy:3128")));

        Map<String, String> run = build.onAgent(Map.of("KUBECONFIG", "/home/agent/.kube/config",
                "PATH", "/usr/bin", "AGENT_ONLY", "x"));

        assertThat(run).containsExactlyInAnyOrderEntriesOf(Map.of("KUBECONFIG", "/ws@tmp/kc",
                "PATH", "/tools/kind/bin:/usr/bin", "HTTPS_PROXY", "http://proxy:3128"));
    }

    @Test
    void shouldTakeAscentsOperatorSettingsFromTheAgentProcessNeverFromTheBuild() {
        // a Jenkinsfile's withEnv is the repository's: it may not allow mounting / or fetching from anywhere
        BuildEnvironment build = BuildEnvironment.of(Map.of("ASCENT_KIND_MOUNTS", "/",
                "ASCENT_ALLOWED_URLS", "https://", "ASCENT_KIND", "/tmp/evil-kind", "KUBECONFIG", "/ws@tmp/kc"));

        Map<String, String> run = build.onAgent(Map.of("ASCENT_KIND_MOUNTS", "/var/cache/ci", "HOME", "/agent"));

        assertThat(run).containsExactlyInAnyOrderEntriesOf(Map.of("ASCENT_KIND_MOUNTS", "/var/cache/ci",
                "KUBECONFIG", "/ws@tmp/kc"));
    }

    @Test
    void shouldNameNoValueWhenPrintedAndCrossTheChannelIntact() throws Exception {
        Map<String, String> variables = new HashMap<>(Map.of("AWS_SECRET_ACCESS_KEY", "hunter2-secret",
                "KUBECONFIG", "/ws@tmp/kc"));
        variables.put("NULL_VALUE", null);
        BuildEnvironment build = BuildEnvironment.of(variables);

        assertThat(build.toString()).isEqualTo("BuildEnvironment(2 variables)").doesNotContain("hunter2");
        assertThat(Serialization.roundTrip(build).onAgent(Map.of())).isEqualTo(build.onAgent(Map.of()))
                .containsOnlyKeys("AWS_SECRET_ACCESS_KEY", "KUBECONFIG");
    }

    @Test
    void shouldCompareNamesIgnoringCaseAsEnvVarsDoesAndKeepThatAcrossTheChannel() throws Exception {
        // a Windows agent's variable is "Path"; a build's PATH+TOOL or withEnv(['PATH=...']) is the same variable
        EnvVars agent = new EnvVars(Map.of("Path", "C:\\Windows"));
        agent.put("PATH", "C:\\kind;C:\\Windows");
        BuildEnvironment build = Serialization.roundTrip(BuildEnvironment.of(agent));

        Map<String, String> run = build.onAgent(Map.of());

        assertThat(run).hasSize(1);
        assertThat(run.get("PATH")).isEqualTo("C:\\kind;C:\\Windows");
        assertThat(run.get("path")).isEqualTo("C:\\kind;C:\\Windows");
    }

    @Test
    void shouldTakeOperatorSettingsFromTheAgentWhateverTheCaseTheBuildSpellsThemIn() {
        BuildEnvironment build = BuildEnvironment.of(Map.of("ascent_allowed_urls", "https://",
                "Ascent_Kind", "C:\\evil\\kind.exe"));

        Map<String, String> run = build.onAgent(Map.of("ASCENT_KIND", "C:\\tools\\kind.exe"));

        assertThat(run).containsOnlyKeys("ASCENT_KIND");
        assertThat(run.get("ascent_kind")).isEqualTo("C:\\tools\\kind.exe");
        assertThat(run.get("ASCENT_ALLOWED_URLS")).isNull();
    }
}
