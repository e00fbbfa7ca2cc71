package io.ascent.core.repo;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Finds what a {@link PathPattern} matches in a {@link RepositoryTree}: lookups for literals, one pass for globs. */
final class PatternSearch {

    private PatternSearch() {
    }

    /** The first path (file or folder, relative to the repository root) the pattern matches. */
    static Optional<String> first(RepositoryTree tree, PathPattern pattern) throws IOException {
        for (String literal : pattern.literals()) {
            String path = tree.fromScope(literal);
            if (tree.isFolder(path) || (tree.inScope(path) && tree.find(path).isPresent())) {
                return Optional.of(path);
            }
        }
        if (pattern.isLiteral()) {
            return Optional.empty();
        }
        for (TreeEntry entry : tree.entries()) {
            if (pattern.matchingPrefix(tree.relativeToScope(entry.path())) != null) {
                return Optional.of(tree.fromScope(pattern.matchingPrefix(tree.relativeToScope(entry.path()))));
            }
        }
        return Optional.empty();
    }

    /**
     * Every match, each reported once: a matching folder stands for the files below it.
     *
     * @return paths relative to the repository root, in tree order
     */
    static Set<String> all(RepositoryTree tree, PathPattern pattern) throws InterruptedException {
        Set<String> found = new LinkedHashSet<>();
        int seen = 0;
        for (TreeEntry entry : tree.entries()) {
            if ((++seen & 0xFFF) == 0 && Thread.interrupted()) {
                throw new InterruptedException();
            }
            String match = pattern.matchingPrefix(tree.relativeToScope(entry.path()));
            if (match != null) {
                found.add(tree.fromScope(match));
            }
        }
        return found;
    }

    /** A path that would match if case did not matter, to explain a miss on a case-sensitive file system. */
    static Optional<String> caseInsensitiveNearMiss(RepositoryTree tree, PathPattern pattern) {
        PathPattern lower = PathPattern.compile(pattern.text().toLowerCase(Locale.ROOT));
        for (TreeEntry entry : tree.entries()) {
            String relative = tree.relativeToScope(entry.path()).toLowerCase(Locale.ROOT);
            String match = lower.matchingPrefix(relative);
            if (match != null) {
                return Optional.of(entry.path().substring(0, tree.fromScope(match).length()));
            }
        }
        return Optional.empty();
    }
}
