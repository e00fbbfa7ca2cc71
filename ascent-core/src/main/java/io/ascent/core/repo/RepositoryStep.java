package io.ascent.core.repo;

import io.ascent.core.checklist.Checklist;
import io.ascent.core.checklist.RepositoryRules.ChangePolicy;
import io.ascent.core.report.Item;
import io.ascent.core.report.Location;
import io.ascent.core.report.Severity;
import io.ascent.core.report.Status;
import io.ascent.core.run.RunSink;
import io.ascent.core.validation.ValidationContext;
import io.ascent.core.validation.ValidationStep;
import io.ascent.core.workspace.Workspace;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * The repository validator: finds the git repository that holds the application directory (upward, so an
 * application in a monorepo subfolder works), reads HEAD's tree once, runs every {@link TreeRules tree rule} over
 * it, then the working-tree rules. With {@code --no-git} the files on disk stand in for HEAD and the working-tree
 * rules are skipped.
 */
public final class RepositoryStep implements ValidationStep {

    @Override
    public String name() {
        return "repository";
    }

    @Override
    public void run(ValidationContext context, RunSink sink) throws InterruptedException {
        sink.items(items(context));
    }

    private static List<Item> items(ValidationContext context) throws InterruptedException {
        Workspace workspace = context.workspace();
        Checklist checklist = context.checklist();
        try {
            if (context.noGit()) {
                return onDisk(workspace, checklist);
            }
            Optional<GitDirectory.Found> found = GitDirectory.find(workspace.applicationDir());
            if (found.isEmpty()) {
                return List.of(notGit(workspace));
            }
            if (found.get() instanceof GitDirectory.Foreign foreign) {
                return List.of(RepositoryRule.GIT.item(Severity.ERROR).status(Status.ERROR)
                        .message(workspace.displayPath(foreign.dotGit()) + " " + foreign.reason()
                                + "; Ascent does not read another repository in its place")
                        .location(Location.of(workspace.displayPath(foreign.dotGit())))
                        .remediation("validate a real checkout (or a linked worktree or submodule git made), or "
                                + "pass --no-git to scan the files on disk")
                        .build());
            }
            File gitDir = ((GitDirectory.Own) found.get()).gitDir();
            HostGitConfiguration.applyRequested();
            ObjectCacheSettings.installOnce();
            try (Repository repository = new FileRepositoryBuilder().setGitDir(gitDir).readEnvironment()
                    .setMustExist(true).build()) {
                return inRepository(repository, workspace, checklist, context.continuousIntegration());
            }
        } catch (IOException | GitAPIException e) {
            return List.of(RepositoryRule.GIT.item(Severity.ERROR).status(Status.ERROR)
                    .message("could not read the repository of " + workspace.applicationDir() + ": " + e.getMessage())
                    .location(Location.of(workspace.displayPath(workspace.applicationDir())))
                    .build());
        }
    }

    private static List<Item> inRepository(Repository repository, Workspace workspace, Checklist checklist,
            boolean continuousIntegration)
            throws IOException, GitAPIException, InterruptedException {
        if (repository.isBare()) {
            return List.of(notGit(workspace));
        }
        Path workTree = repository.getWorkTree().toPath().toRealPath();
        Path app = workspace.applicationDir().toRealPath();
        String scope = workTree.relativize(app).toString().replace('\\', '/');
        Optional<RepositoryTree> head = HeadTreeReader.read(repository, scope);
        if (head.isEmpty()) {
            return List.of(RepositoryRule.GIT.item(Severity.ERROR).status(Status.ERROR)
                    .message("the repository at " + workTree + " has no commit yet; the rules check what is "
                            + "committed at HEAD")
                    .location(Location.of(workspace.displayPath(workspace.applicationDir())))
                    .remediation("commit the application, or pass --no-git to scan the files on disk")
                    .build());
        }
        RepositoryTree tree = head.get();
        List<Item> items = new ArrayList<>(runTreeRules(tree, checklist));
        // Each working-tree rule walks only what it needs: the one checklist file, or the application directory
        // when uncommitted changes are reported at all (a status of 50,000 files takes seconds).
        items.addAll(new ChecklistCommittedRule().check(tree, checklist, repository, continuousIntegration));
        items.addAll(new UncommittedChangesRule().check(tree, checklist, repository));
        return items;
    }

    private static List<Item> onDisk(Workspace workspace, Checklist checklist)
            throws IOException, InterruptedException {
        RepositoryTree tree = DiskTreeReader.read(workspace.repositoryRoot(), workspace.applicationDir());
        List<Item> items = new ArrayList<>(runTreeRules(tree, checklist));
        String why = "--no-git: the files on disk were scanned, so there is no commit to compare them with";
        items.add(RepositoryRule.CHECKLIST_COMMITTED.item(Severity.ERROR).status(Status.SKIP).message(why).build());
        if (checklist.repository().uncommittedChanges() != ChangePolicy.IGNORE) {
            items.add(RepositoryRule.UNCOMMITTED_CHANGES.item(Severity.WARNING).status(Status.SKIP).message(why)
                    .build());
        }
        return items;
    }

    /** Runs every tree rule; public so that benchmarks can time the HEAD-tree rules alone. */
    public static List<Item> runTreeRules(RepositoryTree tree, Checklist checklist)
            throws IOException, InterruptedException {
        List<Item> items = new ArrayList<>();
        for (TreeRule rule : TreeRules.builtIn()) {
            if (Thread.interrupted()) {
                throw new InterruptedException("repository rules interrupted");
            }
            items.addAll(rule.check(tree, checklist));
        }
        return items;
    }

    private static Item notGit(Workspace workspace) {
        return RepositoryRule.GIT.item(Severity.ERROR).status(Status.ERROR)
                .message(workspace.applicationDir() + " is not inside a git repository; commit it, or pass --no-git "
                        + "to scan the files on disk")
                .location(Location.of(workspace.applicationDir().toString()))
                .remediation("git init && git add . && git commit, or run with --no-git")
                .build();
    }
}
