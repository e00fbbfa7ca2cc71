package io.ascent.core.repo;

import io.ascent.core.glob.PathPattern;
import io.ascent.core.checklist.Checklist;
import io.ascent.core.report.Item;
import io.ascent.core.report.Location;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** {@code repository.required}: each pattern (or one of its {@code |} alternatives) matches a committed path. */
final class RequiredPathsRule implements TreeRule {

    @Override
    public List<Item> check(RepositoryTree tree, Checklist checklist) throws IOException {
        List<String> required = checklist.repository().required();
        if (required.isEmpty()) {
            return List.of();
        }
        Findings findings = new Findings(RepositoryRule.REQUIRED, checklist);
        check(tree, required, findings);
        return findings.items(required.size() + " required path pattern(s) present in " + tree.description()
                + ": " + String.join(", ", required));
    }

    /** Shared with custom {@code require} items, which report under their own id. */
    static void check(RepositoryTree tree, List<String> patterns, Findings findings) throws IOException {
        for (String text : patterns) {
            PathPattern pattern = PathPattern.compile(text);
            if (PatternSearch.first(tree, pattern).isPresent()) {
                continue;
            }
            Optional<String> nearMiss = PatternSearch.caseInsensitiveNearMiss(tree, pattern);
            String message = "no committed path matches '" + text + "' in " + tree.description()
                    + nearMiss.map(p -> "; '" + p + "' differs only in case, and names are case-sensitive")
                            .orElse("");
            String first = text.split("\\|")[0].trim();
            findings.add(Location.of(tree.fromScope(first)), message,
                    "commit a file matching '" + text + "' (relative to the application directory)");
        }
    }
}
