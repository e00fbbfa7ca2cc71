package io.ascent.core.repo;

import io.ascent.core.checklist.Checklist;
import io.ascent.core.checklist.RepositoryRules.SymlinkPolicy;
import io.ascent.core.report.Item;
import io.ascent.core.report.Location;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * {@code repository.symlinks}: with {@code within-repository} (the default) a committed symbolic link must not be
 * absolute nor climb out of the repository, since it would point at whatever the build machine has there; with
 * {@code forbid} no link is allowed; {@code allow} turns the rule off.
 */
final class SymlinkRule implements TreeRule {
    /** Link targets are short; a longer blob is not a link git would create. */
    private static final int TARGET_LIMIT = 4096;

    @Override
    public List<Item> check(RepositoryTree tree, Checklist checklist) throws IOException {
        SymlinkPolicy policy = checklist.repository().symlinks();
        if (policy == SymlinkPolicy.ALLOW) {
            return List.of();
        }
        Findings findings = new Findings(RepositoryRule.SYMLINKS, checklist);
        int links = 0;
        try (BlobReader reader = tree.newReader()) {
            for (TreeEntry entry : tree.entries(TreeEntry.Kind.SYMLINK)) {
                links++;
                String target = new String(reader.readPrefix(entry, TARGET_LIMIT), StandardCharsets.UTF_8);
                if (policy == SymlinkPolicy.FORBID) {
                    findings.add(Location.of(entry.path()), "'" + entry.path() + "' is a symbolic link to '"
                            + target + "'; the checklist forbids symbolic links",
                            "commit the file itself instead of a link");
                    continue;
                }
                escape(entry.path(), target).ifPresent(why -> findings.add(Location.of(entry.path()),
                        "symbolic link '" + entry.path() + "' points to '" + target + "', " + why,
                        "point the link at a path inside the repository, relative to the link"));
            }
        }
        String pass = policy == SymlinkPolicy.FORBID ? "no symbolic links are committed"
                : links + " symbolic link(s), all pointing inside the repository";
        return findings.items(pass);
    }

    /** Why the link at {@code linkPath} (relative to the repository root) leaves the repository, if it does. */
    static Optional<String> escape(String linkPath, String target) {
        if (target.startsWith("/") || target.startsWith("\\") || target.matches("^[A-Za-z]:.*")
                || target.startsWith("~")) {
            return Optional.of("an absolute path outside the repository");
        }
        Deque<String> parts = new ArrayDeque<>();
        String[] linkSegments = linkPath.split("/");
        for (int i = 0; i < linkSegments.length - 1; i++) {
            parts.addLast(linkSegments[i]);
        }
        for (String segment : target.split("[/\\\\]")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (parts.isEmpty()) {
                    return Optional.of("which leaves the repository");
                }
                parts.removeLast();
            } else {
                parts.addLast(segment);
            }
        }
        return Optional.empty();
    }
}
