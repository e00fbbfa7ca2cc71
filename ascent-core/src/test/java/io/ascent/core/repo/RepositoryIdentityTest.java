package io.ascent.core.repo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.StoredConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepositoryIdentityTest {

    @Test
    void shouldNameTheOriginWithoutCredentialsAndTheCommitAtHead(@TempDir Path root) throws Exception {
        try (TestRepository repo = TestRepository.init(root.resolve("app"))) {
            repo.file("deploy/app.yaml", "kind: Service\n").commit("first");
            StoredConfig config = repo.repository().getConfig();
            config.setString("remote", "origin", "url", "https://bot:ghp_secret@example.com/team/app.git");
            config.save();
            String head = repo.repository().resolve(Constants.HEAD).name();

            RepositoryIdentity identity = RepositoryIdentity.of(repo.root().resolve("deploy")).orElseThrow();

            assertThat(identity.name()).isEqualTo("https://***@example.com/team/app.git");
            assertThat(identity.commit()).isEqualTo(head).hasSize(40);
        }
    }

    @Test
    void shouldNameTheWorkTreeFolderWithoutARemoteAndNoCommitBeforeTheFirst(@TempDir Path root) throws Exception {
        try (TestRepository repo = TestRepository.init(root.resolve("shop"))) {
            RepositoryIdentity identity = RepositoryIdentity.of(repo.root()).orElseThrow();
            assertThat(identity.name()).isEqualTo("shop");
            assertThat(identity.commit()).isNull();
        }
    }

    @Test
    void shouldKnowNothingOutsideGitOrForABorrowedGitDirectory(@TempDir Path root) throws Exception {
        Path plain = Files.createDirectories(root.resolve("plain"));
        assertThat(RepositoryIdentity.of(plain)).isEmpty();
        Path borrowing = Files.createDirectories(root.resolve("borrowing"));
        Files.writeString(borrowing.resolve(".git"), "gitdir: /elsewhere/.git\n");
        assertThat(RepositoryIdentity.of(borrowing)).isEmpty();
    }
}
