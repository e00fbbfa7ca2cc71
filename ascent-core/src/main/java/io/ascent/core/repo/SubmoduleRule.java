package io.ascent.core.repo;

import io.ascent.core.checklist.Checklist;
import io.ascent.core.checklist.RepositoryRules.SubmodulePolicy;
import io.ascent.core.report.Item;
import io.ascent.core.report.Location;
import java.util.List;

/** {@code repository.submodules: forbid}: no gitlink (submodule) is committed. {@code allow} turns it off. */
final class SubmoduleRule implements TreeRule {

    @Override
    public List<Item> check(RepositoryTree tree, Checklist checklist) {
        if (checklist.repository().submodules() != SubmodulePolicy.FORBID) {
            return List.of();
        }
        Findings findings = new Findings(RepositoryRule.SUBMODULES, checklist);
        for (TreeEntry entry : tree.entries(TreeEntry.Kind.GITLINK)) {
            String commit = entry.objectId() == null ? "" : " at commit " + entry.objectId().abbreviate(7).name();
            findings.add(Location.of(entry.path()), "'" + entry.path() + "' is a git submodule" + commit
                    + "; the checklist forbids submodules",
                    "vendor the code or use a package instead; remove it with git rm -- "
                            + ShellWord.of(entry.path()));
        }
        return findings.items("no git submodules are committed");
    }
}
