package io.ascent.core.repo;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jgit.api.CloneCommand;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.util.FileUtils;

/**
 * {@code --repository URL [--ref REF]}: a shallow clone (depth 1, one branch, no tags) of a remote repository into
 * a temporary directory, removed on {@link #close()}. It is checked out, not bare: the other validation steps
 * (manifests, provisioning) read files from disk, and a checkout of depth 1 costs little more than the bare pack.
 */
public final class RemoteCheckout implements AutoCloseable {
    private final Path directory;

    private RemoteCheckout(Path directory) {
        this.directory = directory;
    }

    /**
     * Clones {@code url} at {@code ref} (a branch or tag name; the remote's default branch when empty).
     *
     * @throws IOException when the clone fails; the message says why and never holds credentials from the URL
     */
    public static RemoteCheckout clone(String url, Optional<String> ref) throws IOException, InterruptedException {
        refuseOptionLikeParts(url);
        Path directory = Files.createTempDirectory("ascent-remote-");
        CloneCommand clone = Git.cloneRepository()
                .setURI(url)
                .setDirectory(directory.toFile())
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
            delete(directory);
            throw new IOException("could not clone " + withoutCredentials(url)
                    + ref.map(r -> " at " + r).orElse("") + ": " + withoutCredentials(String.valueOf(e.getMessage())),
                    null);
        } catch (InterruptedException e) {
            delete(directory);
            throw e;
        }
    }

    /**
     * Refuses a URL whose host or user begins with {@code -}: an SSH client given {@code -oProxyCommand=...} as a
     * host name runs it as an option (git's CVE-2017-1000117). Checked before JGit or {@code GIT_SSH} sees it.
     *
     * @throws IOException naming the part, never the credentials
     */
    static void refuseOptionLikeParts(String url) throws IOException {
        URIish parsed;
        try {
            parsed = new URIish(url);
        } catch (URISyntaxException e) {
            throw new IOException("could not clone " + withoutCredentials(url) + ": not a git URL", null);
        }
        String host = parsed.getHost() == null ? "" : parsed.getHost();
        String user = parsed.getUser() == null ? "" : parsed.getUser();
        if (host.startsWith("-") || user.startsWith("-") || url.strip().startsWith("-")) {
            throw new IOException("refused to clone " + withoutCredentials(url) + ": a "
                    + (user.startsWith("-") ? "user name" : "host name") + " beginning with '-' would be read as "
                    + "an option by ssh", null);
        }
    }

    /** The work tree of the clone. */
    public Path directory() {
        return directory;
    }

    @Override
    public void close() throws IOException {
        delete(directory);
    }

    private static void delete(Path directory) throws IOException {
        FileUtils.delete(directory.toFile(), FileUtils.RECURSIVE | FileUtils.RETRY | FileUtils.SKIP_MISSING);
    }

    /** {@code https://user:token@host/x} → {@code https://***@host/x}: a URL may carry a token. */
    public static String withoutCredentials(String text) {
        return text.replaceAll("(?<=://)[^/@\\s]+@", "***@");
    }
}
