package io.ascent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ascent validate --kubernetes-version 1.29..1.33}: what an upgrade breaks, and from which release. */
class UpgradePlanningCliTest {
    private static final String CHECKLIST = """
            apiVersion: ascent.dev/v1
            kind: Checklist
            metadata:
              name: upgrade
            kubernetes:
              version: "1.29"
              manifests: [deploy/]
            """;

    @TempDir
    Path repository;

    private void write() throws IOException {
        Files.writeString(repository.resolve("ascent.yaml"), CHECKLIST);
        Files.createDirectories(repository.resolve("deploy"));
        Files.writeString(repository.resolve("deploy/flow.yaml"), """
                apiVersion: flowcontrol.apiserver.k8s.io/v1beta3
                kind: FlowSchema
                metadata: {name: health}
                spec:
                  priorityLevelConfiguration: {name: exempt}
                """);
    }

    @Test
    void shouldShowWhatTheUpgradeBreaksAndFromWhichRelease() throws IOException {
        write();

        CliRun run = CliRun.of("validate", repository.toString(), "--no-git", "--kubernetes-version", "1.29..1.33");

        assertThat(run.status()).isEqualTo(ExitCodes.FAILED);
        // The header names the range; the failure comes before the warning (worst first within the file).
        assertThat(run.out()).contains("target Kubernetes version: 1.29..1.33\n", """
                FAIL   deploy/flow.yaml:1:13: from 1.32 (on 1.32, 1.33 of 1.29..1.33): FlowSchema/health:\
                 flowcontrol.apiserver.k8s.io/v1beta3 FlowSchema was removed in Kubernetes 1.32; use\
                 flowcontrol.apiserver.k8s.io/v1 FlowSchema [manifest.api-version]
                       fix: write apiVersion: flowcontrol.apiserver.k8s.io/v1 (and adapt fields that changed between\
                 the versions)
                WARN   deploy/flow.yaml:1:13: on 1.29..1.31 of 1.29..1.33: FlowSchema/health:\
                 flowcontrol.apiserver.k8s.io/v1beta3 FlowSchema is deprecated since Kubernetes 1.29 and removed in\
                 1.32; use flowcontrol.apiserver.k8s.io/v1 FlowSchema [manifest.api-version]
                """);
        // the checklist alone (1.29) only warns
        assertThat(CliRun.of("validate", repository.toString(), "--no-git").status()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void shouldCarryTheVersionsInTheJsonReport() throws IOException {
        write();

        CliRun run = CliRun.of("validate", repository.toString(), "--no-git", "--kubernetes-version", "1.31, 1.32",
                "-f", "json");

        assertThat(run.status()).isEqualTo(ExitCodes.FAILED);
        JSONArray items = new JSONObject(run.out()).getJSONArray("items");
        java.util.List<String> messages = new java.util.ArrayList<>();
        for (int i = 0; i < items.length(); i++) {
            if (items.getJSONObject(i).optString("id").equals("manifest.api-version")) {
                messages.add(items.getJSONObject(i).getString("message"));
            }
        }
        assertThat(messages).containsExactly(
                        "on 1.31 of 1.31, 1.32: FlowSchema/health: flowcontrol.apiserver.k8s.io/v1beta3 FlowSchema"
                                + " is deprecated since Kubernetes 1.29 and removed in 1.32; use"
                                + " flowcontrol.apiserver.k8s.io/v1 FlowSchema",
                        "from 1.32 (on 1.32 of 1.31, 1.32): FlowSchema/health: flowcontrol.apiserver.k8s.io/v1beta3"
                                + " FlowSchema was removed in Kubernetes 1.32; use flowcontrol.apiserver.k8s.io/v1"
                                + " FlowSchema");
    }

    @Test
    void shouldRefuseADescendingRangeAsBadInput() throws IOException {
        write();

        CliRun run = CliRun.of("validate", repository.toString(), "--no-git", "--kubernetes-version", "1.33..1.29");

        assertThat(run.status()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.out()).contains("--kubernetes-version: '1.33..1.29' is not a range of Kubernetes releases;"
                + " write the older release first, such as 1.29..1.33 [checklist.options]");
    }
}
