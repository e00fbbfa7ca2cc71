package io.ascent.core.repo;

import java.io.IOException;
import org.eclipse.jgit.errors.ConfigInvalidException;
import org.eclipse.jgit.util.SystemReader;

/**
 * Loads JGit's process-wide state ahead of the first repository ({@link io.ascent.core.Ascent#warmUp()}): its
 * message bundle and file-store attributes (loaded by its first file snapshot), and its configuration chain (JGit's
 * own file and the system and user git configuration, which {@link HostGitConfiguration} may keep out; else JGit
 * runs {@code git --version} and {@code git config --system} to find the system file). A short run ({@code ascent
 * validate} of a small application) spent about an eighth of its main thread on this at its first repository
 * (docs/performance.md, "CLI cold start").
 *
 * <p>It loads only what JGit's first repository would load anyway, into JGit's own caches; a failure here is left
 * for that first use to meet and report.
 */
public final class GitWarmUp {

    private GitWarmUp() {
    }

    /** Loads it on the calling thread; never throws. */
    public static void load() {
        try {
            HostGitConfiguration.applyRequested(); // on this thread, while the main thread parses the command line
            SystemReader.getInstance().getUserConfig(); // its parents: the system configuration and JGit's own
        } catch (IOException | ConfigInvalidException | RuntimeException e) {
            // the repository step reads the configuration again and reports what is wrong with it
        }
    }
}
