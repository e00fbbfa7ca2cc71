package io.ascent.core.repo;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Which repository and commit a folder belongs to, for a report's header: the {@code origin} remote (without
 * credentials) or else the work tree's folder name, and the commit at HEAD. Reads only the git directory
 * {@link GitDirectory} accepts, and never fails a run: what cannot be read is simply unknown.
 *
 * @param name   the repository as people name it
 * @param commit the full id of HEAD, or {@code null} when there is no commit yet
 */
public record RepositoryIdentity(String name, String commit) {

    /** The identity of the work tree holding {@code directory}; empty outside git or when it cannot be read. */
    public static Optional<RepositoryIdentity> of(Path directory) {
        if (Thread.currentThread().isInterrupted()) {
            // A cancelled run stops at its next step; reading files now could clear the interrupt it must see.
            return Optional.empty();
        }
        try {
            Optional<GitDirectory.Found> found = GitDirectory.find(directory);
            if (found.isEmpty() || !(found.get() instanceof GitDirectory.Own own)) {
                return Optional.empty();
            }
            File gitDir = own.gitDir();
            HostGitConfiguration.applyRequested();
            try (Repository repository = new FileRepositoryBuilder().setGitDir(gitDir).setMustExist(true).build()) {
                String origin = repository.getConfig().getString("remote", "origin", "url");
                String name = origin != null && !origin.isBlank() ? RemoteCheckout.withoutCredentials(origin.strip())
                        : repository.isBare() ? gitDir.getName() : repository.getWorkTree().getName();
                ObjectId head = repository.resolve(Constants.HEAD);
                return Optional.of(new RepositoryIdentity(name, head == null ? null : head.name()));
            }
        } catch (IOException | RuntimeException e) {
            // A header is a courtesy; the repository step reports an unreadable repository as an item of its own.
            return Optional.empty();
        }
    }
}
