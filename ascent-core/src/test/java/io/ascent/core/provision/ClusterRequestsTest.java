package io.ascent.core.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ascent.core.checklist.Checklist;
import io.ascent.core.checklist.ChecklistLoader;
import io.ascent.core.checklist.ProvisionSettings;
import io.ascent.core.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cluster request a run builds from the command line and the checklist's {@code provision.cluster}. */
class ClusterRequestsTest {

    private static final String PINNED =
            "kindest/node:v1.31.14@sha256:6f86cf509dbb42767b6e79debc3f2c32e4ee01386f0489b3b2be24b0a55aac2b";

    @TempDir
    Path temp;

    @Test
    void shouldTakeVersionImageConfigAndContextFromTheChecklistAndLabelsFromTheRunName() throws Exception {
        Path app = application();
        Checklist checklist = load(app);
        RunName name = RunName.next(Clock.fixed(Instant.parse("2026-11-30T01:35:02Z"), ZoneOffset.UTC));
        Optional<KindConfigFile> config = ClusterRequests.kindConfig(Workspace.of(app), checklist.provision(), List.of());

        ClusterRequest request = ClusterRequests.of(name, ProvisionOptions.builder(app).build(),
                checklist.provision(), checklist, config, temp.resolve("work"), Duration.ofMinutes(5));

        assertThat(request.runName()).isEqualTo(name.value());
        assertThat(request.kubernetesVersion()).contains("1.30");
        assertThat(request.nodeImage()).contains(PINNED);
        assertThat(request.kindConfig().map(KindConfigFile::file)).contains(app.resolve("deploy/kind.yaml").toRealPath());
        assertThat(request.kindConfig().map(KindConfigFile::displayPath)).contains("app/deploy/kind.yaml");
        assertThat(request.kindConfig().map(KindConfigFile::baseDirectory)).contains(app.toAbsolutePath().normalize());
        assertThat(request.context()).contains("from-checklist");
        assertThat(request.timeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(request.labels()).containsEntry(RunName.RUN_LABEL, name.value())
                .containsEntry(RunName.CREATED_LABEL, "20261130T013502Z")
                .as("no PodSecurity level asked for").doesNotContainKey(PodSecurityLabels.ENFORCE);
        // What gc reads back is what the run wrote.
        assertThat(RunName.parse(request.runName())).contains(name);
        assertThat(RunName.parseCreatedLabel(request.labels().get(RunName.CREATED_LABEL))).contains(name.createdAt());
    }

    @Test
    void shouldLetTheCommandLineWinAndDropAPinnedImageMadeForAnotherVersion() throws IOException {
        Path app = application();
        Checklist checklist = load(app);

        ClusterRequest request = ClusterRequests.of(RunName.next(Clock.systemUTC()), ProvisionOptions.builder(app)
                        .kubernetesVersion("1.33").context("from-command-line").build(), checklist.provision(),
                checklist, Optional.empty(), temp.resolve("work"), Duration.ofMinutes(5));

        assertThat(request.kubernetesVersion()).contains("1.33");
        assertThat(request.nodeImage()).isEmpty();
        assertThat(request.context()).contains("from-command-line");
    }

    @Test
    void shouldLabelTheNamespaceWithThePodSecurityLevelAtTheChecklistsTargetVersion() throws IOException {
        Path app = application();
        Path file = app.resolve("ascent.yaml");
        Files.writeString(file, Files.readString(file).replace("    context: from-checklist\n",
                "    context: from-checklist\n    podSecurity: restricted\n"));
        Checklist checklist = load(app);

        ClusterRequest request = ClusterRequests.of(RunName.next(Clock.systemUTC()), ProvisionOptions.builder(app)
                .build(), checklist.provision(), checklist, Optional.empty(), temp.resolve("work"), Duration.ofMinutes(5));

        // the rules of the version the application targets (kubernetes.version), not the kind cluster's 1.30
        assertThat(request.labels()).containsEntry(PodSecurityLabels.ENFORCE, "restricted")
                .containsEntry(PodSecurityLabels.ENFORCE_VERSION, "v1.31")
                .containsKeys(RunName.RUN_LABEL, RunName.CREATED_LABEL);
    }

    @Test
    void shouldNameTheMinorVersionOrLatestInThePodSecurityVersionLabel() {
        assertThat(PodSecurityLabels.of("baseline", Optional.of("1.29.4")))
                .containsEntry(PodSecurityLabels.ENFORCE_VERSION, "v1.29");
        assertThat(PodSecurityLabels.of("baseline", Optional.of("1.33"))).containsEntry(PodSecurityLabels.ENFORCE, "baseline")
                .containsEntry(PodSecurityLabels.ENFORCE_VERSION, "v1.33");
        assertThat(PodSecurityLabels.of("restricted", Optional.empty()))
                .containsEntry(PodSecurityLabels.ENFORCE_VERSION, "latest");
        assertThat(PodSecurityLabels.of("restricted", Optional.of("next")))
                .containsEntry(PodSecurityLabels.ENFORCE_VERSION, "latest");
    }

    @Test
    void shouldRefuseAKindConfigOutsideTheRepositoryMissingOrBehindALinkThatLeadsOut() throws Exception {
        Path app = application();
        Files.writeString(temp.resolve("secret.yaml"), "kind: Cluster\n");
        Files.createSymbolicLink(app.resolve("deploy/out.yaml"), temp.resolve("secret.yaml"));
        Workspace workspace = Workspace.of(app);

        assertThatThrownBy(() -> ClusterRequests.kindConfig(workspace, config("../../secret.yaml"), List.of()))
                .isInstanceOf(ProvisionException.class).hasMessageContaining("leaves the repository")
                .satisfies(e -> assertThat(((ProvisionException) e).kind()).isEqualTo(ProvisionException.Kind.INPUT));
        assertThatThrownBy(() -> ClusterRequests.kindConfig(workspace, config("deploy/missing.yaml"), List.of()))
                .isInstanceOf(ProvisionException.class)
                .hasMessage("provision.cluster.config 'deploy/missing.yaml' does not exist");
        assertThatThrownBy(() -> ClusterRequests.kindConfig(workspace, config("deploy/out.yaml"), List.of()))
                .isInstanceOf(ProvisionException.class).hasMessageContaining("leaves the repository")
                .hasMessageNotContaining("secret.yaml is");
        assertThatThrownBy(() -> ClusterRequests.kindConfig(workspace, config("deploy"), List.of()))
                .isInstanceOf(ProvisionException.class).hasMessageContaining("is a folder");
        assertThat(ClusterRequests.kindConfig(workspace, config("deploy/kind.yaml"), List.of())).isPresent();
    }

    private static ProvisionSettings config(String path) {
        return new ProvisionSettings(new ProvisionSettings.Cluster(ProvisionSettings.Driver.KIND, Optional.empty(),
                Optional.empty(), Optional.of(path), Optional.empty(), "ascent-", Optional.empty()),
                new ProvisionSettings.Deploy(List.of(), Duration.ofMinutes(3)), List.of(),
                ProvisionSettings.Teardown.ALWAYS);
    }

    private Checklist load(Path app) {
        return new ChecklistLoader(Clock.systemUTC()).load(Workspace.of(app), Optional.empty()).checklist()
                .orElseThrow();
    }

    /** A repository (a .git folder) holding the application with a kind configuration. */
    private Path application() throws IOException {
        Path repo = temp.resolve("repo");
        Files.createDirectories(repo.resolve(".git"));
        Path app = repo.resolve("app");
        Files.createDirectories(app.resolve("deploy"));
        Files.writeString(app.resolve("deploy/kind.yaml"), "kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\n");
        Files.writeString(app.resolve("ascent.yaml"), """
                apiVersion: ascent.dev/v1
                kind: Checklist
                metadata:
                  name: web
                kubernetes:
                  version: "1.31"
                  manifests: [deploy/]
                provision:
                  cluster:
                    driver: kind
                    kubernetesVersion: "1.30"
                    nodeImage: %s
                    config: deploy/kind.yaml
                    context: from-checklist
                """.formatted(PINNED));
        return app;
    }
}
