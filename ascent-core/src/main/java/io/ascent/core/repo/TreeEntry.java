package io.ascent.core.repo;

import java.util.Objects;
import org.eclipse.jgit.lib.ObjectId;

/**
 * One committed path: what the HEAD tree (or, with {@code --no-git}, the disk) holds at {@code path}.
 *
 * @param path     relative to the repository root, with {@code /}
 * @param kind     what git records for it
 * @param objectId the blob (or, for a gitlink, the commit) id; {@code null} when read from disk
 */
public record TreeEntry(String path, Kind kind, ObjectId objectId) {

    /** The modes git records; trees are not entries, only the paths below them. */
    public enum Kind { FILE, EXECUTABLE, SYMLINK, GITLINK }

    public TreeEntry {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
    }

    /** Whether the entry is a file whose content can be read (not a link, not a submodule). */
    public boolean isFile() {
        return kind == Kind.FILE || kind == Kind.EXECUTABLE;
    }

    /** The last segment of the path. */
    public String name() {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
