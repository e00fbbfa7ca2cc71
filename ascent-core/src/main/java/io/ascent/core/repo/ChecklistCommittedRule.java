package io.ascent.core.repo;

import io.ascent.core.checklist.Checklist;
import io.ascent.core.report.Item;
import io.ascent.core.report.Location;
import io.ascent.core.report.Severity;
import io.ascent.core.report.Status;
import java.io.IOException;
import java.util.List;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Repository;

/**
 * The checklist must be committed and equal to HEAD's copy: a checklist edited on disk would let a build pass on
 * rules that are not what ships. That holds in CI; on a workstation, where editing the checklist and running
 * {@code ascent validate} is how an edit is tried, the run uses the copy on disk and says once that it is
 * uncommitted (WARN).
 */
final class ChecklistCommittedRule {

    /** @param continuousIntegration whether this is a CI build, where an uncommitted checklist fails */
    List<Item> check(RepositoryTree tree, Checklist checklist, Repository repository, boolean continuousIntegration)
            throws IOException, GitAPIException {
        String path = checklist.path();
        RepositoryRule rule = RepositoryRule.CHECKLIST_COMMITTED;
        var item = rule.item(rule.severityIn(checklist)).location(Location.of(path));
        if (path.startsWith("/") || path.matches("^[A-Za-z]:.*")) {
            return List.of(item.status(Status.SKIP)
                    .message("the checklist '" + path + "' is outside the repository, so it cannot be committed in it")
                    .build());
        }
        String change = WorkingTreeStatus.read(repository, path).changes().get(path);
        if (tree.find(path).isEmpty() || change != null) {
            String why = change != null ? change : "is not in " + tree.description();
            if (!continuousIntegration) {
                return List.of(rule.item(Severity.WARNING).location(Location.of(path))
                        .problem("the checklist '" + path + "' " + why + ": this run used the copy on disk; in CI"
                                + " (CI, JENKINS_URL or BUILD_NUMBER set) an uncommitted checklist fails")
                        .remediation("commit it when the edit is done: git add -- " + ShellWord.of(path)
                                + " && git commit (from the repository root)").build());
            }
            return List.of(item.problem("the checklist '" + path + "' " + why)
                    .remediation("commit it: git add -- " + ShellWord.of(path)
                            + " && git commit (from the repository root)").build());
        }
        return List.of(item.message("'" + path + "' is committed and unchanged since " + tree.description()).build());
    }
}
