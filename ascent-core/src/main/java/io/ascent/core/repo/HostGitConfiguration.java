package io.ascent.core.repo;

import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;

/**
 * Keeps the host's git configuration (the system's {@code /etc/gitconfig}, the user's {@code ~/.gitconfig} and
 * {@code $XDG_CONFIG_HOME/git/config}) out of every repository JGit opens in this process. A verdict then depends on
 * the commit and the checklist only: a developer's global {@code core.excludesFile} no longer hides an untracked file
 * that CI reports, and nothing in the machine's configuration applies to a repository Ascent judges. It also
 * spares each run the two {@code git} processes JGit starts to find the system file ({@code git --version},
 * {@code git config --system --show-origin --list -z}). The repository's own {@code .git/config} is still read
 * (its format, its object storage), and so is JGit's own file ({@code $XDG_CONFIG_HOME/jgit/config}), which holds
 * only what JGit measured about file systems, not settings of git's: without it JGit would measure again in every
 * run, writing probe files into the repository.
 *
 * <p>Process-wide (JGit has one {@link SystemReader}): for a process Ascent owns, the command line. A shared JVM (a
 * Jenkins agent) keeps its host's configuration, which other plugins' JGit use relies on (docs/repository-rules.md,
 * "What is read").
 */
public final class HostGitConfiguration {

    private HostGitConfiguration() {
    }

    /** From now on JGit reads no system or user git configuration in this process. Idempotent. */
    public static synchronized void ignore() {
        SystemReader current = SystemReader.getInstance();
        if (!(current instanceof Ignoring)) {
            SystemReader.setInstance(new Ignoring(current));
        }
    }

    /** The process's reader, with the system and user configurations empty. */
    private static final class Ignoring extends SystemReader.Delegate {

        Ignoring(SystemReader host) {
            super(host);
        }

        @Override
        public FileBasedConfig openSystemConfig(Config parent, FS fs) {
            return empty(parent, fs);
        }

        @Override
        public FileBasedConfig openUserConfig(Config parent, FS fs) {
            return empty(parent, fs);
        }

        /** As JGit's own reader answers for {@code GIT_CONFIG_NOSYSTEM}: a configuration with no file behind it. */
        private static FileBasedConfig empty(Config parent, FS fs) {
            return new FileBasedConfig(parent, null, fs) {
                @Override
                public void load() {
                    // no file: nothing of the host's is read
                }

                @Override
                public boolean isOutdated() {
                    return false;
                }
            };
        }
    }
}
