package io.ascent.core.repo;

import static io.ascent.core.repo.FileRulesTest.MIT;
import static io.ascent.core.repo.RepositoryRun.checklist;
import static io.ascent.core.repo.RepositoryRun.items;
import static io.ascent.core.repo.RepositoryRun.validate;
import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.report.Item;
import io.ascent.core.report.Status;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CODEOWNERS and LICENSE for an application in a folder of a monorepo: the application's own file wins, the
 * repository root's is the fallback, and a missing one is reported naming both places.
 */
class MonorepoOwnershipRulesTest {
    private static final String APP = "services/web/";
    private static final String CHECKLIST = checklist("""
            repository:
              codeowners: true
              license: true
            """);

    @TempDir
    Path dir;

    private Item only(RepositoryRule rule) throws Exception {
        return items(validate(dir.resolve(APP)), rule).get(0);
    }

    @Test
    void shouldPreferTheApplicationsOwnCodeownersAndLicenseOverTheRepositorysOnes() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.file(APP + "ascent.yaml", CHECKLIST)
                    .file(APP + ".github/CODEOWNERS", "* @acme/web\n")
                    .file(APP + "LICENSE", MIT)
                    // the root's files are broken: using them would fail
                    .file(".github/CODEOWNERS", "* not-an-owner\n")
                    .file("LICENSE", "All rights reserved.\n")
                    .commit("init");
            assertThat(only(RepositoryRule.CODEOWNERS)).satisfies(item -> {
                assertThat(item.status()).as(item.message()).isEqualTo(Status.PASS);
                assertThat(item.message()).contains(APP + ".github/CODEOWNERS");
            });
            assertThat(only(RepositoryRule.LICENSE)).satisfies(item -> {
                assertThat(item.status()).as(item.message()).isEqualTo(Status.PASS);
                assertThat(item.message()).contains("'" + APP + "LICENSE' is MIT");
            });
        }
    }

    @Test
    void shouldFallBackToTheRepositoryRootsCodeownersAndLicense() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.file(APP + "ascent.yaml", CHECKLIST)
                    .file(".github/CODEOWNERS", "* @acme/all\n")
                    .file("COPYING", MIT)
                    .commit("init");
            assertThat(only(RepositoryRule.CODEOWNERS)).satisfies(item -> {
                assertThat(item.status()).as(item.message()).isEqualTo(Status.PASS);
                assertThat(item.message()).contains("'.github/CODEOWNERS'").doesNotContain(APP);
            });
            assertThat(only(RepositoryRule.LICENSE)).satisfies(item -> {
                assertThat(item.status()).as(item.message()).isEqualTo(Status.PASS);
                assertThat(item.message()).contains("'COPYING' is MIT");
            });
        }
    }

    @Test
    void shouldNameBothPlacesWhenNeitherHoldsTheFile() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.file(APP + "ascent.yaml", CHECKLIST).file("README.md", "# x\n").commit("init");
            assertThat(only(RepositoryRule.CODEOWNERS)).satisfies(item -> {
                assertThat(item.status()).isEqualTo(Status.FAIL);
                assertThat(item.message()).contains(APP + ".github/CODEOWNERS", ", .github/CODEOWNERS");
            });
            assertThat(only(RepositoryRule.LICENSE)).satisfies(item -> {
                assertThat(item.status()).isEqualTo(Status.FAIL);
                assertThat(item.message()).endsWith("in services/web/ or at the repository root");
            });
        }
    }
}
