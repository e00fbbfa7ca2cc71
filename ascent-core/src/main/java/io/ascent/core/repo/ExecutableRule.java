package io.ascent.core.repo;

import io.ascent.core.glob.PathPattern;
import io.ascent.core.checklist.Checklist;
import io.ascent.core.report.Item;
import io.ascent.core.report.Location;
import java.util.List;

/** {@code repository.executables.forbid}: files matching these globs are not committed with the executable bit. */
final class ExecutableRule implements TreeRule {

    @Override
    public List<Item> check(RepositoryTree tree, Checklist checklist) {
        List<String> globs = checklist.repository().executablesForbidden();
        if (globs.isEmpty()) {
            return List.of();
        }
        List<PathPattern> patterns = globs.stream().map(PathPattern::compile).toList();
        Findings findings = new Findings(RepositoryRule.EXECUTABLES, checklist);
        for (TreeEntry entry : tree.entries(TreeEntry.Kind.EXECUTABLE)) {
            String relative = tree.relativeToScope(entry.path());
            for (PathPattern pattern : patterns) {
                if (pattern.matchingPrefix(relative) != null) {
                    findings.add(Location.of(entry.path()), "'" + entry.path()
                            + "' is committed as executable (mode 100755) but matches '" + pattern.text() + "'",
                            fix(tree, entry.path()));
                    break;
                }
            }
        }
        return findings.items("no file matching " + String.join(", ", globs) + " is executable");
    }

    /**
     * A fix that converges: {@code git update-index --chmod=-x} alone changes the index but leaves the file
     * executable on disk, so the next status shows it modified and {@code git commit -a} puts the bit back.
     * Clearing the bit in the index and on disk works whatever {@code core.fileMode} says.
     */
    private static String fix(RepositoryTree tree, String path) {
        String quoted = ShellWord.of(path);
        if (tree.source() == RepositoryTree.Source.DISK) {
            return "chmod -x -- " + quoted + " (from the repository root)";
        }
        return "git update-index --chmod=-x -- " + quoted + " && chmod -x -- " + quoted
                + " (from the repository root), then commit";
    }
}
