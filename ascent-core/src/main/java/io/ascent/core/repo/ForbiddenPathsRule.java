package io.ascent.core.repo;

import io.ascent.core.glob.PathPattern;
import io.ascent.core.checklist.Checklist;
import io.ascent.core.checklist.RepositoryRules.ForbiddenPath;
import io.ascent.core.report.Item;
import io.ascent.core.report.Location;
import java.util.List;
import java.util.Set;

/** {@code repository.forbidden}: no committed path matches; each match is reported with the checklist's reason. */
final class ForbiddenPathsRule implements TreeRule {

    @Override
    public List<Item> check(RepositoryTree tree, Checklist checklist) throws InterruptedException {
        List<ForbiddenPath> forbidden = checklist.repository().forbidden();
        if (forbidden.isEmpty()) {
            return List.of();
        }
        Findings findings = new Findings(RepositoryRule.FORBIDDEN, checklist);
        List<Set<String>> matches = PatternSearch.all(tree,
                forbidden.stream().map(rule -> PathPattern.compile(rule.pattern())).toList());
        for (int i = 0; i < forbidden.size(); i++) {
            ForbiddenPath rule = forbidden.get(i);
            for (String path : matches.get(i)) {
                findings.add(Location.of(path), "'" + path + "' is committed but matches forbidden pattern '"
                        + rule.pattern() + "': " + rule.reason(),
                        "remove it from the repository (git rm --cached -- " + ShellWord.of(path)
                                + ") and ignore it in .gitignore");
            }
        }
        return findings.items("no committed path matches the " + forbidden.size() + " forbidden pattern(s)");
    }

    /** Shared with custom {@code forbid} items. */
    static void check(RepositoryTree tree, List<String> patterns, Findings findings, String remediation)
            throws InterruptedException {
        List<Set<String>> matches = PatternSearch.all(tree, patterns.stream().map(PathPattern::compile).toList());
        for (int i = 0; i < patterns.size(); i++) {
            String text = patterns.get(i);
            for (String path : matches.get(i)) {
                findings.add(Location.of(path), "'" + path + "' is committed but matches '" + text + "'",
                        remediation);
            }
        }
    }
}
