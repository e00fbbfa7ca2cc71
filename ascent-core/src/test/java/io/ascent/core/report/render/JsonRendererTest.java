package io.ascent.core.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.report.FailOn;
import io.ascent.core.report.Report;
import io.ascent.core.report.ReportHeader;
import java.util.List;
import java.util.Map;
import java.io.StringWriter;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

class JsonRendererTest {

    private static JSONObject render(Report report) throws Exception {
        StringWriter out = new StringWriter();
        new JsonRenderer().render(report, out);
        return new JSONObject(out.toString());
    }

    @Test
    void shouldWriteVersionedSummaryAndItemsWithLocations() throws Exception {
        JSONObject json = render(SampleReports.mixed());
        assertThat(json.getString("formatVersion")).isEqualTo("2");
        assertThat(json.getString("verdict")).isEqualTo("INVALID_INPUT");
        assertThat(json.getInt("exitStatus")).isEqualTo(2);
        JSONObject summary = json.getJSONObject("summary");
        assertThat(summary.getInt("total")).isEqualTo(6);
        assertThat(summary.getInt("fail")).isEqualTo(1);
        assertThat(summary.getInt("waived")).isEqualTo(1);
        JSONObject warn = json.getJSONArray("items").getJSONObject(2);
        assertThat(warn.getString("id")).isEqualTo("manifest.probes");
        assertThat(warn.getString("status")).isEqualTo("WARN");
        assertThat(warn.getString("severity")).isEqualTo("WARNING");
        assertThat(warn.getJSONObject("location").getString("path")).isEqualTo("examples/app/deploy/app.yaml");
        assertThat(warn.getJSONObject("location").getInt("line")).isEqualTo(12);
        assertThat(warn.getJSONObject("location").getInt("column")).isEqualTo(9);
        assertThat(warn.getString("fingerprint")).hasSize(32);
        assertThat(json.getString("failOn")).isEqualTo("error");
        assertThat(summary.getInt("info")).isZero();
    }

    @Test
    void shouldNameTheRepositoryCommitChecklistAndTargetVersionInTheHeader() throws Exception {
        Report report = SampleReports.mixed();
        report = new Report(report.subject(), report.checklist(), report.createdAt(), report.items(), report.log(),
                false, List.of(), false, new ReportHeader("git@example.com:team/app.git", "abc123", "1.31"),
                FailOn.WARNING);
        JSONObject header = render(report).getJSONObject("header");
        assertThat(header.toMap()).containsExactlyInAnyOrderEntriesOf(Map.of("repository",
                "git@example.com:team/app.git", "commit", "abc123", "checklist", "examples/app/ascent.yaml",
                "kubernetesVersion", "1.31"));
        assertThat(render(report).getString("failOn")).isEqualTo("warning");
    }

    @Test
    void shouldLeaveOutAbsentValuesAndCarryWaivers() throws Exception {
        JSONObject json = render(SampleReports.mixed());
        JSONObject skip = json.getJSONArray("items").getJSONObject(4);
        assertThat(skip.has("location")).isFalse();
        assertThat(skip.has("remediation")).isFalse();
        JSONObject waived = json.getJSONArray("items").getJSONObject(5).getJSONObject("waiver");
        assertThat(waived.getString("expires")).isEqualTo("2027-01-31");
        assertThat(waived.getString("owner")).isEqualTo("team-batch");
    }
}
