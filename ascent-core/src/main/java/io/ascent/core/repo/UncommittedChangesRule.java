package io.ascent.core.repo;

import io.ascent.core.checklist.Checklist;
import io.ascent.core.checklist.RepositoryRules.ChangePolicy;
import io.ascent.core.report.Item;
import io.ascent.core.report.Location;
import io.ascent.core.report.Severity;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Repository;

/**
 * {@code repository.uncommittedChanges} (warn by default): changes under the application directory that are not
 * committed are reported, since the rules judged HEAD and the build may ship the disk.
 */
final class UncommittedChangesRule {

    List<Item> check(RepositoryTree tree, Checklist checklist, Repository repository) throws GitAPIException {
        ChangePolicy policy = checklist.repository().uncommittedChanges();
        if (policy == ChangePolicy.IGNORE) {
            return List.of();
        }
        WorkingTreeStatus status = WorkingTreeStatus.read(repository, tree.scope());
        // An explicit repository.rules severity wins over the one uncommittedChanges implies.
        Severity severity = checklist.repository().severities().getOrDefault(RepositoryRule.UNCOMMITTED_CHANGES.id(),
                policy == ChangePolicy.FAIL ? Severity.ERROR : Severity.WARNING);
        Findings findings = new Findings(RepositoryRule.UNCOMMITTED_CHANGES, severity);
        boolean checklistChanged = false;
        for (Map.Entry<String, String> change : status.changes().entrySet()) {
            if (change.getKey().equals(checklist.path())) {
                checklistChanged = true; // repo.checklist-committed says so, once
                continue;
            }
            findings.add(Location.of(change.getKey()), "'" + change.getKey() + "' " + change.getValue(),
                    "commit it, or remove or ignore it (.gitignore), so that what is checked is what ships");
        }
        String where = tree.scope().isEmpty() ? "the repository" : tree.scope() + "/";
        return findings.items("no uncommitted changes in " + where
                + (checklistChanged ? " besides the checklist (repo.checklist-committed)" : ""));
    }
}
