package io.ascent.core.repo;

import static io.ascent.core.repo.RepositoryRun.checklist;
import static io.ascent.core.repo.RepositoryRun.items;
import static io.ascent.core.repo.RepositoryRun.validate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ascent.core.ValidateOptions;
import io.ascent.core.checklist.ChecklistLoader;
import io.ascent.core.progress.ProgressListener;
import io.ascent.core.run.RunRecorder;
import io.ascent.core.report.Item;
import io.ascent.core.report.Report;
import io.ascent.core.report.Status;
import io.ascent.core.report.Verdict;
import io.ascent.core.validation.ValidationContext;
import io.ascent.core.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Constants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the tree comes from: monorepos, CI checkouts, the working tree, no git at all, remote repositories. */
class RepositoryStepTest {
    @TempDir
    Path dir;

    @Test
    void shouldApplyRulesToAMonorepoSubfolderAndReportPathsFromTheRepositoryRoot() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.file("services/web/ascent.yaml", checklist("""
                    repository:
                      required: ["README.md"]
                      forbidden:
                        - path: "*.log"
                          reason: build output
                    """)).file("services/web/debug.log", "x\n").file("README.md", "root readme\n")
                    .file("services/api/README.md", "other app\n").file("services/api/debug.log", "x\n")
                    .commit("init");
            Report report = validate(dir.resolve("services/web"));
            assertThat(items(report, RepositoryRule.REQUIRED)).singleElement().satisfies(item -> {
                assertThat(item.status()).isEqualTo(Status.FAIL);
                assertThat(item.location().path()).isEqualTo("services/web/README.md");
            });
            assertThat(items(report, RepositoryRule.FORBIDDEN)).singleElement()
                    .satisfies(item -> assertThat(item.location().path()).isEqualTo("services/web/debug.log"));
            assertThat(items(report, RepositoryRule.CHECKLIST_COMMITTED)).singleElement()
                    .extracting(Item::status).isEqualTo(Status.PASS);
        }
    }

    @Test
    void shouldReadAShallowCloneWithADetachedHead() throws Exception {
        Path origin = dir.resolve("origin");
        try (TestRepository repo = TestRepository.init(origin)) {
            repo.file("ascent.yaml", checklist("""
                    repository:
                      required: ["README.md"]
                      maxFileSize: 1MB
                    """)).file("old.txt", "gone later").commit("first");
            repo.remove("old.txt").file("README.md", "# app\n").commit("second");
        }
        Path clone = dir.resolve("clone");
        try (Git git = Git.cloneRepository().setURI(origin.toUri().toString()).setDirectory(clone.toFile())
                .setDepth(1).call()) {
            assertThat(git.getRepository().getObjectDatabase().getShallowCommits()).hasSize(1);
            var head = git.getRepository().resolve(Constants.HEAD);
            git.checkout().setName(head.name()).call();
            assertThat(git.getRepository().getFullBranch()).isEqualTo(head.name());
        }
        Report report = validate(clone);
        assertThat(items(report, RepositoryRule.REQUIRED)).singleElement()
                .extracting(Item::status).isEqualTo(Status.PASS);
        assertThat(items(report, RepositoryRule.MAX_FILE_SIZE)).singleElement()
                .extracting(Item::status).isEqualTo(Status.PASS);
        assertThat(report.verdict()).isEqualTo(Verdict.PASSED);
    }

    @Test
    void shouldReadUnicodeFileNamesFromTheTree() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.file("ascent.yaml", checklist("""
                    repository:
                      required: ["docs/résumé*.md", "日本語/*"]
                      forbidden:
                        - path: "**/данные.csv"
                          reason: personal data
                    """)).headOnly().file("docs/résumé-été.md", "ok\n").file("日本語/読んで.txt", "ok\n")
                    .file("export/данные.csv", "a,b\n").commit("init");
            Report report = validate(dir);
            assertThat(items(report, RepositoryRule.REQUIRED)).singleElement()
                    .extracting(Item::status).isEqualTo(Status.PASS);
            assertThat(items(report, RepositoryRule.FORBIDDEN)).singleElement()
                    .satisfies(item -> assertThat(item.location().path()).isEqualTo("export/данные.csv"));
        }
    }

    @Test
    void shouldReportAClearErrorWhenTheDirectoryIsNotInAGitRepository() throws Exception {
        Files.writeString(dir.resolve("ascent.yaml"), checklist(""));
        Report report = validate(dir);
        assertThat(items(report, RepositoryRule.GIT)).singleElement().satisfies(item -> {
            assertThat(item.status()).isEqualTo(Status.ERROR);
            assertThat(item.message()).isEqualTo(dir.toAbsolutePath().normalize()
                    + " is not inside a git repository; commit it, or pass --no-git to scan the files on disk");
        });
        assertThat(report.verdict().exitStatus()).isEqualTo(2);
    }

    @Test
    void shouldScanTheFilesOnDiskWithNoGitAndSkipWorkingTreeRules() throws Exception {
        Files.writeString(dir.resolve("ascent.yaml"), checklist("""
                repository:
                  required: ["README*"]
                  forbidden:
                    - path: "*.pem"
                      reason: keys
                """));
        Files.writeString(dir.resolve("server.pem"), "x");
        Files.createDirectories(dir.resolve(".git/objects"));
        Files.writeString(dir.resolve(".git/config"), SecretsTest.AWS_KEY);
        Report report = validate(ValidateOptions.of(dir).withNoGit(true));
        assertThat(items(report, RepositoryRule.GIT)).isEmpty();
        assertThat(items(report, RepositoryRule.REQUIRED)).singleElement()
                .extracting(Item::status).isEqualTo(Status.FAIL);
        assertThat(items(report, RepositoryRule.FORBIDDEN)).singleElement()
                .satisfies(item -> assertThat(item.location().path()).isEqualTo("server.pem"));
        assertThat(items(report, RepositoryRule.SECRETS)).singleElement()
                .extracting(Item::status).isEqualTo(Status.PASS);
        assertThat(items(report, RepositoryRule.CHECKLIST_COMMITTED)).singleElement().satisfies(item -> {
            assertThat(item.status()).isEqualTo(Status.SKIP);
            assertThat(item.message()).contains("--no-git");
        });
        assertThat(items(report, RepositoryRule.UNCOMMITTED_CHANGES)).singleElement()
                .extracting(Item::status).isEqualTo(Status.SKIP);
    }

    @Test
    void shouldSeeNestedRepositoriesLinksAndModesOnDiskWithNoGit() throws Exception {
        Files.writeString(dir.resolve("ascent.yaml"), checklist("""
                repository:
                  submodules: forbid
                  executables:
                    forbid: ["*.yaml"]
                """));
        Files.createDirectories(dir.resolve("vendor/lib/.git"));
        Files.writeString(dir.resolve("vendor/lib/README"), "nested repository\n");
        Files.createSymbolicLink(dir.resolve("escape"), Path.of("../../etc/hosts"));
        Files.writeString(dir.resolve("run.yaml"), "a: 1\n");
        Files.setPosixFilePermissions(dir.resolve("run.yaml"),
                java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Report report = validate(ValidateOptions.of(dir).withNoGit(true));
        assertThat(items(report, RepositoryRule.SUBMODULES)).singleElement()
                .satisfies(item -> assertThat(item.location().path()).isEqualTo("vendor/lib"));
        assertThat(items(report, RepositoryRule.SYMLINKS)).singleElement()
                .satisfies(item -> assertThat(item.location().path()).isEqualTo("escape"))
                .extracting(Item::status).isEqualTo(Status.FAIL);
        assertThat(items(report, RepositoryRule.EXECUTABLES)).singleElement().satisfies(item -> {
            assertThat(item.location().path()).isEqualTo("run.yaml");
            assertThat(item.remediation()).isEqualTo("chmod -x -- 'run.yaml' (from the repository root)");
        });
    }

    @Test
    void shouldFailWhenTheChecklistIsNotCommitted() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.file("README.md", "x\n").commit("init");
            Files.writeString(dir.resolve("ascent.yaml"), checklist(""));
            Report report = validate(dir);
            assertThat(items(report, RepositoryRule.CHECKLIST_COMMITTED)).singleElement().satisfies(item -> {
                assertThat(item.status()).isEqualTo(Status.FAIL);
                assertThat(item.location().path()).isEqualTo("ascent.yaml");
                assertThat(item.message()).contains("not committed");
            });
        }
    }

    @Test
    void shouldSuggestAGitAddThatStagesAChecklistWhoseNameHoldsSpacesQuotesAndCommandSubstitution() throws Exception {
        String name = "conf/it's a $(touch pwned) `touch pwned2` ;x.yaml";
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.file("README.md", "x\n").commit("init");
            Files.createDirectories(dir.resolve("conf"));
            Files.writeString(dir.resolve(name), checklist(""));
            Report report = validate(ValidateOptions.builder(dir).checklist(dir.resolve(name)).build());

            String remediation = items(report, RepositoryRule.CHECKLIST_COMMITTED).get(0).remediation();
            String command = remediation.substring(remediation.indexOf("git add"), remediation.indexOf(" && git commit"));
            Process shell = new ProcessBuilder("sh", "-c", command).directory(dir.toFile()).inheritIO().start();
            assertThat(shell.waitFor()).as(command).isZero();
            // Pasted as suggested, it stages exactly the checklist and runs nothing the name holds.
            assertThat(repo.git().status().call().getAdded()).as(command).containsExactly(name);
            assertThat(dir.resolve("pwned")).doesNotExist();
            assertThat(dir.resolve("pwned2")).doesNotExist();
        }
    }

    @Test
    void shouldFailWhenTheChecklistDiffersFromHead() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.file("ascent.yaml", checklist("")).commit("init");
            Files.writeString(dir.resolve("ascent.yaml"), checklist("""
                    repository:
                      secrets:
                        scan: false
                    """));
            assertThat(items(validate(dir), RepositoryRule.CHECKLIST_COMMITTED)).singleElement().satisfies(item -> {
                assertThat(item.status()).isEqualTo(Status.FAIL);
                assertThat(item.message()).contains("modified");
            });
        }
    }

    @Test
    void shouldSayTheChangedChecklistIsLeftToTheChecklistRuleWhenItIsTheOnlyChange() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.file("ascent.yaml", checklist("")).file("app.py", "print(1)\n").commit("init");
            assertThat(items(validate(dir), RepositoryRule.UNCOMMITTED_CHANGES)).singleElement().extracting(
                    Item::message).isEqualTo("no uncommitted changes in the repository");

            Files.writeString(dir.resolve("ascent.yaml"), checklist("# edited\n"));
            assertThat(items(validate(dir), RepositoryRule.UNCOMMITTED_CHANGES)).singleElement().satisfies(item -> {
                assertThat(item.status()).isEqualTo(Status.PASS);
                assertThat(item.message()).isEqualTo("no uncommitted changes in the repository besides the checklist"
                        + " (repo.checklist-committed)");
            });
        }
    }

    @Test
    void shouldReportUncommittedChangesAsWarningsByDefaultAndFailuresWhenAsked() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.file("ascent.yaml", checklist("")).file("app.py", "print(1)\n").file("gone.txt", "x")
                    .commit("init");
            Files.writeString(dir.resolve("app.py"), "print(2)\n");
            Files.delete(dir.resolve("gone.txt"));
            Files.writeString(dir.resolve("new.txt"), "new\n");
            Files.writeString(dir.resolve(".gitignore"), "");
            List<Item> changes = items(validate(dir), RepositoryRule.UNCOMMITTED_CHANGES);
            assertThat(changes).extracting(item -> item.location().path())
                    .containsExactly(".gitignore", "app.py", "gone.txt", "new.txt");
            assertThat(changes).allSatisfy(item -> assertThat(item.status()).isEqualTo(Status.WARN));

            repo.file("ascent.yaml", checklist("""
                    repository:
                      uncommittedChanges: fail
                    """)).commit("strict");
            assertThat(items(validate(dir), RepositoryRule.UNCOMMITTED_CHANGES))
                    .allSatisfy(item -> assertThat(item.status()).isEqualTo(Status.FAIL)).hasSize(4);
        }
    }

    @Test
    void shouldIgnoreUncommittedChangesOutsideTheApplicationAndInIgnoredFiles() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.file("app/ascent.yaml", checklist("")).file(".gitignore", "*.tmp\n").commit("init");
            Files.writeString(dir.resolve("other.txt"), "outside the app\n");
            Files.writeString(dir.resolve("app/scratch.tmp"), "ignored\n");
            assertThat(items(validate(dir.resolve("app")), RepositoryRule.UNCOMMITTED_CHANGES)).singleElement()
                    .satisfies(item -> {
                        assertThat(item.status()).isEqualTo(Status.PASS);
                        assertThat(item.message()).contains("app/");
                    });
        }
    }

    @Test
    void shouldReportARepositoryWithoutCommitsAsAnInputError() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            Files.writeString(dir.resolve("ascent.yaml"), checklist(""));
            assertThat(items(validate(dir), RepositoryRule.GIT)).singleElement().satisfies(item -> {
                assertThat(item.status()).isEqualTo(Status.ERROR);
                assertThat(item.message()).contains("no commit yet");
            });
        }
    }

    @Test
    void shouldRunCustomItemsWithTheirOwnIdsSeveritiesAndRemediation() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.file("ascent.yaml", checklist("""
                    items:
                      - id: docs.runbook
                        title: A runbook is committed
                        severity: warning
                        remediation: write docs/RUNBOOK.md
                        check:
                          require: ["docs/RUNBOOK.md"]
                      - id: no-dumps
                        title: No database dumps
                        check:
                          forbid: ["**/*.sql.gz"]
                      - id: health-endpoint
                        title: The app exposes /healthz
                        check:
                          contains:
                            path: src/app.py
                            pattern: "route\\\\(['\\"]/healthz"
                      - id: port-documented
                        title: The README names the port
                        severity: info
                        check:
                          contains:
                            path: README.md
                            pattern: "port [0-9]+"
                    """)).file("src/app.py", "import x\n@app.route('/healthz')\n").file("db/dump.sql.gz", "x")
                    .file("README.md", "no numbers here\n").file("src/.keep", "").commit("init");
            Report report = validate(dir);
            assertThat(items(report, "docs.runbook")).singleElement().satisfies(item -> {
                assertThat(item.status()).isEqualTo(Status.WARN);
                assertThat(item.title()).isEqualTo("A runbook is committed");
                assertThat(item.remediation()).isEqualTo("write docs/RUNBOOK.md");
            });
            assertThat(items(report, "no-dumps")).singleElement().satisfies(item -> {
                assertThat(item.status()).isEqualTo(Status.FAIL);
                assertThat(item.location().path()).isEqualTo("db/dump.sql.gz");
            });
            assertThat(items(report, "health-endpoint")).singleElement().satisfies(item -> {
                assertThat(item.status()).isEqualTo(Status.PASS);
                assertThat(item.location().toString()).isEqualTo("src/app.py:2:1");
            });
            assertThat(items(report, "port-documented")).singleElement()
                    .extracting(Item::status).isEqualTo(Status.INFO);
        }
    }

    @Test
    void shouldStopWhenInterrupted() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.file("ascent.yaml", checklist("")).headOnly();
            for (int i = 0; i < 5000; i++) {
                repo.file("f/" + i + ".txt", "text " + i);
            }
            repo.commit("many");
            var loaded = new ChecklistLoader(Clock.systemUTC()).load(Workspace.of(dir), Optional.empty());
            ValidationContext context = new ValidationContext(Workspace.of(dir), loaded.checklist().orElseThrow(),
                    Optional.empty(), LocalDate.now());
            Thread.currentThread().interrupt();
            try {
                assertThatThrownBy(() -> new RepositoryStep().run(context,
                        new RunRecorder("app", ProgressListener.SILENT, Clock.systemUTC()))).isInstanceOf(InterruptedException.class);
            } finally {
                Thread.interrupted();
            }
        }
    }

    @Test
    void shouldValidateARemoteRepositoryFromAShallowCloneAndRemoveTheClone() throws Exception {
        Path origin = dir.resolve("origin");
        try (TestRepository repo = TestRepository.init(origin)) {
            repo.file("apps/web/ascent.yaml", checklist("""
                    repository:
                      required: ["Dockerfile"]
                    """)).commit("init");
            repo.git().branchCreate().setName("release").call();
            repo.file("apps/web/Dockerfile", "FROM scratch\n").commit("on main only");
        }
        String url = origin.toUri().toString();
        Report onMain = validate(ValidateOptions.of(Path.of("apps/web")).withRepository(url, Optional.empty()));
        assertThat(onMain.subject()).isEqualTo(url + " (apps/web)");
        assertThat(items(onMain, RepositoryRule.REQUIRED)).singleElement()
                .satisfies(item -> {
                    assertThat(item.status()).isEqualTo(Status.PASS);
                });
        Report onRelease = validate(ValidateOptions.of(Path.of("apps/web")).withRepository(url,
                Optional.of("release")));
        assertThat(items(onRelease, RepositoryRule.REQUIRED)).singleElement()
                .satisfies(item -> assertThat(item.location().path()).isEqualTo("apps/web/Dockerfile"))
                .extracting(Item::status).isEqualTo(Status.FAIL);
        try (var temp = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertThat(temp.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("ascent-remote-"));
        }
    }

    @Test
    void shouldReportARemoteThatCannotBeClonedAsAnInputError() throws Exception {
        Report report = validate(ValidateOptions.of(Path.of("."))
                .withRepository(dir.resolve("missing").toUri().toString(), Optional.empty()));
        assertThat(items(report, RepositoryRule.REMOTE)).singleElement().satisfies(item -> {
            assertThat(item.status()).isEqualTo(Status.ERROR);
            assertThat(item.message()).startsWith("could not clone");
        });
        assertThat(report.verdict()).isEqualTo(Verdict.INVALID_INPUT);
    }

    @Test
    void shouldHideCredentialsInRemoteUrls() {
        assertThat(RemoteCheckout.withoutCredentials("https://user:tok3n@example.com/x.git"))
                .isEqualTo("https://***@example.com/x.git");
    }

    @Test
    void shouldStopACatastrophicContainsPatternAndSayWhy() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.file("ascent.yaml", checklist("""
                    items:
                      - id: evil
                        title: A pattern that backtracks without end
                        check:
                          contains: {path: data.txt, pattern: "(.*a){12}b"}
                    """)).file("data.txt", "ok\n" + "a".repeat(40) + "\n").commit("init");
            Report report = validate(dir);
            assertThat(items(report, "evil")).singleElement().satisfies(item -> {
                assertThat(item.status()).isEqualTo(Status.FAIL);
                assertThat(item.message()).contains("ran for more than 2 s").contains("line 2");
                assertThat(item.remediation()).contains("repetition");
            });
        }
    }

    @Test
    void shouldFailAContainsPatternThatRecursesTooDeeplyInsteadOfCrashing() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.file("ascent.yaml", checklist("""
                    items:
                      - id: deep
                        title: A pattern that recurses once per character
                        check:
                          contains: {path: data.txt, pattern: "(a|aa)+b"}
                    """)).file("data.txt", "ok\n" + "a".repeat(100_000) + "\n").commit("init");
            Report report = validate(dir);
            assertThat(report.items()).noneMatch(item -> item.id().equals("ascent.internal"));
            assertThat(items(report, "deep")).singleElement().satisfies(item -> {
                assertThat(item.status()).isEqualTo(Status.FAIL);
                assertThat(item.message()).contains("recursed too deeply on line 2");
                assertThat(item.remediation()).contains("possessive");
            });
        }
    }

    @Test
    void shouldReportALineTooLongToSearchWithoutHoldingItInMemory() throws Exception {
        byte[] content = new byte[48 * 1024 * 1024];
        java.util.Arrays.fill(content, (byte) 'a');
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.file("ascent.yaml", checklist("""
                    items:
                      - id: huge
                        title: A one-line file of 48 MB
                        check:
                          contains: {path: data.txt, pattern: "needle"}
                    """)).file("data.txt", content).commit("init");
            content = null;
            Report report = validate(dir);
            assertThat(items(report, "huge")).singleElement().satisfies(item -> {
                assertThat(item.status()).isEqualTo(Status.FAIL);
                assertThat(item.message()).contains("line 1 is longer than 1048576 characters");
            });
        }
    }
}
