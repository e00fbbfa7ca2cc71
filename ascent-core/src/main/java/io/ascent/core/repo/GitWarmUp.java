package io.ascent.core.repo;

import java.io.IOException;
import org.eclipse.jgit.errors.ConfigInvalidException;
import org.eclipse.jgit.util.SystemReader;

/**
 * Loads JGit's process-wide state on a background thread: its message bundle and file-store attributes (loaded by
 * its first file snapshot), and the system and user git configuration, for which JGit runs {@code git --version}
 * and {@code git config --system} to find the system file. A short run ({@code ascent validate} of a small
 * application) spent about a seventh of its main thread on this at its first repository; started first thing, it
 * runs on the second core while the command line and the checklist are read (docs/performance.md, "CLI cold start").
 *
 * <p>It loads only what JGit's first repository would load anyway, into JGit's own caches; a failure here is left
 * for that first use to meet and report.
 */
public final class GitWarmUp {

    private GitWarmUp() {
    }

    /** Starts the warm-up on a daemon thread and returns at once. */
    public static void start() {
        Thread thread = new Thread(GitWarmUp::load, "ascent-git-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    private static void load() {
        try {
            SystemReader.getInstance().getUserConfig(); // its parents: the system configuration and JGit's own
        } catch (IOException | ConfigInvalidException | RuntimeException e) {
            // the repository step reads the configuration again and reports what is wrong with it
        }
    }
}
