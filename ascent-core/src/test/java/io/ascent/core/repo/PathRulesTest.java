package io.ascent.core.repo;

import static io.ascent.core.repo.RepositoryRun.checklist;
import static io.ascent.core.repo.RepositoryRun.items;
import static io.ascent.core.repo.RepositoryRun.validate;
import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.report.Item;
import io.ascent.core.report.Report;
import io.ascent.core.report.Status;
import io.ascent.core.report.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PathRulesTest {
    @TempDir
    Path dir;

    @Test
    void shouldPassWhenRequiredPathsAndAlternativesAreCommitted() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.file("ascent.yaml", checklist("""
                    repository:
                      required: ["README*", "LICENSE*|COPYING*", "deploy/"]
                    """)).file("README.md", "# app\n").file("COPYING", "text\n").file("deploy/app.yaml", "a: 1\n")
                    .commit("init");
            Report report = validate(dir);
            List<Item> required = items(report, RepositoryRule.REQUIRED);
            assertThat(required).singleElement().satisfies(item -> {
                assertThat(item.status()).isEqualTo(Status.PASS);
                assertThat(item.message()).contains("README*", "LICENSE*|COPYING*");
            });
            assertThat(report.verdict()).isEqualTo(Verdict.PASSED);
        }
    }

    @Test
    void shouldFailWhenRequiredLicenseIsMissing() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.file("ascent.yaml", checklist("""
                    repository:
                      required: ["README*", "LICENSE*|COPYING*"]
                    """)).file("README.md", "# app\n").commit("init");
            Report report = validate(dir);
            assertThat(items(report, RepositoryRule.REQUIRED)).singleElement().satisfies(item -> {
                assertThat(item.status()).isEqualTo(Status.FAIL);
                assertThat(item.message()).contains("LICENSE*|COPYING*");
                assertThat(item.location().path()).isEqualTo("LICENSE*");
                assertThat(item.remediation()).isNotBlank();
            });
            assertThat(report.verdict()).isEqualTo(Verdict.FAILED);
        }
    }

    @Test
    void shouldMatchCaseSensitivelyAndPointOutNamesThatDifferOnlyInCase() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.file("ascent.yaml", checklist("""
                    repository:
                      required: ["README*"]
                    """)).file("readme.md", "# app\n").commit("init");
            assertThat(items(validate(dir), RepositoryRule.REQUIRED)).singleElement().satisfies(item -> {
                assertThat(item.status()).isEqualTo(Status.FAIL);
                assertThat(item.message()).contains("'readme.md' differs only in case");
            });
        }
    }

    @Test
    void shouldNotCountAFileThatIsOnlyOnDiskAsCommitted() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.file("ascent.yaml", checklist("""
                    repository:
                      required: ["README.md"]
                    """)).commit("init");
            Files.writeString(dir.resolve("README.md"), "added but never committed\n");
            Report report = validate(dir);
            assertThat(items(report, RepositoryRule.REQUIRED)).singleElement()
                    .extracting(Item::status).isEqualTo(Status.FAIL);
            assertThat(items(report, RepositoryRule.UNCOMMITTED_CHANGES)).singleElement().satisfies(item -> {
                assertThat(item.status()).isEqualTo(Status.WARN);
                assertThat(item.location().path()).isEqualTo("README.md");
                assertThat(item.message()).contains("untracked");
            });
        }
    }

    @Test
    void shouldFailForEachForbiddenPathWithTheReasonAndReportAFolderOnce() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.file("ascent.yaml", checklist("""
                    repository:
                      forbidden:
                        - path: "**/*.pem"
                          reason: keys belong in the secret store
                        - path: node_modules/
                          reason: dependencies are installed by the build
                    """)).file("certs/server.pem", "not really\n").file("deep/er/client.pem", "x\n")
                    .file("node_modules/a/index.js", "1\n").file("node_modules/b/index.js", "2\n")
                    .file("src/app.js", "ok\n").commit("init");
            List<Item> forbidden = items(validate(dir), RepositoryRule.FORBIDDEN);
            assertThat(forbidden).extracting(item -> item.location().path())
                    .containsExactly("certs/server.pem", "deep/er/client.pem", "node_modules");
            assertThat(forbidden).allSatisfy(item -> assertThat(item.status()).isEqualTo(Status.FAIL));
            assertThat(forbidden.get(0).message()).contains("keys belong in the secret store");
            assertThat(forbidden.get(2).message()).contains("dependencies are installed by the build");
        }
    }

    @Test
    void shouldListTheFirst200FindingsOfARuleAndCountTheRest() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.file("ascent.yaml", checklist("""
                    repository:
                      forbidden:
                        - path: "**/*.log"
                          reason: build output
                    """)).headOnly();
            for (int i = 0; i < 250; i++) {
                repo.file(String.format("logs/%03d/build.log", i), "x");
            }
            repo.commit("logs");
            List<Item> forbidden = items(validate(dir), RepositoryRule.FORBIDDEN);
            assertThat(forbidden).hasSize(Findings.LIMIT + 1);
            assertThat(forbidden.get(Findings.LIMIT).message()).startsWith("50 more findings");
            assertThat(forbidden.get(Findings.LIMIT).status()).isEqualTo(Status.FAIL);
        }
    }

    @Test
    void shouldPassForbiddenPathsWhenNothingMatches() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.file("ascent.yaml", checklist("""
                    repository:
                      forbidden:
                        - path: "*.env"
                          reason: secrets
                    """)).file("deploy/prod.env.example", "A=1\n").commit("init");
            assertThat(items(validate(dir), RepositoryRule.FORBIDDEN)).singleElement()
                    .extracting(Item::status).isEqualTo(Status.PASS);
        }
    }

    @Test
    void shouldYieldNoItemForRulesTheChecklistDoesNotConfigure() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.file("ascent.yaml", checklist("")).executable("run.sh", "#!/bin/sh\n").gitlink("vendor/lib")
                    .commit("init");
            Report report = validate(dir);
            for (RepositoryRule rule : List.of(RepositoryRule.REQUIRED, RepositoryRule.FORBIDDEN,
                    RepositoryRule.MAX_FILE_SIZE, RepositoryRule.SUBMODULES, RepositoryRule.EXECUTABLES,
                    RepositoryRule.CODEOWNERS, RepositoryRule.LICENSE)) {
                assertThat(items(report, rule)).as(rule.id()).isEmpty();
            }
            // On by default, as the schema documents: secrets, symbolic links, the checklist being committed.
            assertThat(items(report, RepositoryRule.SECRETS)).singleElement()
                    .extracting(Item::status).isEqualTo(Status.PASS);
            assertThat(items(report, RepositoryRule.SYMLINKS)).singleElement()
                    .extracting(Item::status).isEqualTo(Status.PASS);
            assertThat(items(report, RepositoryRule.CHECKLIST_COMMITTED)).singleElement()
                    .extracting(Item::status).isEqualTo(Status.PASS);
        }
    }

    @Test
    void shouldFailWhenAFileIsOverTheMaximumSize() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.file("ascent.yaml", checklist("""
                    repository:
                      maxFileSize: 1KiB
                    """)).file("small.txt", "x".repeat(1024)).file("big.bin", new byte[1025]).commit("init");
            assertThat(items(validate(dir), RepositoryRule.MAX_FILE_SIZE)).singleElement().satisfies(item -> {
                assertThat(item.status()).isEqualTo(Status.FAIL);
                assertThat(item.location().path()).isEqualTo("big.bin");
                assertThat(item.message()).contains("1025 bytes", "1.0 KiB");
            });
        }
    }

    @Test
    void shouldPassWhenEveryFileIsWithinTheMaximumSize() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.file("ascent.yaml", checklist("""
                    repository:
                      maxFileSize: 10MB
                    """)).file("a.txt", "a").commit("init");
            assertThat(items(validate(dir), RepositoryRule.MAX_FILE_SIZE)).singleElement()
                    .extracting(Item::status).isEqualTo(Status.PASS);
        }
    }

    @Test
    void shouldFailWhenASubmoduleIsCommittedAndSubmodulesAreForbidden() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.file("ascent.yaml", checklist("""
                    repository:
                      submodules: forbid
                    """)).gitlink("vendor/lib").commit("init");
            assertThat(items(validate(dir), RepositoryRule.SUBMODULES)).singleElement().satisfies(item -> {
                assertThat(item.status()).isEqualTo(Status.FAIL);
                assertThat(item.location().path()).isEqualTo("vendor/lib");
                assertThat(item.message()).contains("submodule", "0123456");
            });
        }
    }

    @Test
    void shouldPassWhenSubmodulesAreForbiddenAndNoneIsCommitted() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.file("ascent.yaml", checklist("""
                    repository:
                      submodules: forbid
                    """)).commit("init");
            assertThat(items(validate(dir), RepositoryRule.SUBMODULES)).singleElement()
                    .extracting(Item::status).isEqualTo(Status.PASS);
        }
    }

    @Test
    void shouldFailWhenAFileThatMustNotBeExecutableIsCommittedExecutable() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.file("ascent.yaml", checklist("""
                    repository:
                      executables:
                        forbid: ["**/*.yaml", "*.md"]
                    """)).executable("deploy/app.yaml", "a: 1\n").file("README.md", "x\n")
                    .executable("build.sh", "#!/bin/sh\n").commit("init");
            assertThat(items(validate(dir), RepositoryRule.EXECUTABLES)).singleElement().satisfies(item -> {
                assertThat(item.status()).isEqualTo(Status.FAIL);
                assertThat(item.location().path()).isEqualTo("deploy/app.yaml");
                assertThat(item.remediation()).isEqualTo("git update-index --chmod=-x -- 'deploy/app.yaml' && chmod -x"
                        + " -- 'deploy/app.yaml' (from the repository root), then commit");
            });
        }
    }

    @Test
    void shouldPassWhenNoForbiddenExecutableIsCommitted() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.file("ascent.yaml", checklist("""
                    repository:
                      executables:
                        forbid: ["**/*.yaml"]
                    """)).executable("build.sh", "#!/bin/sh\n").commit("init");
            assertThat(items(validate(dir), RepositoryRule.EXECUTABLES)).singleElement()
                    .extracting(Item::status).isEqualTo(Status.PASS);
        }
    }
}
