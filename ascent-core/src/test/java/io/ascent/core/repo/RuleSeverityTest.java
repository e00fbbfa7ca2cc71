package io.ascent.core.repo;

import static io.ascent.core.repo.RepositoryRun.checklist;
import static io.ascent.core.repo.RepositoryRun.items;
import static io.ascent.core.repo.RepositoryRun.validate;
import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.checklist.ChecklistRule;
import io.ascent.core.report.Item;
import io.ascent.core.report.Report;
import io.ascent.core.report.Severity;
import io.ascent.core.report.Status;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code repository.rules.<id>.severity}: a rule's findings at the severity the checklist sets. */
class RuleSeverityTest {
    @TempDir
    Path dir;

    @Test
    void shouldFailAMissingLicenseAtTheDefaultSeverity() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.file("ascent.yaml", checklist("repository:\n  license: true\n")).commit("init");
            Item item = items(validate(dir), RepositoryRule.LICENSE).get(0);
            assertThat(item.status()).isEqualTo(Status.FAIL);
            assertThat(item.severity()).isEqualTo(Severity.ERROR);
        }
    }

    @Test
    void shouldNoteAMissingLicenseAsInfoWhenTheChecklistLowersItsSeverityToInfo() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.file("ascent.yaml", checklist("""
                    repository:
                      license: true
                      rules:
                        repo.license:
                          severity: info
                    """)).commit("init");
            Item item = items(validate(dir), RepositoryRule.LICENSE).get(0);
            assertThat(item.status()).isEqualTo(Status.INFO);
            assertThat(item.severity()).isEqualTo(Severity.INFO);
        }
    }

    @Test
    void shouldLetAnExplicitSeverityOverrideWhatUncommittedChangesImplies() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.file("ascent.yaml", checklist("""
                    repository:
                      rules:
                        repo.uncommitted-changes:
                          severity: error
                    """)).commit("init");
            repo.file("new.txt", "x");
            Item item = items(validate(dir), RepositoryRule.UNCOMMITTED_CHANGES).get(0);
            assertThat(item.status()).isEqualTo(Status.FAIL);
        }
    }

    @Test
    void shouldRefuseAnUnknownRuleIdWithTheNearestOne() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.file("ascent.yaml", checklist("""
                    repository:
                      rules:
                        repo.licence:
                          severity: warning
                    """)).commit("init");
            Report report = validate(dir);
            assertThat(items(report, ChecklistRule.SCHEMA.id())).anySatisfy(item -> {
                assertThat(item.status()).isEqualTo(Status.ERROR);
                assertThat(item.message()).contains("repo.licence").contains("repo.license");
            });
        }
    }
}
