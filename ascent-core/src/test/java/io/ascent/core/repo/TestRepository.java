package io.ascent.core.repo;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.internal.storage.file.ObjectDirectory;
import org.eclipse.jgit.internal.storage.file.Pack;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;

/**
 * Builds git repositories for tests through JGit's object API (no git binary): every entry is written as a blob
 * with the exact mode wanted (executables, symbolic links, gitlinks), the index is rebuilt to match, and HEAD
 * advances. Files are also written to disk unless {@link #headOnly()} is set, so the working tree is clean.
 */
final class TestRepository implements AutoCloseable {
    private record Spec(FileMode mode, byte[] content, ObjectId id) {
    }

    private final Path root;
    private final Git git;
    private final Map<String, Spec> entries = new TreeMap<>();
    private boolean onDisk = true;

    private TestRepository(Path root, Git git) {
        this.root = root;
        this.git = git;
    }

    static TestRepository init(Path root) throws GitAPIException {
        return new TestRepository(root, Git.init().setDirectory(root.toFile()).setInitialBranch("main").call());
    }

    Path root() {
        return root;
    }

    Repository repository() {
        return git.getRepository();
    }

    /**
     * How the blob at {@code path} in HEAD is stored, from its pack entry's type (git's pack format: 6 and 7 are
     * deltas naming their base by offset and by id): {@code whole}, {@code ofs-delta}, {@code ref-delta} or
     * {@code loose}; proof that a fixture holds what its test claims.
     */
    String storage(String path) throws IOException {
        ObjectId id = repository().resolve(Constants.HEAD + ":" + path);
        for (Pack pack : ((ObjectDirectory) repository().getObjectDatabase()).getPacks()) {
            long offset = pack.getIndex().findOffset(id);
            if (offset >= 0) {
                try (RandomAccessFile file = new RandomAccessFile(pack.getPackFile(), "r")) {
                    file.seek(offset);
                    return switch ((file.read() >> 4) & 7) {
                        case Constants.OBJ_OFS_DELTA -> "ofs-delta";
                        case Constants.OBJ_REF_DELTA -> "ref-delta";
                        default -> "whole";
                    };
                }
            }
        }
        try (ObjectReader reader = repository().newObjectReader()) {
            return reader.has(id) ? "loose" : "missing";
        }
    }

    Git git() {
        return git;
    }

    /** Further entries go to HEAD only, not to disk (names the file system may not hold, huge files). */
    TestRepository headOnly() {
        onDisk = false;
        return this;
    }

    TestRepository file(String path, String content) throws IOException {
        return file(path, content.getBytes(StandardCharsets.UTF_8));
    }

    TestRepository file(String path, byte[] content) throws IOException {
        entries.put(path, new Spec(FileMode.REGULAR_FILE, content, null));
        if (onDisk) {
            Path file = root.resolve(path);
            Files.createDirectories(file.getParent());
            Files.write(file, content);
        }
        return this;
    }

    TestRepository executable(String path, String content) throws IOException {
        entries.put(path, new Spec(FileMode.EXECUTABLE_FILE, content.getBytes(StandardCharsets.UTF_8), null));
        if (onDisk) {
            Path file = root.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return this;
    }

    TestRepository symlink(String path, String target) throws IOException {
        entries.put(path, new Spec(FileMode.SYMLINK, target.getBytes(StandardCharsets.UTF_8), null));
        if (onDisk) {
            Path link = root.resolve(path);
            Files.createDirectories(link.getParent());
            Files.createSymbolicLink(link, Path.of(target));
        }
        return this;
    }

    /** A submodule entry pointing at a commit that this repository does not have, as gitlinks do. */
    TestRepository gitlink(String path) throws IOException {
        entries.put(path, new Spec(FileMode.GITLINK, null,
                ObjectId.fromString("0123456789abcdef0123456789abcdef01234567")));
        if (onDisk) {
            Files.createDirectories(root.resolve(path));
        }
        return this;
    }

    TestRepository remove(String path) throws IOException {
        entries.remove(path);
        Files.deleteIfExists(root.resolve(path));
        return this;
    }

    /** Commits every entry as the whole tree and moves HEAD (a branch, or a detached HEAD) to it. */
    ObjectId commit(String message) throws IOException {
        Repository repository = git.getRepository();
        try (ObjectInserter inserter = repository.newObjectInserter()) {
            DirCache index = repository.lockDirCache();
            DirCacheBuilder builder = index.builder();
            for (Map.Entry<String, Spec> e : entries.entrySet()) {
                Spec spec = e.getValue();
                DirCacheEntry entry = new DirCacheEntry(e.getKey());
                entry.setFileMode(spec.mode());
                if (spec.mode() == FileMode.GITLINK) {
                    entry.setObjectId(spec.id());
                } else {
                    entry.setObjectId(inserter.insert(Constants.OBJ_BLOB, spec.content()));
                    entry.setLength(spec.content().length);
                    Path file = root.resolve(e.getKey());
                    // Stamp the disk's time only on an entry whose content is on disk, else status would trust it.
                    if (Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                            && java.util.Arrays.equals(Files.readAllBytes(file), spec.content())) {
                        entry.setLastModified(Files.getLastModifiedTime(file).toInstant());
                    }
                }
                builder.add(entry);
            }
            builder.finish();
            ObjectId tree = index.writeTree(inserter);
            index.write();
            index.commit();
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(tree);
            ObjectId head = repository.resolve(Constants.HEAD);
            if (head != null) {
                commit.setParentId(head);
            }
            PersonIdent who = new PersonIdent("Ascent Test", "test@ascent.invalid");
            commit.setAuthor(who);
            commit.setCommitter(who);
            commit.setMessage(message);
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            RefUpdate update = repository.updateRef(Constants.HEAD);
            update.setNewObjectId(id);
            update.setForceUpdate(true);
            RefUpdate.Result result = update.update();
            if (result != RefUpdate.Result.NEW && result != RefUpdate.Result.FORCED
                    && result != RefUpdate.Result.FAST_FORWARD) {
                throw new IOException("could not move HEAD: " + result);
            }
            return id;
        }
    }

    /** Detaches HEAD at its current commit, as CI checkouts do. */
    void detachHead() throws IOException {
        ObjectId head = git.getRepository().resolve(Constants.HEAD);
        RefUpdate update = git.getRepository().updateRef(Constants.HEAD, true);
        update.setNewObjectId(head);
        update.setForceUpdate(true);
        update.forceUpdate();
    }

    @Override
    public void close() {
        git.close();
    }
}
