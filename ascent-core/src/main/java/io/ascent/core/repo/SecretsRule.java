package io.ascent.core.repo;

import io.ascent.core.glob.PathPattern;
import io.ascent.core.checklist.Checklist;
import io.ascent.core.checklist.RepositoryRules.SecretScanning;
import io.ascent.core.report.Item;
import io.ascent.core.report.Location;
import io.ascent.core.report.Severity;
import io.ascent.core.secret.SecretDetector;
import io.ascent.core.secret.SecretFingerprint;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Optional;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code repository.secrets} (on by default): no committed text file holds a secret. Findings show the file, line,
 * column, what kind of secret and its keyed fingerprint; never the secret, nor any part or length of it. Paths and
 * fingerprints in {@code secrets.allow} are skipped; an allow-list entry in the old unkeyed form still matches, with
 * a warning that names its replacement.
 */
final class SecretsRule implements TreeRule {

    @Override
    public List<Item> check(RepositoryTree tree, Checklist checklist) throws IOException, InterruptedException {
        SecretScanning settings = checklist.repository().secrets();
        if (!settings.scan()) {
            return List.of();
        }
        List<PathPattern> allowedPaths = settings.allowedPaths().stream().map(PathPattern::compile).toList();
        List<TreeEntry> files = tree.files().stream()
                .filter(entry -> allowedPaths.stream()
                        .noneMatch(p -> p.matchingPrefix(tree.relativeToScope(entry.path())) != null))
                .toList();
        SecretScanner scanner = new SecretScanner(SecretDetector.BUILT_IN,
                SecretFingerprint.forApplication(checklist.metadata().name()));
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
        List<Item> legacy = new ArrayList<>();
        for (SecretFinding finding : found) {
            Location location = new Location(finding.path(), finding.line(), finding.column());
            if (settings.allowedFingerprints().contains(finding.fingerprint())) {
                allowlisted++;
                continue;
            }
            Optional<String> oldEntry = settings.allowedFingerprints().stream()
                    .filter(finding.legacyFingerprint()::startsWith).findFirst();
            if (oldEntry.isPresent()) {
                allowlisted++;
                legacy.add(RepositoryRule.SECRETS.item(Severity.WARNING)
                        .problem("the allow-list entry " + oldEntry.get() + " is an unkeyed fingerprint, which lets "
                                + "a reader of the checklist test guesses of the secret; it still matches for now")
                        .location(location).key(finding.fingerprint())
                        .remediation("replace " + oldEntry.get() + " with " + finding.fingerprint()
                                + " in repository.secrets.allow.fingerprints")
                        .build());
                continue;
            }
            findings.add(location,
                    finding.detector().description() + (finding.encoding() == null ? "" : ", " + finding.encoding()
                            + ",") + " in '" + finding.path() + "' line " + finding.line()
                            + " [" + finding.detector().id() + ", fingerprint " + finding.fingerprint() + "]",
                    "revoke or rotate it now (it stays in the git history), remove it and load it from the "
                            + "environment or a secret store; if it is not a secret, add the fingerprint "
                            + finding.fingerprint() + " to repository.secrets.allow.fingerprints");
        }
        int skipped = binary.get() + tooLarge.get();
        List<Item> items = new ArrayList<>(findings.items((files.size() - skipped) + " text file(s) in " + tree.description()
                + " hold no secret; skipped " + binary.get() + " binary file(s), " + tooLarge.get()
                + " over " + MaxFileSizeRule.human(SecretScanner.MAX_SCAN_BYTES)
                + ", " + (tree.files().size() - files.size())
                + " on the allow list" + (allowlisted > 0 ? ", " + allowlisted + " allowlisted match(es)" : "")));
        items.addAll(legacy);
        return items;
    }
}
