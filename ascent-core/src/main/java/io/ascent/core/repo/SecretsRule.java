package io.ascent.core.repo;

import io.ascent.core.checklist.Checklist;
import io.ascent.core.checklist.RepositoryRules.SecretScanning;
import io.ascent.core.report.Item;
import io.ascent.core.report.Location;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code repository.secrets} (on by default): no committed text file holds a secret. Findings show the file, line,
 * column, a redacted match and a fingerprint; never the secret. Paths and fingerprints in {@code secrets.allow} are
 * skipped.
 */
final class SecretsRule implements TreeRule {

    @Override
    public List<Item> check(RepositoryTree tree, Checklist checklist) throws IOException, InterruptedException {
        SecretScanning settings = checklist.repository().secrets();
        if (!settings.scan()) {
            return List.of();
        }
        List<PathPattern> allowedPaths = settings.allowedPaths().stream().map(PathPattern::compile).toList();
        List<TreeEntry> files = tree.entries().stream()
                .filter(TreeEntry::isFile)
                .filter(entry -> allowedPaths.stream()
                        .noneMatch(p -> p.matchingPrefix(tree.relativeToScope(entry.path())) != null))
                .toList();
        SecretScanner scanner = new SecretScanner(SecretDetector.BUILT_IN);
        AtomicInteger binary = new AtomicInteger();
        AtomicInteger tooLarge = new AtomicInteger();
        List<SecretFinding> found = ParallelScan.run(tree, files, (entry, reader, out) -> {
            SecretScanner.Result result = scanner.scan(entry, reader);
            switch (result.outcome()) {
                case BINARY -> binary.incrementAndGet();
                case TOO_LARGE -> tooLarge.incrementAndGet();
                default -> out.addAll(result.findings());
            }
        });
        found.sort(Comparator.comparing(SecretFinding::path).thenComparingInt(SecretFinding::line)
                .thenComparingInt(SecretFinding::column));
        Findings findings = new Findings(RepositoryRule.SECRETS, checklist);
        int allowlisted = 0;
        for (SecretFinding finding : found) {
            if (settings.allowedFingerprints().stream().anyMatch(finding.fingerprint()::startsWith)) {
                allowlisted++;
                continue;
            }
            findings.add(new Location(finding.path(), finding.line(), finding.column()),
                    finding.detector().description() + " in '" + finding.path() + "' line " + finding.line() + ": "
                            + finding.redacted() + " [" + finding.detector().id() + ", fingerprint "
                            + finding.shortFingerprint() + "]",
                    "revoke or rotate it now (it stays in the git history), remove it and load it from the "
                            + "environment or a secret store; if it is not a secret, add the fingerprint "
                            + finding.shortFingerprint() + " to repository.secrets.allow.fingerprints");
        }
        int skipped = binary.get() + tooLarge.get();
        return findings.items((files.size() - skipped) + " text file(s) in " + tree.description()
                + " hold no secret; skipped " + binary.get() + " binary file(s), " + tooLarge.get()
                + " over " + MaxFileSizeRule.human(SecretScanner.MAX_SCAN_BYTES)
                + ", " + (tree.entries().stream().filter(TreeEntry::isFile).count() - files.size())
                + " on the allow list" + (allowlisted > 0 ? ", " + allowlisted + " allowlisted match(es)" : ""));
    }
}
