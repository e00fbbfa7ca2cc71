package io.ascent.core.repo;

import io.ascent.core.workspace.ConfinedFiles;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jgit.errors.ConfigInvalidException;
import org.eclipse.jgit.lib.ConfigConstants;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.util.FS;

/**
 * Finds the git directory of the work tree holding a folder, as git does (upward), without letting a work tree
 * borrow another repository. A {@code .git} folder is the work tree's own. A {@code .git} file
 * ({@code gitdir: PATH}, as in linked worktrees and submodules) or a {@code .git} symbolic link is followed only
 * when the git directory it names points back at this work tree: a linked worktree's {@code gitdir} file, or a
 * submodule's {@code core.worktree}. Otherwise a folder holding {@code gitdir: /home/jenkins/other/.git} would
 * make Ascent report another repository's files, and its secrets, as this one's.
 */
final class GitDirectory {
    /** A {@code .git} file is one line; anything longer is not one. */
    private static final int MAX_GIT_FILE_BYTES = 4096;

    /** What was found: a git directory, or why the one named is refused. */
    sealed interface Found {
    }

    /** The git directory to open. */
    record Own(File gitDir) implements Found {
    }

    /** A {@code .git} file or link that names a git directory belonging to another work tree. */
    record Foreign(Path dotGit, String reason) implements Found {
    }

    private GitDirectory() {
    }

    /** The git directory of the nearest work tree at or above {@code dir}; empty when there is none. */
    static Optional<Found> find(Path dir) throws IOException {
        for (Path candidate = dir.toAbsolutePath().normalize(); candidate != null; candidate = candidate.getParent()) {
            Path dotGit = candidate.resolve(".git");
            if (Files.isDirectory(dotGit, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.of(new Own(dotGit.toFile()));
            }
            if (Files.isSymbolicLink(dotGit)) {
                return Optional.of(linked(candidate, dotGit));
            }
            if (Files.isRegularFile(dotGit, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.of(gitFile(candidate, dotGit));
            }
        }
        return Optional.empty();
    }

    /** A {@code .git} link: accepted when it stays inside the work tree. */
    private static Found linked(Path workTree, Path dotGit) throws IOException {
        Path target;
        try {
            target = dotGit.toRealPath();
        } catch (IOException dangling) {
            return new Foreign(dotGit, "is a symbolic link that leads nowhere");
        }
        if (!target.startsWith(workTree.toRealPath()) || !Files.isDirectory(target)) {
            return new Foreign(dotGit, "is a symbolic link to a git directory outside this work tree");
        }
        return new Own(target.toFile());
    }

    private static Found gitFile(Path workTree, Path dotGit) throws IOException {
        String text = new String(ConfinedFiles.under(workTree, MAX_GIT_FILE_BYTES).readAllBytes(dotGit),
                StandardCharsets.UTF_8).strip();
        if (!text.startsWith("gitdir:")) {
            return new Foreign(dotGit, "is a file that does not start with 'gitdir:'");
        }
        Path gitDir;
        try {
            gitDir = workTree.resolve(text.substring("gitdir:".length()).strip()).normalize();
        } catch (InvalidPathException e) {
            return new Foreign(dotGit, "names a git directory that is not a valid path");
        }
        if (!Files.isDirectory(gitDir)) {
            return new Foreign(dotGit, "names a git directory that does not exist");
        }
        Path realWorkTree = workTree.toRealPath();
        if (gitDir.toRealPath().startsWith(realWorkTree) || pointsBack(gitDir, realWorkTree, dotGit)) {
            return new Own(gitDir.toFile());
        }
        return new Foreign(dotGit, "names a git directory that belongs to another work tree (it does not name "
                + "this one back, as a linked worktree or a submodule does)");
    }

    /**
     * A linked worktree's git directory holds a {@code gitdir} file naming the worktree's {@code .git} file; a
     * submodule's holds {@code core.worktree} naming the submodule's folder.
     */
    private static boolean pointsBack(Path gitDir, Path realWorkTree, Path dotGit) throws IOException {
        Path back = gitDir.resolve("gitdir");
        if (Files.isRegularFile(back)) {
            String named = new String(ConfinedFiles.under(gitDir, MAX_GIT_FILE_BYTES).readAllBytes(back),
                    StandardCharsets.UTF_8).strip();
            if (sameFile(gitDir.resolve(named), dotGit)) {
                return true;
            }
        }
        Path config = gitDir.resolve("config");
        if (Files.isRegularFile(config)) {
            FileBasedConfig parsed = new FileBasedConfig(config.toFile(), FS.DETECTED);
            try {
                parsed.load();
            } catch (ConfigInvalidException invalid) {
                return false;
            }
            String worktree = parsed.getString(ConfigConstants.CONFIG_CORE_SECTION, null,
                    ConfigConstants.CONFIG_KEY_WORKTREE);
            return worktree != null && sameFile(gitDir.resolve(worktree), realWorkTree);
        }
        return false;
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(a) && Files.isSameFile(a, b);
        } catch (IOException | InvalidPathException e) {
            return false;
        }
    }
}
