package io.ascent.core.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParallelScanTest {
    @TempDir
    Path dir;

    private RepositoryTree treeOf(int files) throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.headOnly();
            for (int i = 0; i < files; i++) {
                repo.file("f/" + i, "x" + i);
            }
            repo.commit("files");
            return HeadTreeReader.read(repo.repository(), "").orElseThrow();
        }
    }

    @Test
    void shouldVisitEveryEntryExactlyOnceOnEveryCore() throws Exception {
        RepositoryTree tree = treeOf(3000);
        List<String> seen = ParallelScan.run(tree, tree.entries(),
                (entry, reader, out) -> out.add(entry.path() + "=" + reader.size(entry)));
        assertThat(seen).hasSize(3000).doesNotHaveDuplicates().contains("f/7=2", "f/2999=5");
    }

    @Test
    void shouldStopTheWorkersAndThrowWhenTheCallerIsInterrupted() throws Exception {
        RepositoryTree tree = treeOf(3000);
        Thread caller = Thread.currentThread();
        AtomicInteger done = new AtomicInteger();
        try {
            assertThatThrownBy(() -> ParallelScan.run(tree, tree.entries(), (entry, reader, out) -> {
                if (done.incrementAndGet() == 10) {
                    caller.interrupt(); // as an aborted build does
                }
                Thread.sleep(2);
            })).isInstanceOf(InterruptedException.class);
        } finally {
            Thread.interrupted();
        }
        int stoppedAt = done.get();
        Thread.sleep(100);
        assertThat(done.get()).as("no work after the interruption").isLessThan(stoppedAt + 4).isLessThan(3000);
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("ascent-repo-scan"));
    }
}
