package io.ascent.core.repo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link RepositoryTree#find} answers the first lookups by scanning the entries and later ones from an index it
 * builds then; both must give the same answers, for present and absent paths, inside and outside the scope, and for
 * a path a hostile tree holds twice (the last one, as the index keeps it).
 */
class RepositoryTreeTest {

    @Test
    void shouldFindTheSameEntriesBeforeAndAfterItIndexesThem() throws Exception {
        List<TreeEntry> entries = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            entries.add(new TreeEntry("app/src/file" + i + ".txt", TreeEntry.Kind.FILE, null));
        }
        TreeEntry first = new TreeEntry("app/twice", TreeEntry.Kind.FILE, null);
        TreeEntry last = new TreeEntry("app/twice", TreeEntry.Kind.EXECUTABLE, null);
        entries.add(first);
        entries.add(new TreeEntry("app/link", TreeEntry.Kind.SYMLINK, null));
        entries.add(last);
        TreeEntry outside = new TreeEntry("CODEOWNERS", TreeEntry.Kind.FILE, null);
        RepositoryTree tree = new RepositoryTree(RepositoryTree.Source.HEAD, "test", "app", entries,
                path -> path.equals("CODEOWNERS") ? Optional.of(outside) : Optional.empty(), () -> null);

        for (int round = 0; round < 40; round++) { // well past the lookups answered by scanning
            int i = round * 5;
            assertThat(tree.find("app/src/file" + i + ".txt")).as("round " + round).contains(entries.get(i));
            assertThat(tree.find("app/src/missing" + i)).as("round " + round).isEmpty();
            assertThat(tree.find("app/twice")).as("round " + round).containsSame(last);
            assertThat(tree.find("CODEOWNERS")).as("round " + round).contains(outside);
            assertThat(tree.find("other/src/file" + i + ".txt")).as("round " + round).isEmpty();
        }
        assertThat(tree.entries(TreeEntry.Kind.SYMLINK)).extracting(TreeEntry::path).containsExactly("app/link");
        assertThat(tree.entries(TreeEntry.Kind.EXECUTABLE)).containsExactly(last);
        assertThat(tree.files()).hasSize(202).doesNotContain(entries.get(201));
    }
}
