package io.ascent.jenkins.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.report.LogEntry;
import io.ascent.core.report.Report;
import io.ascent.core.report.view.FileGroup;
import io.ascent.core.report.view.ItemView;
import io.ascent.core.report.view.PhaseView;
import io.ascent.core.report.view.ReportView;
import io.ascent.core.report.view.StatusGroup;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The report page reads the engine's view model (the HTML report's) from the report kept with the build. */
class ReportPageTest {

    @Test
    void shouldGroupByStatusWorstFirstThenByFile() {
        ReportView page = ReportView.of(Reports.mixed());
        assertThat(page.getGroups()).extracting(StatusGroup::getStatus)
                .containsExactly("fail", "error", "warn", "waived", "skip", "pass");
        StatusGroup error = page.getGroups().get(1);
        assertThat(error.getCount()).isEqualTo(1);
        assertThat(error.getFiles()).singleElement().extracting(FileGroup::getPath)
                .isEqualTo("examples/app/deploy/app.yaml");
        assertThat(page.getGroups().get(4).getFiles()).singleElement()
                .extracting(FileGroup::getPath).isEqualTo("");
        assertThat(page.getGroups().get(3).getFiles().get(0).getItems().get(0).getWaiver())
                .isEqualTo("sizing pending (team-batch), until 2027-01-31");
    }

    @Test
    void shouldKeepItemsOfOneFileTogetherInReportOrder() {
        ReportView page = ReportView.of(Reports.failing(3));
        assertThat(page.getGroups()).singleElement().satisfies(group -> {
            assertThat(group.getCount()).isEqualTo(3);
            assertThat(group.getFiles()).singleElement().satisfies(file -> assertThat(file.getItems())
                    .extracting(ItemView::getLocation)
                    .containsExactly("deploy/app.yaml:1:1", "deploy/app.yaml:2:1", "deploy/app.yaml:3:1"));
        });
    }

    @Test
    void shouldShowTheLogWithErrorsMarked() {
        Report mixed = Reports.mixed();
        Report withLog = new Report(mixed.subject(), mixed.checklist(), mixed.createdAt(), mixed.items(),
                List.of(new LogEntry(LogEntry.Level.INFO, "target Kubernetes version 1.30"),
                        new LogEntry(LogEntry.Level.DEBUG, "java.lang.NullPointerException"),
                        new LogEntry(LogEntry.Level.WARN, "schema location unreachable"),
                        new LogEntry(LogEntry.Level.ERROR, "docker did not answer")), false,
                List.of(new io.ascent.core.report.PhaseRecord("checklist", null, mixed.createdAt(),
                        java.time.Duration.ofMillis(40), io.ascent.core.report.PhaseRecord.Outcome.COMPLETED)), true);
        ReportView page = ReportView.of(withLog);
        assertThat(page.getLog()).containsExactly("target Kubernetes version 1.30",
                "warning: schema location unreachable", "error: docker did not answer");
        assertThat(page.getPhases()).extracting(PhaseView::getName).containsExactly("checklist");
        assertThat(page.isInterrupted()).isTrue();
        assertThat(page.getChecklist()).isEqualTo("examples/app/ascent.yaml");
        assertThat(page.getSubject()).isEqualTo("examples/app");
        assertThat(page.getRepository()).isEmpty();
    }

    @Test
    void shouldNameTheRepositoryCommitAndTargetVersionOfTheHeader() {
        Report mixed = Reports.mixed();
        Report headed = new Report(mixed.subject(), mixed.checklist(), mixed.createdAt(), mixed.items(), mixed.log(),
                false, List.of(), false, new io.ascent.core.report.ReportHeader("https://example.com/app.git",
                        "0123456789abcdef0123456789abcdef01234567", "1.31"), io.ascent.core.report.FailOn.ERROR);
        ReportView page = ReportView.of(headed);
        assertThat(page.getRepository()).isEqualTo("https://example.com/app.git");
        assertThat(page.getCommit()).as("shortened as git does").isEqualTo("0123456789ab");
        assertThat(page.getKubernetesVersion()).isEqualTo("1.31");
    }
}
