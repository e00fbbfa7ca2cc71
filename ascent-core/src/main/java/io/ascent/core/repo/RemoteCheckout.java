package io.ascent.core.repo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jgit.api.CloneCommand;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;

/**
 * {@code --repository URL [--ref REF]}: a shallow clone (depth 1, one branch, no tags) of a remote repository into
 * a temporary directory, removed on {@link #close()} or, when the process is stopped first (SIGTERM), by a shutdown
 * hook. It is checked out, not bare: the other validation steps
 * (manifests, provisioning) read files from disk, and a checkout of depth 1 costs little more than the bare pack.
 */
public final class RemoteCheckout implements AutoCloseable {
    private final TemporaryDirectory directory;

    private RemoteCheckout(TemporaryDirectory directory) {
        this.directory = directory;
    }

    /**
     * Clones {@code url} at {@code ref} (a branch or tag name; the remote's default branch when empty).
     *
     * @throws IOException when the clone fails; the message says why and never holds credentials from the URL
     */
    public static RemoteCheckout clone(String url, Optional<String> ref) throws IOException, InterruptedException {
        TemporaryDirectory directory = TemporaryDirectory.create("ascent-remote-");
        CloneCommand clone = Git.cloneRepository()
                .setURI(url)
                .setDirectory(directory.path().toFile())
                .setDepth(1)
                .setCloneAllBranches(false)
                .setNoTags();
        ref.ifPresent(clone::setBranch);
        try {
            clone.call().close(); // only the files are needed; the repository is reopened by the validation
            if (Thread.interrupted()) {
                throw new InterruptedException("clone interrupted");
            }
            return new RemoteCheckout(directory);
        } catch (GitAPIException | RuntimeException e) {
            directory.close();
            throw new IOException("could not clone " + withoutCredentials(url)
                    + ref.map(r -> " at " + r).orElse("") + ": " + withoutCredentials(String.valueOf(e.getMessage())),
                    null);
        } catch (InterruptedException e) {
            directory.close();
            throw e;
        }
    }

    /** The work tree of the clone. */
    public Path directory() {
        return directory.path();
    }

    @Override
    public void close() throws IOException {
        directory.close();
    }

    /** {@code https://user:token@host/x} → {@code https://***@host/x}: a URL may carry a token. */
    public static String withoutCredentials(String text) {
        return text.replaceAll("(?<=://)[^/@\\s]+@", "***@");
    }
}
