package io.ascent.core.repo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.AbstractTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;

/**
 * Reads the tree of the HEAD commit, not the disk: what is committed is what ships. Works on shallow clones (only
 * the HEAD commit's objects are read) and on a detached HEAD (what CI checks out).
 */
public final class HeadTreeReader {

    private HeadTreeReader() {
    }

    /**
     * The HEAD tree under {@code scope}.
     *
     * @param scope the application directory relative to the work tree, {@code ""} for the root
     * @return empty when the repository has no commit yet
     */
    public static Optional<RepositoryTree> read(Repository repository, String scope)
            throws IOException, InterruptedException {
        ObjectId head = repository.resolve(Constants.HEAD);
        if (head == null) {
            return Optional.empty();
        }
        RevTree tree;
        RevCommit commit;
        try (RevWalk walk = new RevWalk(repository)) {
            commit = walk.parseCommit(head);
            tree = commit.getTree();
        }
        List<TreeEntry> entries = new ArrayList<>();
        // The walk enters every folder anyway: it records them for the rules, which would otherwise derive them
        // again from 50,000 paths.
        Set<String> folders = new HashSet<>();
        try (ObjectReader reader = repository.newObjectReader(); TreeWalk walk = new TreeWalk(repository, reader)) {
            walk.addTree(tree);
            walk.setRecursive(false);
            if (!scope.isEmpty()) {
                walk.setFilter(PathFilter.create(scope));
            }
            int seen = 0;
            while (walk.next()) {
                if ((++seen & 0xFFF) == 0 && Thread.interrupted()) {
                    throw new InterruptedException("reading the HEAD tree was interrupted");
                }
                if (walk.isSubtree()) {
                    String folder = path(walk);
                    if (folder.length() > scope.length() && (scope.isEmpty() || folder.startsWith(scope + "/"))) {
                        folders.add(folder); // only folders below the scope, as RepositoryTree defines them
                    }
                    walk.enterSubtree();
                    continue;
                }
                TreeEntry.Kind kind = kind(walk.getRawMode(0));
                if (kind != null) {
                    entries.add(new TreeEntry(path(walk), kind, walk.getObjectId(0)));
                }
            }
        }
        String description = "HEAD (commit " + commit.abbreviate(7).name() + ")";
        return Optional.of(new RepositoryTree(RepositoryTree.Source.HEAD, description, scope, entries, folders,
                path -> lookup(repository, tree, path), () -> new GitBlobReader(repository, ObjectCacheSettings.reader(repository))));
    }

    /**
     * The walk's current path. Nearly every committed path is ASCII, which is its own UTF-8 and Latin-1: those bytes
     * become the string directly, while JGit's decoder (kept for every other path, with its fallback for bytes that
     * are not UTF-8) took a fifth of reading a 50,000-file tree (docs/performance.md).
     */
    static String path(TreeWalk walk) {
        // The walk's own path buffer, read in place: getRawPath() would copy it once more for every entry.
        AbstractTreeIterator current = walk.getTree(0, AbstractTreeIterator.class);
        byte[] raw = current.getEntryPathBuffer();
        int length = current.getEntryPathLength();
        for (int i = 0; i < length; i++) {
            if (raw[i] < 0) {
                return walk.getPathString();
            }
        }
        return new String(raw, 0, length, StandardCharsets.ISO_8859_1);
    }

    private static Optional<TreeEntry> lookup(Repository repository, RevTree tree, String path) throws IOException {
        try (TreeWalk walk = TreeWalk.forPath(repository, path, tree)) {
            if (walk == null) {
                return Optional.empty();
            }
            TreeEntry.Kind kind = kind(walk.getRawMode(0));
            return kind == null ? Optional.empty() : Optional.of(new TreeEntry(path, kind, walk.getObjectId(0)));
        }
    }

    /** The kind of a raw git mode; {@code null} for trees and unknown modes. */
    static TreeEntry.Kind kind(int rawMode) {
        if (FileMode.EXECUTABLE_FILE.equals(rawMode)) {
            return TreeEntry.Kind.EXECUTABLE;
        }
        if (FileMode.REGULAR_FILE.equals(rawMode)) {
            return TreeEntry.Kind.FILE;
        }
        if (FileMode.SYMLINK.equals(rawMode)) {
            return TreeEntry.Kind.SYMLINK;
        }
        if (FileMode.GITLINK.equals(rawMode)) {
            return TreeEntry.Kind.GITLINK;
        }
        return null;
    }

    /**
     * Reads blobs from the object database; sizes come from object headers, never from the content, and those of
     * packed blobs from one small read each ({@link PackedSizes}).
     */
    private static final class GitBlobReader implements BlobReader {
        private final ObjectReader reader;
        private final PackedSizes sizes;

        GitBlobReader(Repository repository, ObjectReader reader) {
            this.reader = reader;
            this.sizes = new PackedSizes(repository, id -> reader.getObjectSize(id, Constants.OBJ_BLOB));
        }

        @Override
        public long size(TreeEntry entry) throws IOException {
            return sizes.size(entry.objectId());
        }

        @Override
        public InputStream open(TreeEntry entry) throws IOException {
            return reader.open(entry.objectId(), Constants.OBJ_BLOB).openStream();
        }

        /**
         * One lookup: JGit's open() finds the object and, below the reader's stream threshold
         * ({@link ObjectCacheSettings#STREAM_THRESHOLD}), inflates it whole, so its bytes are used as they are; a
         * larger object is streamed, probe first.
         */
        @Override
        public Content read(TreeEntry entry, long maxBytes, int probe) throws IOException {
            ObjectLoader loader = reader.open(entry.objectId(), Constants.OBJ_BLOB);
            long size = loader.getSize();
            if (size > maxBytes) {
                return new Content(size, null);
            }
            if (!loader.isLarge()) {
                return new Content(size, loader.getCachedBytes());
            }
            try (InputStream in = loader.openStream()) {
                return new Content(size, BlobReader.readProbingForBinary(in, size, probe));
            }
        }

        @Override
        public void close() {
            sizes.close();
            reader.close();
        }
    }
}
