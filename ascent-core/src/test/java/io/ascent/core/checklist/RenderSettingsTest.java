package io.ascent.core.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.Ascent;
import io.ascent.core.ValidateOptions;
import io.ascent.core.ValidationSteps;
import io.ascent.core.progress.ProgressListener;
import io.ascent.core.report.Report;
import io.ascent.core.report.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kubernetes.render and manifest alternatives are checked where they are written, before anything runs. */
class RenderSettingsTest {
    @TempDir
    Path dir;

    private Report validate(String kubernetes) throws Exception {
        Files.writeString(dir.resolve("ascent.yaml"), "apiVersion: ascent.dev/v1\nkind: Checklist\nmetadata:\n"
                + "  name: app\nkubernetes:\n" + kubernetes);
        Files.createDirectories(dir.resolve("overlay"));
        Files.writeString(dir.resolve("overlay/kustomization.yaml"), "resources: []\n");
        Files.createDirectories(dir.resolve("chart"));
        Files.writeString(dir.resolve("chart/Chart.yaml"), "apiVersion: v2\nname: c\nversion: 1.0.0\n");
        return new Ascent(Clock.fixed(Instant.parse("2026-11-30T00:00:00Z"), ZoneOffset.UTC),
                ValidationSteps.builtIn()).validate(ValidateOptions.of(dir).withNoGit(true), ProgressListener.SILENT);
    }

    private static List<String> errors(Report report) {
        return report.items().stream().filter(item -> item.id().startsWith("checklist."))
                .filter(item -> item.status() == io.ascent.core.report.Status.ERROR)
                .map(item -> item.location() + " " + item.message()).toList();
    }

    @Test
    void shouldRequireExactlyOneToolPerEntryAndHelmSettingsOnlyWithHelm() throws Exception {
        Report report = validate("""
                  render:
                    - kustomize: overlay
                      helm: chart
                    - kustomize: overlay
                      releaseName: web
                      values: [chart/Chart.yaml]
                    - namespace: shop
                """);
        assertThat(errors(report)).containsExactly(
                "ascent.yaml:7:7 a render entry names exactly one of 'kustomize' and 'helm', not both",
                "ascent.yaml:10:7 'releaseName' applies to helm only; a kustomization sets it in kustomization.yaml",
                "ascent.yaml:11:7 'values' applies to helm only; a kustomization sets it in kustomization.yaml",
                "ascent.yaml:12:7 a render entry names exactly one of 'kustomize' and 'helm'");
        assertThat(report.verdict()).isEqualTo(Verdict.INVALID_INPUT);
    }

    @Test
    void shouldRequireTheFolderToHoldWhatItsToolReadsAndValuesToExist() throws Exception {
        Report report = validate("""
                  render:
                    - kustomize: chart
                    - helm: overlay
                    - helm: chart
                      values: [chart/values-missing.yaml]
                    - kustomize: ../outside
                """);
        assertThat(errors(report)).containsExactly(
                "ascent.yaml:7:18 'chart' holds no kustomization.yaml or kustomization.yml or Kustomization; "
                        + "kustomize renders a folder with a kustomization",
                "ascent.yaml:8:13 'overlay' holds no Chart.yaml; helm renders a folder with a chart",
                "ascent.yaml:10:16 'chart/values-missing.yaml' does not exist in the repository root",
                "ascent.yaml:11:18 '../outside' leaves the repository; paths are relative to the repository root "
                        + "and must stay inside it");
    }

    @Test
    void shouldAcceptManifestAlternativesWhenOneExistsAndReportThemWhenNoneDoes() throws Exception {
        assertThat(errors(validate("  manifests: [\"overlay/|k8s/\"]\n"))).isEmpty();
        assertThat(errors(validate("  manifests: [\"k8s/|deploy/\"]\n"))).containsExactly(
                "ascent.yaml:6:15 none of 'k8s/', 'deploy/' exists in the repository root");
    }

    @Test
    void shouldReadRenderEntriesIntoTheModel() throws Exception {
        Files.writeString(dir.resolve("ascent.yaml"), """
                apiVersion: ascent.dev/v1
                kind: Checklist
                metadata:
                  name: app
                kubernetes:
                  exclude: ["deploy/testdata"]
                  render:
                    - kustomize: overlay
                    - helm: chart
                      releaseName: web
                      namespace: shop
                      values: [chart/Chart.yaml]
                """);
        Files.createDirectories(dir.resolve("overlay"));
        Files.writeString(dir.resolve("overlay/kustomization.yaml"), "resources: []\n");
        Files.createDirectories(dir.resolve("chart"));
        Files.writeString(dir.resolve("chart/Chart.yaml"), "apiVersion: v2\nname: c\nversion: 1.0.0\n");
        KubernetesSettings settings = new ChecklistLoader(Clock.fixed(Instant.parse("2026-11-30T00:00:00Z"),
                ZoneOffset.UTC)).load(io.ascent.core.workspace.Workspace.of(dir), java.util.Optional.empty())
                .checklist().orElseThrow().kubernetes();
        assertThat(settings.exclude()).containsExactly("deploy/testdata");
        assertThat(settings.render()).extracting(RenderSetting::tool, RenderSetting::path, RenderSetting::releaseName,
                        RenderSetting::namespace, RenderSetting::values, setting -> setting.location().toString())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(RenderSetting.Tool.KUSTOMIZE, "overlay",
                                java.util.Optional.empty(), java.util.Optional.empty(), List.of(), "ascent.yaml:8:7"),
                        org.assertj.core.groups.Tuple.tuple(RenderSetting.Tool.HELM, "chart",
                                java.util.Optional.of("web"), java.util.Optional.of("shop"),
                                List.of("chart/Chart.yaml"), "ascent.yaml:9:7"));
    }
}
