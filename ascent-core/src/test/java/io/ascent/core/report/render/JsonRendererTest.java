package io.ascent.core.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.report.Report;
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
        assertThat(json.getString("formatVersion")).isEqualTo("1");
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
