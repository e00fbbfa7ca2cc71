package io.ascent.core.repo;

import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.ConfigConstants;
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
 * (its format, its object storage).
 *
 * <p>JGit's own file ({@code $XDG_CONFIG_HOME/jgit/config}, else {@code ~/.jgitconfig}) is neither read nor written
 * either: a run reads and writes nothing outside the workspace. That file holds what JGit measured about each file
 * store's timestamp resolution; without it JGit would measure in every run, writing probe files into the repository
 * for about three seconds (a loop in {@code FS.FileStoreAttributes}). Instead every file store is taken to have JGit's
 * own fallback resolution, two seconds, as JGit assumes for the configuration files it reads: a file changed less
 * than two seconds before JGit looked is compared by content rather than trusted by its time stamps, which is never
 * wrong and costs a run (one read of one commit, one status of the work tree) at most a re-read of files just
 * written.
 *
 * <p>Process-wide (JGit has one {@link SystemReader}): for a process Ascent owns, the command line. A shared JVM (a
 * Jenkins agent) keeps its host's configuration, which other plugins' JGit use relies on (docs/repository-rules.md,
 * "What is read").
 */
public final class HostGitConfiguration {

    /** Set by {@link #request()}; read before every repository this process opens. */
    private static volatile boolean requested;
    /** Whether {@link #ignore()} has run: the check every later repository makes is then one read. */
    private static volatile boolean applied;

    private HostGitConfiguration() {
    }

    /**
     * From the first repository this process reads on, JGit reads no system or user git configuration: as
     * {@link #ignore()}, but without touching JGit here. Initialising JGit's process-wide classes ({@code FS},
     * {@code SystemReader}, its logger and message bundle) took the command line's main thread 30-90 ms before it
     * started anything else, and a {@code --no-git} run never uses them (docs/performance.md, "Start-up cuts,
     * third round"). Whatever reads a repository first ({@link GitWarmUp}, the repository step, the report's
     * header, a clone) calls {@link #applyRequested()} before it. Idempotent.
     */
    public static void request() {
        requested = true;
    }

    /** Applies a {@link #request()}, if there was one, before JGit reads a repository; cheap once applied. */
    static void applyRequested() {
        if (requested && !applied) {
            ignore();
        }
    }

    /** From now on JGit reads no system or user git configuration in this process. Idempotent. */
    public static synchronized void ignore() {
        SystemReader current = SystemReader.getInstance();
        if (!(current instanceof Ignoring)) {
            SystemReader.setInstance(new Ignoring(current));
        }
        applied = true;
    }

    /** The process's reader, with the system, user and JGit configurations empty. */
    private static final class Ignoring extends SystemReader.Delegate {
        /** JGit's {@code FS.FileStoreAttributes.FALLBACK_TIMESTAMP_RESOLUTION}, as JGit's configuration spells it. */
        private static final String FALLBACK_RESOLUTION =
                FS.FileStoreAttributes.FALLBACK_TIMESTAMP_RESOLUTION.toMillis() + " milliseconds";

        Ignoring(SystemReader host) {
            super(host);
        }

        @Override
        public FileBasedConfig openSystemConfig(Config parent, FS fs) {
            return empty(parent, fs);
        }

        @Override
        public FileBasedConfig openUserConfig(Config parent, FS fs) {
            return new NoFileConfig(parent, fs) {
                /**
                 * JGit looks for a file store's measured timestamp resolution here (its key names the Java release
                 * and the store) before it measures one; answering for every store means it never measures.
                 */
                @Override
                public String getString(String section, String subsection, String name) {
                    if (ConfigConstants.CONFIG_FILESYSTEM_SECTION.equals(section)
                            && ConfigConstants.CONFIG_KEY_TIMESTAMP_RESOLUTION.equals(name)) {
                        return FALLBACK_RESOLUTION;
                    }
                    return super.getString(section, subsection, name);
                }
            };
        }

        @Override
        public FileBasedConfig openJGitConfig(Config parent, FS fs) {
            return empty(parent, fs);
        }

        private static FileBasedConfig empty(Config parent, FS fs) {
            return new NoFileConfig(parent, fs);
        }
    }

    /**
     * As JGit's own reader answers for {@code GIT_CONFIG_NOSYSTEM}: a configuration with no file behind it, which
     * also keeps what is set in it in memory.
     */
    private static class NoFileConfig extends FileBasedConfig {

        NoFileConfig(Config parent, FS fs) {
            super(parent, null, fs);
        }

        @Override
        public void load() {
            // no file: nothing of the host's is read
        }

        @Override
        public void save() {
            // no file: nothing is written outside the workspace
        }

        @Override
        public boolean isOutdated() {
            return false;
        }
    }
}
