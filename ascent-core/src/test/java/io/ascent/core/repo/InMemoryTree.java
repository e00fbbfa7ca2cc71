package io.ascent.core.repo;

import io.ascent.core.checklist.Checklist;
import io.ascent.core.checklist.KubernetesSettings;
import io.ascent.core.checklist.Metadata;
import io.ascent.core.checklist.RepositoryRules;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A repository tree held in memory, its entries in the order given (not sorted, as a parallel scan may hand its
 * results back), and sizes that can be claimed without the bytes, so that rules can be run on shapes a real
 * repository makes slow or nondeterministic.
 */
final class InMemoryTree {
    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private final Map<String, Long> claimedSizes = new LinkedHashMap<>();

    InMemoryTree file(String path, String text) {
        return file(path, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    InMemoryTree file(String path, byte[] bytes) {
        files.put(path, bytes);
        return this;
    }

    /** A file said to be {@code size} bytes long; reading it yields nothing. */
    InMemoryTree sized(String path, long size) {
        files.put(path, new byte[0]);
        claimedSizes.put(path, size);
        return this;
    }

    RepositoryTree tree() {
        List<TreeEntry> entries = new ArrayList<>();
        files.keySet().forEach(path -> entries.add(new TreeEntry(path, TreeEntry.Kind.FILE, null)));
        return new RepositoryTree(RepositoryTree.Source.DISK, "the files on disk", "", entries,
                path -> Optional.empty(), () -> new BlobReader() {
                    @Override
                    public long size(TreeEntry entry) {
                        return claimedSizes.getOrDefault(entry.path(), (long) files.get(entry.path()).length);
                    }

                    @Override
                    public InputStream open(TreeEntry entry) {
                        return new ByteArrayInputStream(files.get(entry.path()));
                    }

                    @Override
                    public void close() {
                    }
                });
    }

    /** A checklist of application {@code app} with these repository rules. */
    static Checklist checklist(RepositoryRules rules) {
        return new Checklist("ascent.yaml", "ascent.dev/v1", new Metadata("app", null, null, Map.of()), rules,
                KubernetesSettings.defaults(), null, List.of(), List.of(), null);
    }
}
