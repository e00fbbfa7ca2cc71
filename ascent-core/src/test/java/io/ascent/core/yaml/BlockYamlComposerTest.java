package io.ascent.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * The block composer gives SnakeYAML's tree (node kinds, tags, values, styles, start positions) for everything it
 * composes, and declines the rest. Compared over the examples, the test fixtures, the shared manifest corpus when
 * present ({@code -Dascent.yaml.corpus=DIR}, default {@code /work/shared/data}) and hand-written edge cases.
 */
class BlockYamlComposerTest {
    private static final Path SHARED_CORPUS = Path.of(System.getProperty("ascent.yaml.corpus", "/work/shared/data"));

    @ParameterizedTest
    @ValueSource(strings = {
        "a: 1\nb: two\nc: 3.5\nd: true\ne: ~\nf: null\ng: 0644\nh: 0x1F\ni: yes\nj: n\nk: on\nl: '0644'\nm: \"y\"\n",
        "apiVersion: v1\nkind: List\nitems:\n- kind: A\n  x: 1\n- kind: B\n",
        "spec:\n  containers:\n    - name: a\n      args: [\"--x=1\", b, 3]\n      env:\n      - name: X\n        value: \"1\"\n",
        "a:\n  - - x\n    - y\n  - - z\n",
        "a:\n\n  # comment\n  b: 1   # trailing\n\n# at zero\n  c: 2\nd: # empty with comment\ne:\n",
        "- \n- a\n-\n  b: 1\n- c: 2\n  d: 3\n",
        "data:\n  f: |\n    line 1\n      indented\n\n    line 3\n\n\n  g: |-\n    strip\n  h: |+\n    keep\n\n  i: x\n",
        "data:\n  f: |\n    no newline at the end",
        "metadata:\n  labels: {app: web, tier: \"front end\", 'x': 1}\nsel: {key: tier, operator: In}\n",
        "data:\n  f: |\n  g: 1\n",
        "data:\n  f: | # comment on the header\n    text\n# comment ends it\n  g: 1\n",
        "a: {}\nb: []\nc: { }\nd: [ ]\ne: [a , b ]\n",
        "\"quoted key\": 'it''s'\n'single': \"esc \\\" \\\\ \\n \\t\"\n",
        "image: nginx:1.25\nurl: http://x:80/a#b\ncmd: echo a#b\nneg: -1\nflag: --port=80\ndash: a-b\n",
        "---\na: 1\n---\n---\n# only a comment\n---\nb: 2\n",
        "--- # first\na: 1\n---\nb: 2\n",
        "  indented: root\n  second: key\n",
        "key : spaced\nempty: \"\"\nsq: ''\n",
        "y: 1\non: 2\n1: x\nnull: 3\n~: 4\nyes: no\n0o17: 5\n",
        "a:\nb:\n- 1\n- 2\nc: 3\n",
        "x: 1:30\ny: .inf\nz: -.5e3\nw: 1_000\nv: 2001-12-14\nu: =\n",
        "literal:\n- |\n  in a sequence\n- |-\n  two\n  lines\n",
    })
    void shouldComposeWhatSnakeYamlComposes(String text) {
        assertThat(compareFile("<text>", text)).as("composed by the block composer").isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "a: &x 1\nb: *x\n", "a: !!str 1\n", "? complex\n: key\n", "a: >\n  folded\n", "a: |2\n   indicator\n",
        "a: plain\n  continued\n", "a: \"multi\n  line\"\n", "a: b: c\n", "%YAML 1.1\n---\na: 1\n",
        "a:\tb\n", "a: 1\r\nb: 2\r\n", "<<: {a: 1}\n", "a: [[1]]\n", "a: [1, ]\n",
        "just a scalar\n", "a: 1\n b: 2\n", "a:\n  b: 1\n c: 2\n", "a: \"\\x41\"\n", "a: -\n", "a: |\n\ttab\n",
        "- a\nb: 1\n", "a: 1\n- b\n", "a: 1\n...\n", "data:\n  f: |\n      \n    text\n", "a: [x: 1]\n", "data:\n  f: |\n\n     deeper first\n    then less\n", "a: {b: [c]}\n", "a: {b:c}\n",
        "a: [{b: 1}]\n", "a: {b: 1,}\n", "a: \"x\" y\n", "--- a: 1\n", "a: @x\n",
    })
    void shouldDeclineWhatItDoesNotComposeAsSnakeYamlDoes(String text) {
        if (BlockYamlComposer.handles(text)) {
            assertThatThrownBy(() -> blockRoots(text)).isInstanceOf(BlockYamlComposer.Unsupported.class);
        }
        compareFile("<text>", text); // and SnakeYAML still answers through the loader: the same tree, or its error
    }

    @Test
    void shouldComposeTheRepositoryExamplesAndFixturesAsSnakeYamlDoes() throws IOException {
        int[] counts = compareAll(List.of(Path.of("../examples"), Path.of("src/test/resources")));
        assertThat(counts[0]).as("files composed by the block composer").isGreaterThan(counts[1]);
    }

    @Test
    void shouldComposeTheSharedManifestCorpusAsSnakeYamlDoes() throws IOException {
        if (!Files.isDirectory(SHARED_CORPUS)) {
            return; // compared on the developer machines that have it; the fixtures above run everywhere
        }
        int[] counts = compareAll(List.of(SHARED_CORPUS));
        assertThat(counts[0]).as("files composed by the block composer").isGreaterThan(counts[1]);
    }

    @Test
    void shouldHandOverTheSameDocumentsWhenItDeclinesHalfWayThroughAFile() throws YamlInputException {
        String text = "a: 1\n---\nb: 2\n---\nc: &anchor 3\n---\nd: 4\n";
        SafeYamlLoader loader = new SafeYamlLoader(YamlLimits.MANIFEST, ScalarRules.KUBECTL);
        List<YamlDocument> documents = loader.parse(text, "f.yaml");
        assertThat(documents).extracting(d -> d.json().toString())
                .containsExactly("{\"a\":1}", "{\"b\":2}", "{\"c\":3}", "{\"d\":4}");
        assertThat(documents.get(3).start().line()).isEqualTo(7);
    }

    /**
     * Differential check on generated text: block YAML built from the constructs manifests use, then damaged by
     * inserting, deleting or swapping characters YAML gives meaning to. Whatever the block composer composes must be
     * SnakeYAML's tree; whatever SnakeYAML refuses it must decline. The seed is fixed, so a failure repeats.
     */
    @Test
    void shouldAgreeWithSnakeYamlOnGeneratedAndDamagedText() {
        java.util.Random random = new java.util.Random(17);
        int composed = 0;
        for (int i = 0; i < 3000; i++) {
            StringBuilder text = new StringBuilder();
            generateMapping(random, text, 0, 3);
            String yaml = i % 3 == 0 ? text.toString() : damage(random, text.toString());
            if (compareFile("generated #" + i + ":\n" + yaml, yaml)) {
                composed++;
            }
        }
        assertThat(composed).as("generated texts composed by the block composer").isGreaterThan(500); // 628 with this seed: the comparison is not vacuous
    }

    private static final String[] SCALARS = {"web", "1", "0644", "-1", "1.5", "true", "yes", "n", "~", "null",
        "\"quoted: text\"", "'it''s'", "nginx:1.25", "a #not-a-comment", "[a, \"b\", 3]", "[]", "{}",
        "{app: web, tier: \"x\"}", "", "http://x/y", "--flag=1", "v1.2.3", "'#'", "\"\\n\""};
    private static final String[] KEYS = {"name", "app.kubernetes.io/name", "\"quoted key\"", "on", "y", "1",
        "image", "ports", "-x", "key with spaces"};

    private static void generateMapping(java.util.Random random, StringBuilder out, int indent, int depth) {
        int keys = 1 + random.nextInt(4);
        for (int k = 0; k < keys; k++) {
            String pad = " ".repeat(indent);
            if (random.nextInt(8) == 0) {
                out.append(pad).append("# comment\n");
            }
            if (random.nextInt(10) == 0) {
                out.append("\n");
            }
            out.append(pad).append(KEYS[random.nextInt(KEYS.length)]).append(k).append(":");
            int kind = depth == 0 ? 0 : random.nextInt(5);
            if (kind == 0) {
                String value = SCALARS[random.nextInt(SCALARS.length)];
                out.append(value.isEmpty() ? "" : " " + value).append(random.nextInt(6) == 0 ? " # c" : "")
                        .append("\n");
            } else if (kind == 1) {
                out.append(random.nextBoolean() ? " |" : " |-").append("\n");
                int lines = random.nextInt(4);
                for (int l = 0; l < lines; l++) {
                    out.append(pad).append("  ").append(l == 1 ? "  deeper" : random.nextBoolean() ? "" : "text " + l)
                            .append("\n");
                }
            } else if (kind == 2) {
                out.append("\n");
                generateMapping(random, out, indent + 2, depth - 1);
            } else {
                out.append("\n");
                String itemPad = pad + (random.nextBoolean() ? "" : "  ");
                int items = 1 + random.nextInt(3);
                for (int n = 0; n < items; n++) {
                    if (random.nextBoolean()) {
                        out.append(itemPad).append("- ").append(SCALARS[random.nextInt(SCALARS.length)]).append("\n");
                    } else {
                        StringBuilder nested = new StringBuilder();
                        generateMapping(random, nested, itemPad.length() + 2, depth - 1);
                        out.append(itemPad).append("- ").append(nested.substring(itemPad.length() + 2));
                    }
                }
            }
            if (indent == 0 && random.nextInt(6) == 0) {
                out.append(random.nextBoolean() ? "---\n" : "--- # next\n");
            }
        }
    }

    private static String damage(java.util.Random random, String text) {
        StringBuilder out = new StringBuilder(text);
        String alphabet = " -:#|'\"\n{}[],&*!>?%@x0";
        for (int d = 1 + random.nextInt(3); d > 0 && out.length() > 0; d--) {
            int at = random.nextInt(out.length());
            switch (random.nextInt(3)) {
                case 0 -> out.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                case 1 -> out.deleteCharAt(at);
                default -> out.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
            }
        }
        return out.toString();
    }

    @Test
    void shouldLeaveSpecialCharactersToSnakeYaml() {
        assertThat(BlockYamlComposer.handles("a: caf\u00e9 \u4e2d\n")).isTrue();
        assertThat(BlockYamlComposer.handles("a: \u0085\n")).isFalse();
        assertThat(BlockYamlComposer.handles("a: \ud83d\ude00\n")).isFalse();
        assertThat(BlockYamlComposer.handles("a: \u2028\n")).isFalse();
        assertThat(BlockYamlComposer.handles("a:\tb\n")).isFalse();
        assertThatThrownBy(() -> blockRoots("a: 1\nb:\tc\n")).isInstanceOf(BlockYamlComposer.Unsupported.class);
        assertThatThrownBy(() -> blockRoots("a: \u2028\n")).isInstanceOf(BlockYamlComposer.Unsupported.class);
    }

    /** Files composed by the block composer, and files it declined; every composed one matched SnakeYAML. */
    private static int[] compareAll(List<Path> roots) throws IOException {
        int[] counts = new int[2];
        for (Path root : roots) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(root)) {
                files = walk.filter(Files::isRegularFile).filter(BlockYamlComposerTest::isYaml).sorted().toList();
            }
            for (Path file : files) {
                String text;
                try {
                    text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
                } catch (IOException unreadable) {
                    continue;
                }
                counts[compareFile(file.toString(), text) ? 0 : 1]++;
            }
        }
        return counts;
    }

    private static boolean isYaml(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    /** True when the block composer composed the whole text (and matched SnakeYAML), false when it declined. */
    private static boolean compareFile(String name, String text) {
        List<Node> expected;
        try {
            expected = snakeYamlRoots(text);
        } catch (RuntimeException snakeYamlRefuses) {
            if (BlockYamlComposer.handles(text)) {
                assertThatThrownBy(() -> blockRoots(text)).as(name + " is refused by SnakeYAML")
                        .isInstanceOf(BlockYamlComposer.Unsupported.class);
            }
            return false;
        }
        if (!BlockYamlComposer.handles(text)) {
            return false;
        }
        List<Node> actual;
        try {
            actual = blockRoots(text);
        } catch (BlockYamlComposer.Unsupported declined) {
            return false;
        }
        assertThat(actual).as(name + ": documents").hasSameSizeAs(expected);
        for (int i = 0; i < actual.size(); i++) {
            assertSame(name + " document " + (i + 1), expected.get(i), actual.get(i));
        }
        return true;
    }

    private static void assertSame(String where, Node expected, Node actual) {
        String at = where + " at " + (expected.getStartMark().getLine() + 1) + ":"
                + (expected.getStartMark().getColumn() + 1);
        assertThat(actual.getClass()).as(at + " node kind").isEqualTo(expected.getClass());
        assertThat(actual.getTag()).as(at + " tag").isEqualTo(expected.getTag());
        assertThat(actual.getStartMark().getLine()).as(at + " line").isEqualTo(expected.getStartMark().getLine());
        assertThat(actual.getStartMark().getColumn()).as(at + " column")
                .isEqualTo(expected.getStartMark().getColumn());
        assertThat(actual.getStartMark().getIndex()).as(at + " index").isEqualTo(expected.getStartMark().getIndex());
        if (expected instanceof ScalarNode scalar) {
            ScalarNode other = (ScalarNode) actual;
            assertThat(other.getValue()).as(at + " value").isEqualTo(scalar.getValue());
            assertThat(other.getScalarStyle()).as(at + " style").isEqualTo(scalar.getScalarStyle());
        } else if (expected instanceof SequenceNode sequence) {
            SequenceNode other = (SequenceNode) actual;
            assertThat(other.getFlowStyle()).as(at + " flow style").isEqualTo(sequence.getFlowStyle());
            assertThat(other.getValue()).as(at + " entries").hasSameSizeAs(sequence.getValue());
            for (int i = 0; i < sequence.getValue().size(); i++) {
                assertSame(where, sequence.getValue().get(i), other.getValue().get(i));
            }
        } else {
            MappingNode mapping = (MappingNode) expected;
            MappingNode other = (MappingNode) actual;
            assertThat(other.getFlowStyle()).as(at + " flow style").isEqualTo(mapping.getFlowStyle());
            assertThat(other.getValue()).as(at + " keys").hasSameSizeAs(mapping.getValue());
            for (int i = 0; i < mapping.getValue().size(); i++) {
                NodeTuple e = mapping.getValue().get(i);
                NodeTuple a = other.getValue().get(i);
                assertSame(where, e.getKeyNode(), a.getKeyNode());
                assertSame(where, e.getValueNode(), a.getValueNode());
            }
        }
    }

    private static List<Node> blockRoots(String text) throws BlockYamlComposer.Unsupported {
        BlockYamlComposer composer = new BlockYamlComposer(text,
                SafeYamlLoader.resolver(ScalarRules.KUBECTL), new java.util.HashMap<>(), YamlLimits.MANIFEST.maxDepth());
        List<Node> roots = new ArrayList<>();
        for (Node root = composer.next(); root != null; root = composer.next()) {
            roots.add(root);
        }
        return roots;
    }

    /** SnakeYAML's non-empty documents, composed as the loader composes them. */
    private static List<Node> snakeYamlRoots(String text) {
        LoaderOptions options = new SafeYamlLoader(YamlLimits.MANIFEST, ScalarRules.KUBECTL).options();
        Composer composer = new Composer(new ParserImpl(new StreamReader(new StringReader(text)), options),
                SafeYamlLoader.resolver(ScalarRules.KUBECTL), options);
        List<Node> roots = new ArrayList<>();
        while (composer.checkNode()) {
            Node root = composer.getNode();
            if (root != null && !(root instanceof ScalarNode scalar && scalar.getValue().isEmpty()
                    && scalar.getTag().equals(org.yaml.snakeyaml.nodes.Tag.NULL))) {
                roots.add(root);
            }
        }
        return roots;
    }
}
