package io.ascent.core.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.report.Item;
import io.ascent.core.report.Status;
import io.ascent.core.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestSetTest {
    @TempDir
    Path repository;

    private ManifestWorkspace files(String... paths) {
        ManifestWorkspace workspace = new ManifestWorkspace(repository);
        for (String path : paths) {
            workspace.write(path, "kind: ConfigMap\n");
        }
        return workspace;
    }

    private ManifestSet expand(String... written) {
        return ManifestSet.expand(Workspace.of(repository.resolve("app")), List.of(written));
    }

    private static List<String> paths(ManifestSet set) {
        return set.files().stream().map(ManifestFile::displayPath).toList();
    }

    @Test
    void shouldExpandAFolderRecursivelyToSortedManifestFilesSkippingHiddenFolders() {
        files("app/deploy/z.yaml", "app/deploy/a/b.yml", "app/deploy/c.json", "app/deploy/notes.txt",
                "app/deploy/.cache/x.yaml");
        assertThat(paths(expand("deploy/"))).containsExactly("app/deploy/a/b.yml", "app/deploy/c.json",
                "app/deploy/z.yaml");
    }

    @Test
    void shouldExpandGlobsRelativeToTheApplicationDirectory() {
        files("app/deploy/web.yaml", "app/deploy/db.yaml", "app/deploy/sub/x.yaml", "app/other/web.yaml");
        assertThat(paths(expand("deploy/*.yaml"))).containsExactly("app/deploy/db.yaml", "app/deploy/web.yaml");
        assertThat(paths(expand("deploy/**/*.yaml"))).containsExactly("app/deploy/sub/x.yaml");
        assertThat(paths(expand("*/web.yaml"))).containsExactly("app/deploy/web.yaml", "app/other/web.yaml");
    }

    @Test
    void shouldTakeANamedFileWhateverItsExtensionAndEachFileOnce() {
        files("app/deploy/web.yaml", "app/kustomization.tpl");
        assertThat(paths(expand("deploy/", "deploy/web.yaml", "kustomization.tpl")))
                .containsExactly("app/deploy/web.yaml", "app/kustomization.tpl");
    }

    @Test
    void shouldReportPathsThatAreMissingLeaveTheRepositoryOrMatchNothing() {
        files("app/deploy/web.yaml", "app/empty/readme.txt");
        ManifestSet set = expand("missing.yaml", "../../outside/", "deploy/*.json", "empty/");
        assertThat(set.files()).isEmpty();
        assertThat(set.problems()).extracting(Item::status).containsOnly(Status.ERROR);
        assertThat(set.problems()).extracting(Item::message).containsExactly(
                "'missing.yaml' does not exist",
                "'../../outside/' leaves the repository; manifest paths must stay inside it",
                "glob 'deploy/*.json' matches no file",
                "folder 'empty/' holds no .yaml, .yml or .json file");
    }

    @Test
    void shouldRefuseASymbolicLinkLeadingOutOfTheRepository(@TempDir Path outside) throws Exception {
        files("app/deploy/web.yaml");
        Files.writeString(outside.resolve("secret.yaml"), "kind: Secret\n");
        Files.createSymbolicLink(repository.resolve("app/deploy/link.yaml"), outside.resolve("secret.yaml"));
        for (String written : List.of("deploy/", "deploy/*.yaml")) {
            ManifestSet set = expand(written);
            assertThat(paths(set)).as(written).containsExactly("app/deploy/web.yaml");
            assertThat(set.problems()).as(written).singleElement().satisfies(item -> {
                assertThat(item.location().path()).isEqualTo("app/deploy/link.yaml");
                assertThat(item.message()).contains("symbolic link leads out of the repository");
            });
        }
    }

    @Test
    void shouldTakeASymbolicLinkToAFileInsideTheRepositoryAndNotFollowLinkedFolders(@TempDir Path outside)
            throws Exception {
        files("app/deploy/web.yaml", "app/shared/db.yaml");
        Files.createSymbolicLink(repository.resolve("app/deploy/db.yaml"), repository.resolve("app/shared/db.yaml"));
        Files.writeString(outside.resolve("secret.yaml"), "kind: Secret\n");
        Files.createSymbolicLink(repository.resolve("app/deploy/elsewhere"), outside);
        for (String written : List.of("deploy/", "deploy/*.yaml")) {
            ManifestSet set = expand(written);
            assertThat(paths(set)).as(written).containsExactly("app/deploy/db.yaml", "app/deploy/web.yaml");
            assertThat(set.problems()).as(written).isEmpty();
        }
    }

    @Test
    void shouldReadEveryAlternativeThatMatchesAndComplainOnlyWhenNoneDoes() {
        files("app/deploy/web.yaml", "app/k8s/db.yml");
        assertThat(paths(expand("deploy/|k8s/|missing/"))).containsExactly("app/deploy/web.yaml", "app/k8s/db.yml");
        assertThat(expand("deploy/|missing/").problems()).isEmpty();

        ManifestSet none = expand("missing/ | other/*.yaml");
        assertThat(none.files()).isEmpty();
        assertThat(none.problems()).extracting(Item::message)
                .containsExactly("none of 'missing/', 'other/*.yaml' matches a file");
    }

    @Test
    void shouldReportAnAlternativeThatLeavesTheRepositoryEvenWhenAnotherMatches() {
        files("app/deploy/web.yaml");
        ManifestSet set = expand("deploy/|../../outside/");
        assertThat(paths(set)).containsExactly("app/deploy/web.yaml");
        assertThat(set.problems()).extracting(Item::message)
                .containsExactly("'../../outside/' leaves the repository; manifest paths must stay inside it");
    }

    @Test
    void shouldLeaveOutExcludedFilesAndEverythingBelowAnExcludedFolder() {
        files("app/deploy/web.yaml", "app/deploy/testdata/broken.yaml", "app/deploy/values-ci.yaml",
                "app/deploy/sub/values-prod.yaml", "app/deploy/sub/db.yaml");
        ManifestSet set = ManifestSet.expand(Workspace.of(repository.resolve("app")), List.of("deploy/"),
                List.of("deploy/testdata", "deploy/**/values-*.yaml|deploy/values-*.yaml"));
        assertThat(paths(set)).containsExactly("app/deploy/sub/db.yaml", "app/deploy/web.yaml");
        assertThat(set.problems()).isEmpty();
    }
}
