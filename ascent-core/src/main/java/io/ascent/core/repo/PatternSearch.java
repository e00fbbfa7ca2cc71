package io.ascent.core.repo;

import io.ascent.core.glob.PathPattern;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

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
        for (String folder : tree.folders()) {
            if (pattern.matches(tree.relativeToScope(folder))) {
                return Optional.of(folder);
            }
        }
        for (TreeEntry entry : tree.entries()) {
            if (pattern.matches(tree.relativeToScope(entry.path()))) {
                return Optional.of(entry.path());
            }
        }
        return Optional.empty();
    }

    /**
     * Every match of each pattern, each reported once: a matching folder stands for the files below it. One pass
     * over the entries serves every pattern (a tree of 50,000 files was walked once per forbidden pattern).
     *
     * @return for each pattern, in order, its matches: paths relative to the repository root, sorted
     */
    static List<Set<String>> all(RepositoryTree tree, List<PathPattern> patterns) throws InterruptedException {
        int count = patterns.size();
        List<Set<String>> matchedFolders = new ArrayList<>(count);
        List<Set<String>> found = new ArrayList<>(count);
        for (PathPattern pattern : patterns) {
            // Folders first, each tested once (not once per file below it); a matching folder covers its files.
            Set<String> matched = new HashSet<>();
            for (String folder : tree.folders()) {
                if (pattern.matches(tree.relativeToScope(folder))) {
                    matched.add(folder);
                }
            }
            Set<String> matches = new TreeSet<>();
            for (String folder : matched) {
                if (!underAny(folder, matched)) {
                    matches.add(folder);
                }
            }
            matchedFolders.add(matched);
            found.add(matches);
        }
        int seen = 0;
        for (TreeEntry entry : tree.entries()) {
            if ((++seen & 0xFFF) == 0 && Thread.interrupted()) {
                throw new InterruptedException();
            }
            String relative = tree.relativeToScope(entry.path());
            for (int p = 0; p < count; p++) {
                if (!underAny(entry.path(), matchedFolders.get(p)) && patterns.get(p).matches(relative)) {
                    found.get(p).add(entry.path());
                }
            }
        }
        return found;
    }

    /** Whether a folder above {@code path} is in {@code folders}. */
    private static boolean underAny(String path, Set<String> folders) {
        if (folders.isEmpty()) {
            return false;
        }
        for (int slash = path.lastIndexOf('/'); slash > 0; slash = path.lastIndexOf('/', slash - 1)) {
            if (folders.contains(path.substring(0, slash))) {
                return true;
            }
        }
        return false;
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
