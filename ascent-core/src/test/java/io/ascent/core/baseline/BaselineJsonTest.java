package io.ascent.core.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ascent.core.report.Item;
import io.ascent.core.report.Location;
import io.ascent.core.report.Severity;
import io.ascent.core.report.Status;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The baseline file: written stably, read strictly, every fault at its line and column. */
class BaselineJsonTest {
    private static final String FP = "0123456789abcdef0123456789abcdef";

    private static Item finding(String id, String path, String key, Status status) {
        return Item.builder(id, id).severity(status == Status.FAIL ? Severity.ERROR : Severity.WARNING).status(status)
                .message("found " + key).location(new Location(path, 3, 1)).key(key).build();
    }

    private static String write(Baseline baseline) throws Exception {
        StringWriter out = new StringWriter();
        BaselineJson.write(baseline, out);
        return out.toString();
    }

    @Test
    void shouldWriteFindingsSortedByPathCheckAndFingerprintWithACountForRepeats() throws Exception {
        Baseline baseline = Baseline.of(List.of(
                finding("manifest.probes", "k8s/web.yaml", "web", Status.WARN),
                finding("manifest.api-version", "k8s/web.yaml", "ingress", Status.FAIL),
                finding("manifest.api-version", "a.yaml", "x", Status.FAIL),
                finding("manifest.api-version", "a.yaml", "x", Status.FAIL),
                finding("checklist.waivers", "ascent.yaml", "expired", Status.FAIL),
                finding("repo.secrets", "b.env", "gone", Status.PASS)));

        String text = write(baseline);

        assertThat(baseline.entries()).extracting(BaselineEntry::path, BaselineEntry::id, BaselineEntry::count)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("a.yaml", "manifest.api-version", 2),
                        org.assertj.core.groups.Tuple.tuple("k8s/web.yaml", "manifest.api-version", 1),
                        org.assertj.core.groups.Tuple.tuple("k8s/web.yaml", "manifest.probes", 1));
        assertThat(baseline.findings()).isEqualTo(4);
        assertThat(text).startsWith("{\n  \"formatVersion\" : \"1\",\n  \"about\" : \"Findings accepted")
                .contains("\"hint\" : \"found x\",\n    \"count\" : 2\n  }")
                .doesNotContain("checklist.waivers").endsWith("} ]\n}\n");
        assertThat(write(BaselineJson.read(text, "b.json"))).isEqualTo(text);
    }

    @Test
    void shouldKeepHintsToOneShortLineWithoutControlCharacters() {
        String hint = Baseline.hint("line one\nline\u202Etwo " + "x".repeat(300));
        assertThat(hint).hasSize(Baseline.MAX_HINT_LENGTH).startsWith("line one line two ").endsWith("…")
                .doesNotContain("\n").doesNotContain("\u202E");
    }

    @Test
    void shouldRememberWhereEachEntryStarts() throws Exception {
        Baseline baseline = BaselineJson.read("""
                {"formatVersion": "1", "findings": [
                  {"fingerprint": "%s", "id": "manifest.probes", "path": "k.yaml", "hint": "h"},
                    {"fingerprint": "%s", "id": "manifest.probes", "count": 3}
                ]}
                """.formatted(FP, FP.replace('0', 'f')), "b.json");
        assertThat(baseline.entries()).extracting(BaselineEntry::line, BaselineEntry::column, BaselineEntry::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, 3, 1),
                        org.assertj.core.groups.Tuple.tuple(3, 5, 3));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not JSON at all          | {"formatVersion": "1", "findings": [ }                        | 1:38 | not valid JSON
            a duplicate key          | {"formatVersion": "1", "formatVersion": "1", "findings": []}  | 1:39 | not valid JSON: Duplicate field 'formatVersion'
            an unknown property      | {"formatVersion": "1", "findngs": []}                         | 1:24 | unknown property 'findngs'
            an unknown version       | {"formatVersion": "2", "findings": []}                        | 1:19 | formatVersion "2" is not known
            findings not a list      | {"formatVersion": "1", "findings": {}}                        | 1:36 | findings must be a list
            a malformed fingerprint  | {"formatVersion": "1", "findings": [{"fingerprint": "XYZ", "id": "a"}]} | 1:53 | fingerprint must be 32 lower-case hex digits
            an entry without an id   | {"formatVersion": "1", "findings": [{"fingerprint": "0123456789abcdef0123456789abcdef"}]} | 1:37 | this entry has no id
            a zero count             | {"formatVersion": "1", "findings": [{"fingerprint": "0123456789abcdef0123456789abcdef", "id": "a", "count": 0}]} | 1:109 | count must be a whole number
            a repeated fingerprint   | {"formatVersion": "1", "findings": [{"fingerprint": "0123456789abcdef0123456789abcdef", "id": "a"}, {"fingerprint": "0123456789abcdef0123456789abcdef", "id": "a"}]} | 1:101 | a second entry for fingerprint
            a missing version        | {"findings": []}                                              | 1:1  | missing "formatVersion"
            a number for an id       | {"formatVersion": "1", "findings": [{"fingerprint": "0123456789abcdef0123456789abcdef", "id": 7}]} | 1:95 | id must be a string
            trailing content         | {"formatVersion": "1", "findings": []} {}                     | 1:40 | unexpected content after
            a list for a string      | {"formatVersion": "1", "about": [[[[[[[[[[[[]]]]]]]]]]]], "findings": []} | 1:33 | about must be a string
            """)
    void shouldRejectABrokenFileAtItsLineAndColumn(String what, String text, String where, String message) {
        assertThatThrownBy(() -> BaselineJson.read(text, "app/.ascent-baseline.json"))
                .isInstanceOfSatisfying(BaselineException.class, e -> {
                    assertThat(e.location().toString()).isEqualTo("app/.ascent-baseline.json:" + where);
                    assertThat(e.getMessage()).contains(message);
                });
    }

    @Test
    void shouldRejectAnOverlongHint() {
        String text = "{\"formatVersion\": \"1\", \"findings\": [{\"fingerprint\": \"" + FP + "\", \"id\": \"a\", "
                + "\"hint\": \"" + "h".repeat(1001) + "\"}]}";
        assertThatThrownBy(() -> BaselineJson.read(text, "b.json")).isInstanceOf(BaselineException.class)
                .hasMessage("hint is 1001 characters; at most 1000 are allowed");
    }

    @Test
    void shouldRejectAFileOverTheSizeLimitWithoutParsingIt() {
        String text = " ".repeat((int) BaselineJson.MAX_BYTES + 1);
        assertThatThrownBy(() -> BaselineJson.read(text, "b.json")).isInstanceOf(BaselineException.class)
                .hasMessageContaining("a baseline holds at most 16777216 bytes");
    }
}
