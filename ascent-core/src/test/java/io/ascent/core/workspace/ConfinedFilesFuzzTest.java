package io.ascent.core.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ascent.core.fuzz.FuzzFolders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Fuzzes the path a repository can write (a manifest path, a schema file, a {@code $ref}) against the one gate
 * every read goes through: whatever the path — {@code ..}, absolute, through links that climb out, through a link
 * to a device — what is returned is never the content of a file outside the root. The default test run replays
 * the seeds in {@code ConfinedFilesFuzzTestInputs}; fuzz with
 * {@code JAZZER_FUZZ=1 ./mvnw -B -pl ascent-core test -Dtest=ConfinedFilesFuzzTest -Djazzer.skip}.
 */
class ConfinedFilesFuzzTest {
    private static final Path TEMP = createLayout();
    private static final ConfinedFiles REPOSITORY = ConfinedFiles.under(TEMP.resolve("repo"), 64 * 1024);

    private static Path createLayout() {
        try {
            Path temp = FuzzFolders.create("ascent-confined-fuzz");
            Path repo = Files.createDirectories(temp.resolve("repo/deploy"));
            Files.writeString(temp.resolve("secret.txt"), "SECRET-OUTSIDE");
            Files.writeString(repo.resolve("app.yaml"), "inside");
            Files.createSymbolicLink(repo.resolve("out.yaml"), temp.resolve("secret.txt"));
            Files.createSymbolicLink(repo.resolve("up"), temp);
            Files.createSymbolicLink(repo.resolve("zero"), Path.of("/dev/zero"));
            Files.createSymbolicLink(repo.resolve("inner"), repo);
            return temp;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest(maxDuration = "20s")
    void shouldNeverReadOutsideTheRoot(byte[] input) {
        String written = new String(input, StandardCharsets.UTF_8);
        Path path;
        try {
            path = TEMP.resolve("repo/deploy").resolve(written);
        } catch (InvalidPathException invalid) {
            return;
        }
        try {
            byte[] read = REPOSITORY.readAllBytes(path);
            assertThat(new String(read, StandardCharsets.UTF_8)).doesNotContain("SECRET-OUTSIDE");
            assertThat(read.length).isLessThanOrEqualTo(64 * 1024);
        } catch (RefusedFileException refused) {
            assertThat(refused.getMessage()).doesNotContain("SECRET-OUTSIDE", TEMP.toString());
        } catch (IOException missing) {
            // A file that does not exist (or cannot), inside the root: only what was written is named.
            assertThat(missing).isInstanceOf(java.nio.file.FileSystemException.class);
            String file = ((java.nio.file.FileSystemException) missing).getFile();
            assertThat(Path.of(file).normalize().startsWith(TEMP.resolve("repo"))).as(file).isTrue();
        }
    }
}
