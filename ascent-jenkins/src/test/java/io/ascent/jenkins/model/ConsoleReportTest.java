package io.ascent.jenkins.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import hudson.model.Run;
import hudson.model.TaskListener;
import io.ascent.core.report.Report;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsoleReportTest {

    private static String print(Report report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TaskListener listener = mock(TaskListener.class);
        when(listener.getLogger()).thenReturn(new PrintStream(out, true, StandardCharsets.UTF_8));
        Run<?, ?> run = mock(Run.class);
        when(run.getUrl()).thenReturn("job/app/12/");
        AscentResultAction action = new AscentResultAction("ascent", report);
        ConsoleReport.print(listener, run, action, report, Map.of("sarif", "target/ascent/ascent.sarif"));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldPrintEachFailedItemAtItsLineThenTheFilesThenTheLink() {
        assertThat(print(Reports.failing(2))).isEqualTo("""
                [ascent] FAIL deploy/app.yaml:1:1: problem 1 [check.1]
                [ascent] FAIL deploy/app.yaml:2:1: problem 2 [check.2]
                [ascent] sarif report: target/ascent/ascent.sarif
                [ascent] 2 failed of 2 items: Ascent report
                """);
    }

    @Test
    void shouldStopListingAfterAHundredItems() {
        String log = print(Reports.failing(130));
        assertThat(log.lines().filter(line -> line.startsWith("[ascent] FAIL"))).hasSize(100);
        assertThat(log).contains("[ascent] ... and 30 more failed items on the report page");
    }

    @Test
    void shouldNameTheGatingIdsInTheStageMessage() {
        assertThat(ConsoleReport.stageMessage(Reports.mixed()))
                .isEqualTo("Ascent: 2 gating items (repo.required, manifest.parse)");
        assertThat(ConsoleReport.stageMessage(Reports.warningsOnly())).isEqualTo("Ascent: 1 warning of 1 item");
        assertThat(ConsoleReport.stageMessage(Reports.failing(12))).endsWith("check.10, ...)");
    }
}
