package io.ascent.core.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A manifest file at its display path under the repository root keeps the display path only. */
class ManifestFileTest {
    private final Path root = Path.of("/repo").toAbsolutePath();

    @Test
    void shouldKeepOnlyTheDisplayPathOfAFileAtItsDisplayPathAndMakeThePathWhenAsked() {
        Path path = root.resolve("deploy/app.yaml");

        ManifestFile file = ManifestFile.under(root, path, "deploy/app.yaml");

        assertThat(file.file()).isEqualTo(path).as("made again, not kept").isNotSameAs(path);
        assertThat(file.displayPath()).isEqualTo("deploy/app.yaml");
        assertThat(file).isEqualTo(new ManifestFile(path, "deploy/app.yaml"))
                .hasSameHashCodeAs(new ManifestFile(path, "deploy/app.yaml"));
    }

    @Test
    void shouldKeepThePathAsGivenWhenTheDisplayPathDoesNotLeadBackToIt() {
        Path outside = Path.of("/elsewhere/app.yaml").toAbsolutePath();
        Path relative = Path.of("deploy/app.yaml");
        Path unnormalized = root.resolve("deploy/./app.yaml");

        assertThat(ManifestFile.under(root, outside, outside.toString()).file()).isSameAs(outside);
        assertThat(ManifestFile.under(root, relative, "deploy/app.yaml").file()).isSameAs(relative);
        assertThat(ManifestFile.under(root, unnormalized, "deploy/app.yaml").file()).isSameAs(unnormalized);
    }

    @Test
    void shouldEqualOnlyTheSameFileUnderTheSameName() {
        Path path = root.resolve("deploy/app.yaml");

        assertThat(ManifestFile.under(root, path, "deploy/app.yaml"))
                .isNotEqualTo(new ManifestFile(path, "app.yaml"))
                .isNotEqualTo(new ManifestFile(root.resolve("deploy/other.yaml"), "deploy/app.yaml"))
                .hasToString("ManifestFile[file=" + path + ", displayPath=deploy/app.yaml]");
    }
}
