package io.ascent.core.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.report.Item;
import io.ascent.core.report.Location;
import io.ascent.core.report.Report;
import io.ascent.core.report.Severity;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

class SarifRendererTest {

    private static JSONObject render(Report report) throws Exception {
        StringWriter out = new StringWriter();
        new SarifRenderer().render(report, out);
        return new JSONObject(out.toString());
    }

    private static JSONArray results(Report report) throws Exception {
        return render(report).getJSONArray("runs").getJSONObject(0).getJSONArray("results");
    }

    @Test
    void shouldReportAnInfoFindingAsANote() throws Exception {
        Report report = Report.builder("app")
                .add(Item.builder("a", "A").severity(Severity.INFO).problem("worth knowing").build()).build();
        JSONObject result = results(report).getJSONObject(0);
        assertThat(result.getString("level")).isEqualTo("note");
    }

    @Test
    void shouldWriteSarif210WithRulesAndOnlyFindingsAsResults() throws Exception {
        JSONObject sarif = render(SampleReports.mixed());
        assertThat(sarif.getString("version")).isEqualTo("2.1.0");
        JSONObject run = sarif.getJSONArray("runs").getJSONObject(0);
        assertThat(run.getJSONObject("tool").getJSONObject("driver").getJSONArray("rules").length()).isEqualTo(6);
        JSONArray results = run.getJSONArray("results");
        assertThat(results.length()).isEqualTo(4);
        assertThat(results.getJSONObject(0).getString("level")).isEqualTo("error");
        assertThat(results.getJSONObject(1).getString("level")).isEqualTo("warning");
    }

    @Test
    void shouldLocateResultsRelativeToTheSourceRoot() throws Exception {
        JSONObject location = results(SampleReports.mixed()).getJSONObject(1).getJSONArray("locations")
                .getJSONObject(0).getJSONObject("physicalLocation");
        assertThat(location.getJSONObject("artifactLocation").getString("uri")).isEqualTo("examples/app/deploy/app.yaml");
        assertThat(location.getJSONObject("artifactLocation").getString("uriBaseId")).isEqualTo("%SRCROOT%");
        assertThat(location.getJSONObject("region").getInt("startLine")).isEqualTo(12);
        assertThat(location.getJSONObject("region").getInt("startColumn")).isEqualTo(9);
    }

    @Test
    void shouldMarkWaivedFindingsAsAcceptedSuppressions() throws Exception {
        JSONObject suppression = results(SampleReports.mixed()).getJSONObject(3).getJSONArray("suppressions")
                .getJSONObject(0);
        assertThat(suppression.getString("status")).isEqualTo("accepted");
        assertThat(suppression.getString("justification")).contains("batch sizing pending");
    }

    @Test
    void shouldKeepTheFingerprintWhenAFindingMovesToAnotherLine() throws Exception {
        String before = fingerprint(new Location("deploy/app.yaml", 12, 9));
        String after = fingerprint(new Location("deploy/app.yaml", 40, 3));
        String otherFile = fingerprint(new Location("deploy/other.yaml", 12, 9));
        assertThat(before).isEqualTo(after).isNotEqualTo(otherFile);
    }

    private static String fingerprint(Location location) throws Exception {
        Report report = new Report("app", null, Instant.EPOCH, List.of(Item.builder("manifest.probes", "Probes")
                .severity(Severity.WARNING).problem("no probe").location(location).key("Deployment/web").build()),
                List.of(), false);
        return results(report).getJSONObject(0).getJSONObject("partialFingerprints")
                .getString(SarifRenderer.FINGERPRINT_KEY);
    }
}
