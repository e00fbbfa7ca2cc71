package io.ascent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ascent validate} with --no-git, --repository and --ref, end to end through the command line. */
class RepositoryOptionsTest {
    private static final String CHECKLIST = """
            apiVersion: ascent.dev/v1
            kind: Checklist
            metadata:
              name: app
            repository:
              required: ["README.md"]
            """;

    @TempDir
    Path dir;

    @Test
    void shouldExitTwoWithAClearMessageOutsideAGitRepository() throws Exception {
        Files.writeString(dir.resolve("ascent.yaml"), CHECKLIST);
        CliRun run = CliRun.of("validate", dir.toString());
        assertThat(run.status()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.out()).contains(dir.toAbsolutePath().normalize()
                + " is not inside a git repository; commit it, or pass --no-git to scan the files on disk");
    }

    @Test
    void shouldScanTheDiskWithNoGit() throws Exception {
        Files.writeString(dir.resolve("ascent.yaml"), CHECKLIST);
        Files.writeString(dir.resolve("README.md"), "# app\n");
        CliRun run = CliRun.of("validate", dir.toString(), "--no-git", "--verbose");
        assertThat(run.status()).as(run.out()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("repo.required").contains("--no-git");
    }

    @Test
    void shouldValidateARemoteRepositoryAtARef() throws Exception {
        Path origin = dir.resolve("origin");
        try (Git git = Git.init().setDirectory(origin.toFile()).setInitialBranch("main").call()) {
            Files.writeString(origin.resolve("ascent.yaml"), CHECKLIST);
            git.add().addFilepattern("ascent.yaml").call();
            git.commit().setMessage("checklist").setAuthor("t", "t@ascent.invalid")
                    .setCommitter("t", "t@ascent.invalid").setSign(false).call();
            git.branchCreate().setName("bare-bones").call();
            Files.writeString(origin.resolve("README.md"), "# app\n");
            git.add().addFilepattern("README.md").call();
            git.commit().setMessage("readme").setAuthor("t", "t@ascent.invalid")
                    .setCommitter("t", "t@ascent.invalid").setSign(false).call();
        }
        String url = origin.toUri().toString();
        CliRun main = CliRun.of("validate", "--repository", url);
        assertThat(main.status()).as(main.out()).isEqualTo(ExitCodes.OK);
        CliRun branch = CliRun.of("validate", "--repository", url, "--ref", "bare-bones");
        assertThat(branch.status()).as(branch.out()).isEqualTo(ExitCodes.FAILED);
        assertThat(branch.out()).contains("no committed path matches 'README.md'");
    }

    @Test
    void shouldRefuseRefWithoutRepository() {
        CliRun run = CliRun.of("validate", dir.toString(), "--ref", "main");
        assertThat(run.status()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains("--ref names a branch or tag of --repository URL");
    }
}
