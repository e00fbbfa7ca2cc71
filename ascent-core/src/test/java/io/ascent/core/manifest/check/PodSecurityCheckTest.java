package io.ascent.core.manifest.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.manifest.ManifestWorkspace;
import io.ascent.core.report.Item;
import io.ascent.core.report.Severity;
import io.ascent.core.report.Status;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code manifest.pod-security} in a whole run: where the level comes from, what it says when it does not judge,
 * and the settings, exemptions, waivers and several target versions every check has.
 */
class PodSecurityCheckTest {
    private static final String ID = PodSecurityCheck.ID;
    /** A pod that meets baseline and breaks restricted in one way only: it may escalate privileges. */
    private static final String ESCALATING_POD = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            %s
            spec:
              securityContext:
                runAsNonRoot: true
                seccompProfile: {type: RuntimeDefault}
              containers:
                - name: web
                  image: ghcr.io/example/web:1.0.0
                  securityContext:
                    capabilities: {drop: [ALL]}
            """;

    @TempDir
    Path repository;

    private ManifestWorkspace workspace(String checklistExtra, String metadataExtra) {
        return new ManifestWorkspace(repository)
                .checklist("kubernetes:\n  version: \"1.31\"\n  manifests: [deploy/]\n" + checklistExtra)
                .write("deploy/pod.yaml", ESCALATING_POD.formatted(metadataExtra));
    }

    @Test
    void shouldReportNothingWhenTheChecklistAsksForNoLevel() {
        assertThat(workspace("", "").validate(ID, Optional.empty())).isEmpty();
    }

    @Test
    void shouldSayWhyItDidNotJudgeWhenItsSettingNamesNoLevel() {
        List<Item> items = workspace("  checks:\n    manifest.pod-security: {severity: warning}\n", "")
                .validate(ID, Optional.empty());
        assertThat(items).singleElement().satisfies(item -> {
            assertThat(item.status()).isEqualTo(Status.SKIP);
            assertThat(item.message()).contains("asks for no Pod Security level")
                    .contains("provision.cluster.podSecurity").contains("kubernetes.checks.manifest.pod-security.level");
        });
    }

    @Test
    void shouldJudgeTheLevelOfTheProvisionAndNameWhereItComesFrom() {
        List<Item> items = workspace("provision:\n  cluster:\n    podSecurity: restricted\n", "")
                .validate(ID, Optional.empty());
        assertThat(items).singleElement().satisfies(item -> {
            assertThat(item.status()).isEqualTo(Status.FAIL);
            assertThat(item.severity()).isEqualTo(Severity.ERROR);
            assertThat(item.message()).isEqualTo("Pod/web: violates PodSecurity \"restricted:v1.31\": "
                    + "allowPrivilegeEscalation != false (container \"web\" must set "
                    + "securityContext.allowPrivilegeEscalation=false)");
            assertThat(item.location().toString()).endsWith("deploy/pod.yaml:14:9");
        });
        assertThat(workspace("provision:\n  cluster:\n    podSecurity: baseline\n", "").validate(ID,
                Optional.empty())).singleElement().satisfies(item -> assertThat(item.message())
                        .isEqualTo("1 pod template meets PodSecurity \"baseline:v1.31\" (provision.cluster.podSecurity)"));
    }

    @Test
    void shouldJudgeTheStricterLevelWhenTheProvisionAndTheSettingDisagree() {
        String both = "  checks:\n    manifest.pod-security: {level: %s}\nprovision:\n  cluster:\n"
                + "    podSecurity: %s\n";
        assertThat(workspace(both.formatted("restricted", "baseline"), "").validate(ID, Optional.empty()))
                .singleElement().satisfies(item -> assertThat(item.status()).isEqualTo(Status.FAIL));
        assertThat(workspace(both.formatted("baseline", "restricted"), "").validate(ID, Optional.empty()))
                .singleElement().satisfies(item -> assertThat(item.status()).isEqualTo(Status.FAIL));
        assertThat(workspace(both.formatted("privileged", "baseline"), "").validate(ID, Optional.empty()))
                .singleElement().satisfies(item -> assertThat(item.message()).isEqualTo("1 pod template meets"
                        + " PodSecurity \"baseline:v1.31\" (provision.cluster.podSecurity)"));
    }

    @Test
    void shouldTakeTheSeverityExemptionsWaiversAndSwitchOfEveryCheck() {
        String level = "  checks:\n    manifest.pod-security: {level: restricted%s}\n";
        assertThat(workspace(level.formatted(", severity: warning"), "").validate(ID, Optional.empty()))
                .singleElement().satisfies(item -> assertThat(item.status()).isEqualTo(Status.WARN));
        assertThat(workspace(level.formatted(", enabled: false"), "").validate(ID, Optional.empty()))
                .singleElement().satisfies(item -> assertThat(item.status()).isEqualTo(Status.SKIP));
        assertThat(workspace(level.formatted(""), "  annotations: {ascent.dev/exempt: manifest.pod-security}")
                .validate(ID, Optional.empty())).extracting(Item::status).contains(Status.SKIP)
                .doesNotContain(Status.FAIL);
        assertThat(workspace(level.formatted("") + "waivers:\n  - {id: manifest.pod-security, reason: moving to"
                + " restricted in WEB-7, owner: team-web, expires: 2027-06-30}\n", "").validate(ID, Optional.empty()))
                .singleElement().satisfies(item -> assertThat(item.status()).isEqualTo(Status.WAIVED));
    }

    @Test
    void shouldRefuseALevelOnAnotherCheckOrAnUnknownLevelInTheChecklistItself() {
        for (String setting : List.of("manifest.probes: {level: restricted}", "manifest.pod-security: {level: strict}")) {
            List<Item> schema = workspace("  checks:\n    " + setting + "\n", "").validate(Optional.empty()).items()
                    .stream().filter(item -> item.id().equals("checklist.schema")).toList();
            assertThat(schema).as(setting).singleElement().satisfies(item -> {
                assertThat(item.status()).isEqualTo(Status.ERROR);
                assertThat(item.message()).contains("level");
            });
        }
    }

    @Test
    void shouldJudgeEachTargetVersionWithItsOwnRules() {
        // net.ipv4.tcp_keepalive_time is a baseline sysctl from 1.29: an upgrade from 1.28 fixes the finding.
        ManifestWorkspace workspace = new ManifestWorkspace(repository)
                .checklist("kubernetes:\n  version: \"1.28..1.30\"\n  manifests: [deploy/]\n  checks:\n"
                        + "    manifest.pod-security: {level: baseline}\n")
                .write("deploy/pod.yaml", """
                        apiVersion: v1
                        kind: Pod
                        metadata: {name: tuned}
                        spec:
                          securityContext:
                            sysctls: [{name: net.ipv4.tcp_keepalive_time, value: "600"}]
                          containers: [{name: app, image: ghcr.io/example/app:1.0.0}]
                        """);
        assertThat(workspace.validate(ID, Optional.empty())).singleElement().satisfies(item -> assertThat(
                item.message()).startsWith("on 1.28 of 1.28..1.30: Pod/tuned: violates PodSecurity \"baseline:v1.28\":"
                        + " forbidden sysctls (net.ipv4.tcp_keepalive_time)"));
    }

    @Test
    void shouldJudgeAgainstTheLatestPolicyWithoutATarget() {
        ManifestWorkspace workspace = new ManifestWorkspace(repository)
                .checklist("kubernetes:\n  manifests: [deploy/]\n  checks:\n    manifest.pod-security: {level: "
                        + "restricted}\n")
                .write("deploy/pod.yaml", ESCALATING_POD.formatted(""));
        assertThat(workspace.validate(ID, Optional.empty())).singleElement().satisfies(item -> assertThat(
                item.message()).startsWith("Pod/web: violates PodSecurity \"restricted:latest\": "));
    }
}
