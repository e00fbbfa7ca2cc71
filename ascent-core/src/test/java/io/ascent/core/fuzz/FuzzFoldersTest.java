package io.ascent.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FuzzFoldersTest {

    @Test
    void shouldDeleteAFolderWithFilesAndLinksWithoutFollowingTheLinks(@TempDir Path outside) throws Exception {
        Path kept = Files.writeString(outside.resolve("kept.txt"), "outside");
        Path root = Files.createDirectories(outside.resolve("fuzz/repo/deploy"));
        Files.writeString(root.resolve("app.yaml"), "inside");
        Files.createSymbolicLink(root.resolve("out.yaml"), kept);
        Files.createSymbolicLink(root.resolve("up"), outside);

        FuzzFolders.deleteTree(outside.resolve("fuzz"));

        assertThat(outside.resolve("fuzz")).doesNotExist();
        assertThat(kept).hasContent("outside");
    }
}
