package io.ascent.core.repo;

import io.ascent.core.checklist.Checklist;
import io.ascent.core.report.Item;
import io.ascent.core.report.Location;
import io.ascent.core.report.Status;
import java.io.IOException;
import java.util.List;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Repository;

/**
 * The checklist must be committed and equal to HEAD's copy: a checklist edited on disk would let a build pass on
 * rules that are not what ships.
 */
final class ChecklistCommittedRule {

    List<Item> check(RepositoryTree tree, Checklist checklist, Repository repository)
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
            return List.of(item.problem("the checklist '" + path + "' " + why)
                    .remediation("commit it: git add '" + path + "' && git commit").build());
        }
        return List.of(item.message("'" + path + "' is committed and unchanged since " + tree.description()).build());
    }
}
