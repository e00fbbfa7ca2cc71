package io.ascent.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ascent.core.workspace.ConfinedFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeYamlLoaderTest {
    private final SafeYamlLoader loader = new SafeYamlLoader(YamlLimits.CHECKLIST);

    @TempDir
    Path dir;

    private YamlDocument single(String yaml) throws Exception {
        Path file = dir.resolve("ascent.yaml");
        Files.writeString(file, yaml);
        return loader.loadSingle(ConfinedFiles.under(dir, Long.MAX_VALUE), file, "app/ascent.yaml");
    }

    private YamlInputException failure(String yaml) {
        return (YamlInputException) org.assertj.core.api.Assertions.catchThrowable(() -> single(yaml));
    }

    @Test
    void shouldKeepLineAndColumnOfEveryNode() throws Exception {
        YamlDocument doc = single("a:\n  b:\n    - x\n    - y\n");
        assertThat(doc.locationOf(doc.nodeAt(List.of("a", "b", "1"))).toString()).isEqualTo("app/ascent.yaml:4:7");
        assertThat(doc.locationOf(doc.keyAt(List.of("a"), "b")).toString()).isEqualTo("app/ascent.yaml:2:3");
    }

    @Test
    void shouldPointAtDeepestExistingAncestorForMissingPath() throws Exception {
        YamlDocument doc = single("a:\n  b: 1\n");
        assertThat(doc.locationOf(doc.nodeAt(List.of("a", "missing", "deeper"))).line()).isEqualTo(2);
    }

    @Test
    void shouldTypeScalarsLikeYaml12CoreSchema() throws Exception {
        JSONObject json = (JSONObject) single(
                "s: text\ni: 42\nh: 0x1F\nf: 1.5\nt: true\nn: ~\nyes_word: yes\nno_word: no\nq: \"1.30\"\nbig: 123456789012345678901234\n")
                .json();
        assertThat(json.get("s")).isEqualTo("text");
        assertThat(json.get("i")).isEqualTo(42L);
        assertThat(json.get("h")).isEqualTo(31L);
        assertThat(json.get("f")).isEqualTo(1.5);
        assertThat(json.get("t")).isEqualTo(true);
        assertThat(json.isNull("n")).isTrue();
        assertThat(json.get("yes_word")).isEqualTo("yes");
        assertThat(json.get("no_word")).isEqualTo("no");
        assertThat(json.get("q")).isEqualTo("1.30");
        assertThat(json.get("big")).isEqualTo(new java.math.BigInteger("123456789012345678901234"));
    }

    @Test
    void shouldTypeScalarsOfManifestsLikeKubectlsYaml11Reader() throws Exception {
        String yaml = """
                a: yes
                b: On
                c: y
                d: NO
                e: off
                f: N
                g: true
                h: 0644
                i: 0o17
                j: 10
                k: "yes"
                l: !!str on
                m: 'y'
                n: 0x1F
                o: 1:30
                p: 0
                q: -010
                yes: key
                """;
        JSONObject json = (JSONObject) new SafeYamlLoader(YamlLimits.MANIFEST, ScalarRules.KUBECTL)
                .parse(yaml, "deploy/app.yaml").get(0).json();
        JSONObject core = (JSONObject) new SafeYamlLoader(YamlLimits.MANIFEST).parse(yaml, "deploy/app.yaml").get(0)
                .json();

        assertThat(List.of("a", "b", "c", "d", "e", "f", "g").stream().map(json::get).toList())
                .containsExactly(true, true, true, false, false, false, true);
        assertThat(List.of("h", "i", "j", "n", "p", "q").stream().map(json::get).toList())
                .containsExactly(420L, 15L, 10L, 31L, 0L, -8L);
        assertThat(List.of("k", "l", "m", "o").stream().map(json::get).toList())
                .as("quoted or tagged scalars stay strings, as does sexagesimal")
                .containsExactly("yes", "on", "y", "1:30");
        assertThat(json.get("yes")).as("keys are kept as written").isEqualTo("key");
        assertThat(List.of("a", "b", "c", "d", "e", "f", "h", "i").stream().map(core::get).toList())
                .as("the checklist's YAML 1.2 rules are unchanged")
                .containsExactly("yes", "On", "y", "NO", "off", "N", 644L, "0o17");
    }

    @Test
    void shouldExpandAliasesWithinLimits() throws Exception {
        JSONObject json = (JSONObject) single("base: &b [1, 2]\ncopy: *b\n").json();
        assertThat(((JSONArray) json.get("copy")).toList()).containsExactly(1L, 2L);
    }

    @Test
    void shouldRejectDuplicateKeysAtTheSecondKey() {
        YamlInputException e = failure("a: 1\nb: 2\na: 3\n");
        assertThat(e.getMessage()).isEqualTo("duplicate key 'a' (first defined at line 1)");
        assertThat(e.location().toString()).isEqualTo("app/ascent.yaml:3:1");
    }

    @Test
    void shouldRejectADuplicateKeyInAMappingOfManyKeys() {
        StringBuilder yaml = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            yaml.append("k").append(i).append(": ").append(i).append('\n');
        }
        yaml.append("k3: again\n");
        YamlInputException e = failure(yaml.toString());
        assertThat(e.getMessage()).isEqualTo("duplicate key 'k3' (first defined at line 4)");
        assertThat(e.location().toString()).isEqualTo("app/ascent.yaml:13:1");
    }

    @Test
    void shouldAcceptManyDistinctKeysInOneMapping() throws Exception {
        StringBuilder yaml = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            yaml.append("k").append(i).append(": ").append(i).append('\n');
        }
        assertThat(((JSONObject) single(yaml.toString()).json()).length()).isEqualTo(12);
    }

    @Test
    void shouldBuildTheJsonCopyOnlyWhenFirstAskedAndThenKeepIt() throws Exception {
        YamlDocument doc = single("a:\n  b: [1, x, ~]\n");
        assertThat(doc.hasJson()).isFalse();
        Object json = doc.json();
        assertThat(doc.hasJson()).isTrue();
        assertThat(doc.json()).isSameAs(json);
        assertThat(json.toString()).isEqualTo("{\"a\":{\"b\":[1,\"x\",null]}}");
        assertThat(doc.nullMembers()).isFalse();
        assertThat(single("a:\n  b: ~\n").nullMembers()).isTrue();
    }

    @Test
    void shouldBuildTheJsonCopyOnceWhenThreadsAskTogether() throws Exception {
        java.util.concurrent.atomic.AtomicInteger builds = new java.util.concurrent.atomic.AtomicInteger();
        YamlDocument doc = YamlDocument.lazy("a.yaml", single("a: 1\n").root(), () -> {
            builds.incrementAndGet();
            try {
                Thread.sleep(50); // long enough for every other thread to ask while the copy is being built
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new JSONObject();
        }, null, false, ScalarRules.YAML_1_2);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Object>> copies = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                copies.add(pool.submit(doc::json));
            }
            for (var copy : copies) {
                assertThat(copy.get()).isSameAs(doc.json());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(builds).hasValue(1);
    }

    @Test
    void shouldRefuseAnIntegerOfMillionsOfDigitsWithoutParsingIt() {
        long start = System.nanoTime();
        YamlInputException e = (YamlInputException) org.assertj.core.api.Assertions.catchThrowable(() ->
                new SafeYamlLoader(YamlLimits.MANIFEST).parse("a: 1\nb: " + "9".repeat(15_000_000) + "\n",
                        "app/m.yaml"));
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).isLessThan(java.time.Duration.ofSeconds(20));
        assertThat(e.getMessage()).startsWith("a value of more than 2097152 characters without a space");
        assertThat(e.location().toString()).isEqualTo("app/m.yaml:2:4");
    }

    @Test
    void shouldRefuseAnIntegerOfMoreThanAThousandDigitsBeforeParsingIt() {
        YamlInputException e = failure("a: 1\nb: " + "9".repeat(1001) + "\n");
        assertThat(e.getMessage()).isEqualTo("an integer of 1001 digits; integers here have at most 1000");
        assertThat(e.location().toString()).isEqualTo("app/ascent.yaml:2:4");
    }

    @Test
    void shouldRejectMergeKeys() {
        assertThat(failure("base: &b {x: 1}\nm:\n  <<: *b\n").getMessage()).contains("merge keys");
    }

    @Test
    void shouldRejectLocalAndGlobalTags() {
        assertThat(failure("a: !thing 1\n").getMessage()).isEqualTo(
                "tag '!thing' is not allowed; Ascent reads plain YAML data only");
        assertThat(failure("a: !!java.io.File [\"/etc/passwd\"]\n").getMessage()).contains("not allowed");
    }

    @Test
    void shouldRejectRecursiveAliases() {
        assertThat(failure("a: &x\n  - *x\n").getMessage()).contains("contains it");
    }

    @Test
    void shouldStopAliasExpansionAtTheNodeLimit() {
        StringBuilder yaml = new StringBuilder("l0: &l0 [x, x]\n");
        for (int i = 1; i < 25; i++) {
            yaml.append("l").append(i).append(": &l").append(i).append(" [*l").append(i - 1).append(", *l")
                    .append(i - 1).append("]\n");
        }
        assertThat(failure(yaml.toString()).getMessage()).contains("nodes once aliases are expanded");
    }

    @Test
    void shouldReportTheFlowCollectionOneLevelTooDeepAtItsLineAndColumn() {
        int depth = YamlLimits.CHECKLIST.maxDepth();
        YamlInputException e = failure("a: 1\nb: " + "[".repeat(depth + 5) + "]".repeat(depth + 5) + "\n");
        assertThat(e.getMessage()).isEqualTo("the document nests deeper than " + depth + " levels");
        // SnakeYAML refuses the first node with more than `depth` collections around it: the root mapping and
        // `depth` brackets are around bracket number depth + 1, at column 3 + depth + 1
        assertThat(e.location().toString()).isEqualTo("app/ascent.yaml:2:" + (3 + depth + 1));
    }

    @Test
    void shouldReportTheBlockMappingOneLevelTooDeepAtItsLine() {
        int depth = YamlLimits.CHECKLIST.maxDepth();
        StringBuilder yaml = new StringBuilder("top: &t [x]\n"); // an anchor: SnakeYAML composes this file
        for (int level = 0; level < depth + 3; level++) {
            yaml.append("  ".repeat(level)).append("k").append(level).append(":\n");
        }
        yaml.append("  ".repeat(depth + 3)).append("leaf: 1\n");
        YamlInputException e = failure(yaml.toString());
        assertThat(e.getMessage()).isEqualTo("the document nests deeper than " + depth + " levels");
        // key k<j> is on line j + 2 with j + 1 mappings around it: k<depth> is the first one refused
        assertThat(e.location().toString()).isEqualTo("app/ascent.yaml:" + (depth + 2) + ":" + (2 * depth + 1));
    }

    @Test
    void shouldReportTheAliasOverTheLimitAtItsLineAndColumn() {
        int aliases = YamlLimits.CHECKLIST.maxAliases();
        StringBuilder yaml = new StringBuilder("base: &b [x]\nuses:\n");
        for (int i = 0; i <= aliases + 3; i++) {
            yaml.append("  - *b\n");
        }
        YamlInputException e = failure(yaml.toString());
        assertThat(e.getMessage()).isEqualTo("the document uses more than " + aliases + " aliases to collections");
        assertThat(e.location().toString()).isEqualTo("app/ascent.yaml:" + (3 + aliases) + ":5");
    }

    @Test
    void shouldRejectFilesOverTheSizeLimitBeforeReadingThem() throws Exception {
        Path file = dir.resolve("big.yaml");
        Files.write(file, new byte[YamlLimits.CHECKLIST.maxBytes() + 1]);
        assertThatThrownBy(() -> loader.loadSingle(ConfinedFiles.under(dir, Long.MAX_VALUE), file, "big.yaml"))
                .isInstanceOf(YamlInputException.class)
                .hasMessageContaining("the limit is " + YamlLimits.CHECKLIST.maxBytes() + " bytes");
    }

    @Test
    void shouldReportInvalidUtf8AtItsLine() throws Exception {
        Path file = dir.resolve("latin1.yaml");
        Files.write(file, "a: 1\nb: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> loader.loadSingle(ConfinedFiles.under(dir, Long.MAX_VALUE), file, "latin1.yaml"))
                .isInstanceOfSatisfying(YamlInputException.class, e -> {
                    assertThat(e.location().line()).isEqualTo(2);
                    assertThat(e.getMessage()).contains("not valid UTF-8");
                });
    }

    @Test
    void shouldAcceptUtf8ByteOrderMark() throws Exception {
        assertThat(((JSONObject) single("\uFEFFa: 1\n").json()).get("a")).isEqualTo(1L);
    }

    @Test
    void shouldExplainTabIndentation() {
        YamlInputException e = failure("a:\n\tb: 1\n");
        assertThat(e.getMessage()).contains("tab");
        assertThat(e.location().line()).isEqualTo(2);
    }

    @Test
    void shouldRequireExactlyOneDocument() {
        assertThat(failure("").getMessage()).contains("empty");
        assertThat(failure("a: 1\n---\nb: 2\n").getMessage()).contains("found 2");
    }

    @Test
    void shouldLoadEveryNonEmptyDocumentOfAMultiDocumentFile() throws Exception {
        List<YamlDocument> docs = loader.parse("---\na: 1\n---\n---\nb: 2\n", "m.yaml");
        assertThat(docs).hasSize(2);
        assertThat(docs.get(1).start().line()).isEqualTo(5);
    }

    @Test
    void shouldReportMissingFile() {
        assertThatThrownBy(() -> loader.loadSingle(ConfinedFiles.under(dir, Long.MAX_VALUE), dir.resolve("nope.yaml"),
                "nope.yaml"))
                .hasMessage("file not found");
    }

    @Test
    void shouldReportTagsSnakeYamlRejectsWithArgumentChecksAsInvalidYaml() {
        // Found by the fuzzer: SnakeYAML throws IllegalArgumentException for this tag.
        assertThat(failure("LLL: !j01%e\n").getMessage()).startsWith("invalid YAML: ");
    }
}
