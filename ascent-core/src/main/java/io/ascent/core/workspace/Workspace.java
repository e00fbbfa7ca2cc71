package io.ascent.core.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An application directory inside a repository.
 *
 * @param repositoryRoot the top of the repository (the folder holding {@code .git}), or the application directory
 *                       when it is not inside a git repository
 * @param applicationDir the directory the checklist describes; equal to or below {@code repositoryRoot}
 */
public record Workspace(Path repositoryRoot, Path applicationDir) {
    private static final Pattern DRIVE = Pattern.compile("[A-Za-z]:");

    public Workspace {
        repositoryRoot = repositoryRoot.toAbsolutePath().normalize();
        applicationDir = applicationDir.toAbsolutePath().normalize();
        if (!applicationDir.startsWith(repositoryRoot)) {
            throw new IllegalArgumentException(applicationDir + " is not inside " + repositoryRoot);
        }
    }

    /**
     * The workspace of an application directory: its repository root is the nearest folder upward holding
     * {@code .git} (a folder, or a file as in worktrees and submodules).
     */
    public static Workspace of(Path applicationDir) {
        Path dir = applicationDir.toAbsolutePath().normalize();
        for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
            if (Files.exists(candidate.resolve(".git"))) {
                return new Workspace(candidate, dir);
            }
        }
        return new Workspace(dir, dir);
    }

    /** Files inside the repository, of at most {@code maxBytes} bytes: how the engine reads what a repository holds. */
    public ConfinedFiles files(long maxBytes) {
        return ConfinedFiles.under(repositoryRoot, maxBytes);
    }

    /** A path as reports show it: relative to the repository root, with {@code /}. */
    public String displayPath(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        if (!absolute.startsWith(repositoryRoot)) {
            return absolute.toString();
        }
        return repositoryRoot.relativize(absolute).toString().replace('\\', '/');
    }

    /**
     * Resolves a path written in the checklist (relative to the application directory) and makes sure it stays
     * inside the repository, following symbolic links of the parts that exist.
     *
     * @return the resolved path, or empty when it is absolute or leaves the repository
     */
    public Optional<Path> resolveInside(String relative) {
        if (relative.startsWith("/") || relative.startsWith("\\") || DRIVE.matcher(relative).lookingAt()) {
            return Optional.empty();
        }
        Path resolved = applicationDir.resolve(relative).normalize();
        if (!resolved.startsWith(repositoryRoot)) {
            return Optional.empty();
        }
        Path existing = resolved;
        while (existing != null && !Files.exists(existing, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing != null) {
            try {
                Path real = existing.toRealPath();
                // A real path that starts with the root as written is inside: a prefix of a real path has no
                // links, so the root is then its own real path. Only otherwise is the root's real path needed
                // (a root reached through a link), which saves a second look-up per file of a large folder.
                if (!real.startsWith(repositoryRoot) && !real.startsWith(repositoryRoot.toRealPath())) {
                    return Optional.empty();
                }
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        return Optional.of(resolved);
    }
}
