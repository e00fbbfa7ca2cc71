package io.ascent.core.repo;

import static io.ascent.core.repo.RepositoryRun.allText;
import static io.ascent.core.repo.RepositoryRun.checklist;
import static io.ascent.core.repo.RepositoryRun.items;
import static io.ascent.core.repo.RepositoryRun.validate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ascent.core.ValidateOptions;
import io.ascent.core.report.Item;
import io.ascent.core.report.Report;
import io.ascent.core.report.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A folder cannot pass another repository off as its own ({@code .git} files and links that point elsewhere),
 * and a clone URL cannot smuggle an option to ssh. Every repository is made by the test.
 */
class BorrowedRepositoryTest {
    private static final String SECRET_FILE = "other-team-deploy-key.pem";

    @TempDir
    Path temp;

    /** A repository on the agent that the validated folder must not be able to read. */
    private Path otherRepository() throws Exception {
        Path other = Files.createDirectories(temp.resolve("other"));
        try (Git git = Git.init().setDirectory(other.toFile()).setInitialBranch("main").call()) {
            Files.writeString(other.resolve(SECRET_FILE), "-----BEGIN OPENSSH PRIVATE KEY-----\n");
            git.add().addFilepattern(".").call();
            git.commit().setMessage("other").setSign(false).setAuthor("o", "o@example.com")
                    .setCommitter("o", "o@example.com").call();
        }
        return other;
    }

    private Path folder() throws IOException {
        Path app = Files.createDirectories(temp.resolve("app"));
        Files.writeString(app.resolve("ascent.yaml"), checklist("repository:\n  required: [\"README*\"]\n"));
        return app;
    }

    @ParameterizedTest(name = "relative path: {0}")
    @ValueSource(booleans = {false, true})
    void shouldRefuseAGitFileThatNamesAnotherRepository(boolean relative) throws Exception {
        Path other = otherRepository();
        Path app = folder();
        Files.writeString(app.resolve(".git"), "gitdir: " + (relative ? "../other/.git" : other.resolve(".git")) + "\n");

        Report report = validate(app);

        assertThat(items(report, RepositoryRule.GIT)).singleElement().satisfies(item -> {
            assertThat(item.status()).isEqualTo(Status.ERROR);
            assertThat(item.message()).contains("belongs to another work tree");
            assertThat(item.location().path()).isEqualTo(".git");
        });
        assertThat(items(report, RepositoryRule.REQUIRED)).isEmpty();
        assertThat(allText(report)).doesNotContain(SECRET_FILE);
        assertThat(report.verdict().exitStatus()).isEqualTo(2);
    }

    @Test
    void shouldRefuseAGitLinkToAnotherRepository() throws Exception {
        Path other = otherRepository();
        Path app = folder();
        Files.createSymbolicLink(app.resolve(".git"), other.resolve(".git"));

        Report report = validate(app);

        assertThat(items(report, RepositoryRule.GIT)).singleElement().extracting(Item::message).asString()
                .contains("symbolic link to a git directory outside this work tree");
        assertThat(allText(report)).doesNotContain(SECRET_FILE);
    }

    @Test
    void shouldFollowTheGitFileOfALinkedWorktree() throws Exception {
        Path main = otherRepository();
        Path worktree = temp.resolve("worktree");
        Process add = new ProcessBuilder("git", "-C", main.toString(), "worktree", "add", "-q", "-b", "wt",
                worktree.toString()).redirectErrorStream(true).start();
        Assumptions.assumeTrue(add.waitFor() == 0, "git worktree add works here");
        Files.writeString(worktree.resolve("ascent.yaml"), checklist("repository:\n  required: [\"*.pem\"]\n"));

        Report report = validate(worktree);

        assertThat(items(report, RepositoryRule.GIT)).isEmpty();
        assertThat(items(report, RepositoryRule.REQUIRED)).singleElement()
                .extracting(Item::status).isEqualTo(Status.PASS);
    }

    @Test
    void shouldFollowTheGitFileOfASubmoduleWhoseConfigNamesItBack() throws Exception {
        Path superproject = Files.createDirectories(temp.resolve("super"));
        Path sub = Files.createDirectories(superproject.resolve("lib"));
        Path modules = superproject.resolve(".git/modules/lib");
        try (Git git = Git.init().setGitDir(modules.toFile()).setDirectory(sub.toFile()).setInitialBranch("main")
                .call()) {
            git.getRepository().getConfig().setString("core", null, "worktree", "../../../lib");
            git.getRepository().getConfig().save();
            Files.writeString(sub.resolve("README.md"), "lib\n");
            Files.writeString(sub.resolve("ascent.yaml"), checklist("repository:\n  required: [\"README*\"]\n"));
            git.add().addFilepattern(".").call();
            git.commit().setMessage("lib").setSign(false).setAuthor("l", "l@example.com")
                    .setCommitter("l", "l@example.com").call();
        }
        Files.writeString(sub.resolve(".git"), "gitdir: ../.git/modules/lib\n");

        Report report = validate(sub);

        assertThat(items(report, RepositoryRule.GIT)).isEmpty();
        assertThat(items(report, RepositoryRule.REQUIRED)).singleElement()
                .extracting(Item::status).isEqualTo(Status.PASS);
    }

    @Test
    void shouldRefuseAnSshHostThatLooksLikeAnOption() {
        for (String url : List.of("ssh://-oProxyCommand=touch${IFS}pwned/repo.git",
                "ssh://-oProxyCommand=x@example.com/repo.git", "-oProxyCommand=x:repo.git")) {
            assertThatThrownBy(() -> RemoteCheckout.clone(url, Optional.empty()))
                    .as(url)
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("beginning with '-'");
        }
    }

    @Test
    void shouldReportARefusedSshHostAsBadInput() throws Exception {
        Report report = validate(ValidateOptions.of(Path.of("."))
                .withRepository("ssh://-oProxyCommand=touch${IFS}pwned/repo.git", Optional.empty()));

        assertThat(report.items()).singleElement().satisfies(item -> {
            assertThat(item.status()).isEqualTo(Status.ERROR);
            assertThat(item.message()).contains("beginning with '-'");
        });
        assertThat(report.verdict().exitStatus()).isEqualTo(2);
    }
}
