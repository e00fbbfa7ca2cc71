package io.ascent.core.repo;

import io.ascent.core.checklist.Checklist;
import io.ascent.core.checklist.CustomItem;
import io.ascent.core.report.Item;
import io.ascent.core.report.Location;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The checklist's own items ({@code items:}): {@code require}, {@code forbid} and {@code contains} run over the
 * same committed tree as the built-in rules, and report under the item's id, title, severity and remediation.
 */
final class CustomItemRule implements TreeRule {

    @Override
    public List<Item> check(RepositoryTree tree, Checklist checklist) throws IOException, InterruptedException {
        List<Item> items = new ArrayList<>();
        for (CustomItem item : checklist.items()) {
            Findings findings = new Findings(item.id(), item.title(), item.severity()).remediation(item.remediation());
            String pass;
            if (item.rule() instanceof CustomItem.Require require) {
                RequiredPathsRule.check(tree, require.patterns(), findings);
                pass = "present: " + String.join(", ", require.patterns());
            } else if (item.rule() instanceof CustomItem.Forbid forbid) {
                ForbiddenPathsRule.check(tree, forbid.patterns(), findings,
                        item.remediation().orElse("remove it from the repository"));
                pass = "no committed path matches " + String.join(", ", forbid.patterns());
            } else {
                CustomItem.Contains contains = (CustomItem.Contains) item.rule();
                Optional<Location> at = contains(tree, contains, findings);
                if (at.isPresent()) {
                    items.add(Item.builder(item.id(), item.title()).severity(item.severity())
                            .message("'" + at.get().path() + "' line " + at.get().line() + " matches '"
                                    + contains.pattern() + "'")
                            .location(at.get()).build());
                    continue;
                }
                pass = "";
            }
            items.addAll(findings.items(pass));
        }
        return items;
    }

    /** Where the pattern first matches, or empty after recording why not. */
    private static Optional<Location> contains(RepositoryTree tree, CustomItem.Contains rule, Findings findings)
            throws IOException, InterruptedException {
        String path = tree.fromScope(normalize(rule.path()));
        Optional<TreeEntry> entry = tree.find(path).filter(TreeEntry::isFile);
        if (entry.isEmpty()) {
            findings.add(Location.of(path), "'" + path + "' is not committed in " + tree.description(),
                    "commit '" + rule.path() + "'");
            return Optional.empty();
        }
        Pattern pattern = Pattern.compile(rule.pattern());
        long deadline = System.nanoTime() + PATTERN_BUDGET.toNanos();
        try (BlobReader reader = tree.newReader();
                Reader text = new InputStreamReader(reader.open(entry.get()), StandardCharsets.UTF_8)) {
            BoundedLines lines = new BoundedLines(text, MAX_LINE_CHARS);
            for (String line = lines.next(); line != null; line = lines.next()) {
                int number = lines.number();
                if (Thread.interrupted()) {
                    throw new InterruptedException("'contains' cancelled");
                }
                if (System.nanoTime() - deadline > 0) {
                    findings.add(new Location(path, number, 1), "searching '" + path + "' for '" + rule.pattern()
                            + "' took more than " + PATTERN_BUDGET.toSeconds() + " s (stopped at line " + number + ")",
                            "point the item at a smaller file");
                    return Optional.empty();
                }
                try {
                    if (pattern.matcher(new DeadlineCharSequence(line, deadline)).find()) {
                        return Optional.of(new Location(path, number, 1));
                    }
                } catch (DeadlineCharSequence.TimeoutException e) {
                    if (Thread.interrupted()) {
                        throw new InterruptedException("'contains' cancelled");
                    }
                    findings.add(new Location(path, number, 1), "the pattern '" + rule.pattern() + "' ran for more than "
                            + PATTERN_BUDGET.toSeconds() + " s on '" + path + "' (stopped at line " + number + ")",
                            "simplify the pattern: repetition of a group that itself repeats, such as (.*a){12}, backtracks without end");
                    return Optional.empty();
                } catch (StackOverflowError e) {
                    // java.util.regex recurses once per repetition of an alternation or group, so (a|aa)+ over a long
                    // line exhausts the stack: the pattern's fault, bounded, reported like the time limit.
                    findings.add(new Location(path, number, 1), "the pattern '" + rule.pattern() + "' recursed too"
                            + " deeply on line " + number + " of '" + path + "' (" + line.length() + " characters)",
                            "simplify the pattern: a repeated group such as (a|aa)+ recurses once per repetition;"
                                    + " use a character class such as [a]+ or a possessive quantifier (a|aa)++");
                    return Optional.empty();
                }
            }
        } catch (BoundedLines.LineTooLongException e) {
            findings.add(new Location(path, e.line(), 1), "'" + path + "' line " + e.line() + " is longer than "
                    + MAX_LINE_CHARS + " characters, so 'contains' cannot search it",
                    "point the item at a text file with lines of ordinary length");
            return Optional.empty();
        }
        findings.add(Location.of(path), "no line of '" + path + "' matches '" + rule.pattern() + "'",
                "add a line matching '" + rule.pattern() + "' to '" + rule.path() + "'");
        return Optional.empty();
    }

    /** The longest line 'contains' reads; a longer one is reported, never held in memory whole. */
    static final int MAX_LINE_CHARS = 1024 * 1024;

    /** How long one 'contains' pattern may run over one file: patterns come from the repository, untrusted. */
    static final java.time.Duration PATTERN_BUDGET = java.time.Duration.ofSeconds(2);

    private static String normalize(String path) {
        String p = path;
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
}
