package io.ascent.core.repo;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The compact index every rule reads: the entries under the application directory (paths relative to the
 * repository root), the folders they imply, a way to look up a few paths elsewhere in the repository (CODEOWNERS and
 * LICENSE at the root), and per-thread readers of their content. Built once per run.
 */
public final class RepositoryTree {
    /** How the tree was read, for messages: where it came from and whether working-tree rules apply. */
    public enum Source { HEAD, DISK }

    private static final int SCANS_BEFORE_INDEX = 16;

    private final Source source;
    private final String description;
    private final String scope;
    private final List<TreeEntry> entries;
    /**
     * The entries by path, built at the {@link #SCANS_BEFORE_INDEX}th lookup: a run looks up about ten paths
     * (CODEOWNERS, LICENSE, the checklist, literal required paths), which scans of the list answer for less than
     * hashing 50,000 paths costs (docs/performance.md, "Sizes from the pack headers"); a checklist naming many
     * literal paths still gets the index.
     */
    private Map<String, TreeEntry> byPath;
    private int scans;
    /** The entries of each kind, in path order: most rules want one kind, and most trees hold few links. */
    private final Map<TreeEntry.Kind, List<TreeEntry>> byKind;
    private final List<TreeEntry> files;
    private final Set<String> folders;
    private final OutsideLookup outside;
    private final Supplier<BlobReader> readers;

    /** Finds an entry outside the scope; returns empty when there is none. */
    @FunctionalInterface
    public interface OutsideLookup {
        Optional<TreeEntry> find(String path) throws IOException;
    }

    /**
     * @param scope   the application directory relative to the repository root, {@code ""} for the root
     * @param entries the entries under the scope, sorted by path
     */
    public RepositoryTree(Source source, String description, String scope, List<TreeEntry> entries,
            OutsideLookup outside, Supplier<BlobReader> readers) {
        this(source, description, scope, entries, foldersOf(scope, entries), outside, readers);
    }

    /**
     * A tree whose reader already knows its folders (a walk of git trees enters each one).
     *
     * @param folders the folders below the scope (not the scope itself), relative to the repository root
     */
    public RepositoryTree(Source source, String description, String scope, List<TreeEntry> entries,
            Set<String> folders, OutsideLookup outside, Supplier<BlobReader> readers) {
        this.source = source;
        this.description = description;
        this.scope = scope;
        this.entries = List.copyOf(entries);
        // One pass, into lists this tree owns (wrapped, not copied again): files and executables are most of a tree.
        TreeEntry.Kind[] kinds = TreeEntry.Kind.values();
        List<List<TreeEntry>> ofKind = new ArrayList<>(kinds.length);
        for (int k = 0; k < kinds.length; k++) {
            ofKind.add(new ArrayList<>(k == TreeEntry.Kind.FILE.ordinal() ? this.entries.size() : 16));
        }
        List<TreeEntry> contents = new ArrayList<>(this.entries.size());
        for (TreeEntry entry : this.entries) {
            ofKind.get(entry.kind().ordinal()).add(entry);
            if (entry.isFile()) {
                contents.add(entry);
            }
        }
        this.byKind = new EnumMap<>(TreeEntry.Kind.class);
        for (TreeEntry.Kind kind : kinds) {
            byKind.put(kind, Collections.unmodifiableList(ofKind.get(kind.ordinal())));
        }
        this.files = Collections.unmodifiableList(contents);
        this.folders = Set.copyOf(folders);
        this.outside = outside;
        this.readers = readers;
    }

    /** The folders the entries imply, below the scope. */
    private static Set<String> foldersOf(String scope, List<TreeEntry> entries) {
        Set<String> folders = new HashSet<>();
        for (TreeEntry entry : entries) {
            String path = entry.path();
            // Only folders below the scope: the scope and its parents are not the application's to match.
            for (int slash = path.lastIndexOf('/'); slash > scope.length(); slash = path.lastIndexOf('/', slash - 1)) {
                // Parents are shared by siblings: stop as soon as one is already known.
                if (!folders.add(path.substring(0, slash))) {
                    break;
                }
            }
        }
        return folders;
    }

    public Source source() {
        return source;
    }

    /** {@code HEAD (commit 1a2b3c4)} or {@code files on disk}. */
    public String description() {
        return description;
    }

    /** The application directory relative to the repository root; {@code ""} when it is the root. */
    public String scope() {
        return scope;
    }

    /** Every entry under the application directory, sorted by path. */
    public List<TreeEntry> entries() {
        return entries;
    }

    /** The entries of one kind under the application directory, sorted by path. */
    public List<TreeEntry> entries(TreeEntry.Kind kind) {
        return byKind.get(kind);
    }

    /** The entries whose content can be read ({@link TreeEntry#isFile()}), sorted by path. */
    public List<TreeEntry> files() {
        return files;
    }

    /** Whether {@code path} (relative to the repository root) is a folder with entries under the scope. */
    public boolean isFolder(String path) {
        return folders.contains(path);
    }

    /** The folders below the scope (not the scope itself), relative to the repository root. */
    public Set<String> folders() {
        return folders;
    }

    /** The entry at {@code path} (relative to the repository root), inside the scope or not. */
    public Optional<TreeEntry> find(String path) throws IOException {
        TreeEntry entry = inScope(path) ? lookup(path) : null;
        if (entry != null) {
            return Optional.of(entry);
        }
        if (inScope(path)) {
            return Optional.empty();
        }
        return outside.find(path);
    }

    private synchronized TreeEntry lookup(String path) {
        if (byPath == null && ++scans < SCANS_BEFORE_INDEX) {
            // From the end: where a hostile tree repeats a path, the index below keeps the last one too.
            for (int i = entries.size() - 1; i >= 0; i--) {
                if (entries.get(i).path().equals(path)) {
                    return entries.get(i);
                }
            }
            return null;
        }
        if (byPath == null) {
            Map<String, TreeEntry> index = new HashMap<>(entries.size() * 2);
            for (TreeEntry entry : entries) {
                index.put(entry.path(), entry);
            }
            byPath = index;
        }
        return byPath.get(path);
    }

    /** Whether a repository path lies under the application directory. */
    public boolean inScope(String path) {
        return scope.isEmpty() || path.equals(scope) || path.startsWith(scope + "/");
    }

    /** {@code path} relative to the application directory, as patterns in the checklist are written. */
    public String relativeToScope(String path) {
        return scope.isEmpty() ? path : path.substring(scope.length() + 1);
    }

    /** A repository path for a path written relative to the application directory. */
    public String fromScope(String relative) {
        return scope.isEmpty() ? relative : scope + "/" + relative;
    }

    /** A reader for one thread; close it when done. */
    public BlobReader newReader() {
        return readers.get();
    }
}
