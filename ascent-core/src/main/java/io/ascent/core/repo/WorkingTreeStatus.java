package io.ascent.core.repo;

import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Repository;

/**
 * What differs between the disk and HEAD under the application directory, read once through JGit's status (the
 * index, the working tree and .gitignore, as {@code git status} sees them; ignored files are not changes).
 *
 * @param changes repository path → what happened to it, sorted by path
 */
record WorkingTreeStatus(Map<String, String> changes) {

    /** The changes at or under {@code scope} (a folder or a file; {@code ""} for the whole repository). */
    static WorkingTreeStatus read(Repository repository, String scope) throws GitAPIException {
        var command = Git.wrap(repository).status();
        if (!scope.isEmpty()) {
            command.addPath(scope);
        }
        Status status = command.call();
        Map<String, String> changes = new TreeMap<>();
        status.getUntracked().forEach(p -> changes.put(p, "is not committed (untracked)"));
        status.getAdded().forEach(p -> changes.put(p, "is staged but not committed"));
        status.getChanged().forEach(p -> changes.put(p, "has staged changes that are not committed"));
        status.getModified().forEach(p -> changes.put(p, "is modified and not committed"));
        status.getMissing().forEach(p -> changes.put(p, "is deleted on disk but still committed"));
        status.getRemoved().forEach(p -> changes.put(p, "is staged for removal but still committed"));
        status.getConflicting().forEach(p -> changes.put(p, "has merge conflicts"));
        return new WorkingTreeStatus(java.util.Collections.unmodifiableMap(changes));
    }
}
