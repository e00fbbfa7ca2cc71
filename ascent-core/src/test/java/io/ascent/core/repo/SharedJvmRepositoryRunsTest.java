package io.ascent.core.repo;

import static io.ascent.core.repo.RepositoryRun.checklist;
import static io.ascent.core.repo.RepositoryRun.validate;
import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.report.Item;
import io.ascent.core.report.Report;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.storage.file.WindowCacheConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several builds on one Jenkins agent validate their repositories in one JVM at once: JGit's window cache is shared
 * by all of them (bounded, installed once), and each run must see exactly what it sees alone.
 */
class SharedJvmRepositoryRunsTest {

    private static final int REPOSITORIES = 4;
    private static final int ROUNDS = 3;

    @TempDir
    Path dir;

    @Test
    void shouldValidateDifferentRepositoriesAtOnceInOneJvmExactlyAsOneAtATime() throws Exception {
        List<Path> repositories = new ArrayList<>();
        for (int i = 0; i < REPOSITORIES; i++) {
            repositories.add(packedRepository(i));
        }
        List<List<String>> alone = new ArrayList<>();
        for (Path repository : repositories) {
            alone.add(findings(validate(repository)));
        }
        // each repository's own finding, read from its pack: a secret at the end of a streamed 1.5 MiB file, none
        // in the binary, a small file's token
        assertThat(alone.get(1)).anyMatch(line -> line.contains("big.txt") && line.startsWith("repo.secrets FAIL"));
        assertThat(alone.get(3)).anyMatch(line -> line.contains("token.txt") && line.startsWith("repo.secrets FAIL"));
        assertThat(alone.get(0)).noneMatch(line -> line.startsWith("repo.secrets FAIL"));
        assertThat(alone.get(2)).noneMatch(line -> line.startsWith("repo.secrets FAIL"));

        ExecutorService pool = Executors.newFixedThreadPool(REPOSITORIES * 2);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<List<String>>> runs = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                for (Path repository : repositories) {
                    runs.add(pool.submit(() -> {
                        go.await();
                        return findings(validate(repository));
                    }));
                }
            }
            go.countDown();
            for (int run = 0; run < runs.size(); run++) {
                assertThat(runs.get(run).get()).as("run %d, repository %d", run, run % REPOSITORIES)
                        .isEqualTo(alone.get(run % REPOSITORIES));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldLeaveTheJvmWideStreamThresholdOfOtherJGitUsersAlone() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.file("a.txt", "a\n").commit("init");
            ObjectCacheSettings.installOnce();

            try (ObjectReader someoneElses = repo.repository().newObjectReader();
                    ObjectReader ascents = ObjectCacheSettings.reader(repo.repository())) {
                assertThat(someoneElses.getStreamFileThreshold())
                        .isEqualTo(new WindowCacheConfig().getStreamFileThreshold());
                assertThat(ascents.getStreamFileThreshold()).isEqualTo(ObjectCacheSettings.STREAM_THRESHOLD);
            }
        }
    }

    /** Repository {@code i}: 200 small files, one larger file or secret of its own, all in one pack. */
    private Path packedRepository(int i) throws Exception {
        Path root = dir.resolve("repository-" + i);
        try (TestRepository repo = TestRepository.init(root)) {
            repo.file("ascent.yaml", checklist(""));
            for (int file = 0; file < 200; file++) {
                repo.file("src/" + file + ".txt", "repository " + i + " file " + file + "\n");
            }
            switch (i) {
                case 1 -> repo.file("big.txt", ("x".repeat(1023) + "\n").repeat(1536) + "aws = "
                        + SecretsTest.AWS_KEY + "\n");
                case 2 -> {
                    byte[] binary = new byte[2 << 20];
                    new Random(i).nextBytes(binary);
                    repo.file("blob.bin", binary);
                }
                case 3 -> repo.file("token.txt", "token: " + SecretsTest.GITHUB_TOKEN + "\n");
                default -> repo.file("README.md", "plain\n".getBytes(StandardCharsets.UTF_8));
            }
            repo.commit("init");
            repo.git().gc().call(); // read through the pack window cache, not loose objects
        }
        return root;
    }

    /** What a report says, item by item, in a stable order. */
    private static List<String> findings(Report report) {
        return report.items().stream().map(SharedJvmRepositoryRunsTest::line).sorted().toList();
    }

    private static String line(Item item) {
        return item.id() + " " + item.status() + " " + item.location() + " " + item.message();
    }
}
