package io.ascent.core.repo;

import static io.ascent.core.repo.RepositoryRun.checklist;
import static io.ascent.core.repo.RepositoryRun.items;
import static io.ascent.core.repo.RepositoryRun.validate;
import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.report.Item;
import io.ascent.core.report.Status;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code repo.max-file-size} reads sizes from the object database, where a blob is loose, whole in a pack, or a
 * delta against another blob (whose header holds the delta's length, not the file's). Each must give the file's
 * exact size; enough files that the scan runs on every core, through the pack window cache Ascent installs.
 */
class StoredSizesTest {
    private static final int LIMIT = 5000;

    @TempDir
    Path dir;

    @Test
    void shouldReadTheExactSizeOfLooseWholePackedAndDeltaBlobs() throws Exception {
        String text = lines(6000);
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.file("ascent.yaml", checklist("""
                    repository:
                      maxFileSize: %d
                    """.formatted(LIMIT)));
            for (int i = 0; i < 600; i++) {
                repo.file("src/" + i + ".txt", "file " + i + "\n");
            }
            // Entries whose size is never read: a link whose target is longer than the limit, a submodule whose
            // commit this repository does not have (reading its size would be an error), and an empty file.
            // (In HEAD only from here: no file system holds a link target that long.)
            repo.headOnly().symlink("packed/long-link", "t".repeat(LIMIT + 1)).gitlink("packed/submodule")
                    .file("packed/empty.txt", "");
            // Near-identical texts: the pack stores the largest whole and the others as deltas against it.
            repo.file("packed/base.txt", text)
                    .file("packed/over.txt", text.substring(0, LIMIT + 1))
                    .file("packed/at-limit.txt", text.substring(0, LIMIT))
                    .commit("packed");
            repo.git().gc().setAggressive(true).call();
            repo.file("loose/over.bin", new byte[LIMIT + 7]).file("loose/at-limit.bin", new byte[LIMIT])
                    .commit("loose");

            assertThat(repo.storage("packed/base.txt")).isEqualTo("whole");
            assertThat(repo.storage("packed/over.txt")).isEqualTo("ofs-delta");
            assertThat(repo.storage("packed/at-limit.txt")).isEqualTo("ofs-delta");
            assertThat(repo.storage("loose/over.bin")).isEqualTo("loose");
            assertThat(repo.storage("packed/empty.txt")).isEqualTo("whole");

            List<Item> items = items(validate(dir), RepositoryRule.MAX_FILE_SIZE);
            assertThat(items).allSatisfy(item -> assertThat(item.status()).isEqualTo(Status.FAIL));
            assertThat(items).extracting(item -> item.location().path() + ": " + item.message().replaceAll(
                    ".* \\((\\d+ bytes)\\).*", "$1"))
                    .containsExactly("loose/over.bin: 5007 bytes", "packed/base.txt: 6000 bytes",
                            "packed/over.txt: 5001 bytes");
        }
    }

    /** Text of exactly {@code size} bytes, lines that differ so that a delta copies rather than repeats. */
    private static String lines(int size) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; out.length() < size; i++) {
            out.append("line ").append(i).append(" of the committed text\n");
        }
        return out.substring(0, size);
    }
}
