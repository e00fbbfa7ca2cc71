package io.ascent.core.manifest.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.jsonschema.SchemaViolation;
import io.ascent.core.manifest.LoadedFile;
import io.ascent.core.manifest.ManifestLoader;
import io.ascent.core.manifest.Resource;
import io.ascent.core.manifest.api.KubernetesVersion;
import io.ascent.core.yaml.YamlDocument;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The structural validator against everit (the path every manifest took before it, kept for this test only): the
 * same verdict, and the same violations (pointer, location, keyword, message), for every resource of the examples,
 * every test fixture, the shared manifest corpus (/work/shared/data, when present) and damaged copies of them all
 * (fixed seed): values of other types, misspelt keys, removed lines, nulls.
 */
class StructuralValidatorComparisonTest {
    private static final List<String> VERSIONS = List.of("1.22", "1.31", "1.37");
    /** Values a damaged line gets: each type, numbers at the edges, YAML 1.1 spellings, collections. */
    private static final List<String> VALUES = List.of("42", "-1", "0", "1.5", "true", "yes", "\"text\"", "abc",
            "0644", "null", "~", "[]", "{}", "[a, 1]", "{a: 1}", "\"\"", "9999999999999999999999", "2024-01-01",
            "\"1.30\"", "1.30", "-0.5", "\"a/b\"", "x~y");

    @Test
    void shouldMatchEveritOnEveryResourceOfTheCorpusAndOnDamagedCopies() {
        Map<String, String> texts = corpus();
        assertThat(texts).hasSizeGreaterThan(100);
        Random random = new Random(17);
        texts.put("generated/gadget-crd.yaml", GADGET_CRD);
        for (int i = 0; i < 400; i++) {
            texts.put("generated/gadget-" + i + ".yaml", gadget(i, random));
        }
        Map<String, String> damaged = new LinkedHashMap<>();
        for (Map.Entry<String, String> text : texts.entrySet()) {
            for (int variant = 0; variant < 4; variant++) {
                damaged.put(text.getKey() + "#" + variant, damage(text.getValue(), random));
            }
        }
        List<Resource> resources = new ArrayList<>();
        ManifestLoader loader = new ManifestLoader();
        for (Map<String, String> set : List.of(texts, damaged)) {
            for (Map.Entry<String, String> text : set.entrySet()) {
                LoadedFile file = loader.parse(text.getValue(), text.getKey());
                resources.addAll(file.resources());
            }
        }
        List<YamlDocument> documents = resources.stream().map(Resource::document).distinct().toList();
        int compared = 0;
        int invalid = 0;
        for (boolean strict : List.of(true, false)) {
            ResourceSchemaValidator structural = builder(strict, documents).build();
            ResourceSchemaValidator everit = builder(strict, documents).everitOnly().build();
            for (String version : VERSIONS) {
                KubernetesVersion target = KubernetesVersion.parse(version);
                for (Resource resource : resources) {
                    if (resource.apiVersion() == null || resource.kind() == null) {
                        continue;
                    }
                    SchemaResult expected = everit.validate(resource.document(), resource.pointer(),
                            resource.apiVersion(), resource.kind(), target);
                    SchemaResult actual = structural.validate(resource.document(), resource.pointer(),
                            resource.apiVersion(), resource.kind(), target);
                    String where = resource.path() + " " + resource.pointer() + " " + version + " strict=" + strict;
                    assertThat(describe(actual)).as(where).isEqualTo(describe(expected));
                    compared++;
                    if (expected instanceof SchemaResult.Checked checked && !checked.valid()) {
                        invalid++;
                    }
                }
            }
        }
        assertThat(compared).isGreaterThan(5000);
        assertThat(invalid).isGreaterThan(1000);
    }

    private static ResourceSchemaValidator.Builder builder(boolean strict, List<YamlDocument> documents) {
        return ResourceSchemaValidator.builder().strict(strict).fetcher(SchemaFetcher.offline())
                .customResourceDefinitions(documents);
    }

    /** The verdict and the violations, sorted (everit's order within one position depends on hash codes). */
    private static List<String> describe(SchemaResult result) {
        if (result instanceof SchemaResult.Skipped skipped) {
            return List.of("skipped: " + skipped.sentence());
        }
        SchemaResult.Checked checked = (SchemaResult.Checked) result;
        List<String> out = new ArrayList<>();
        out.add("checked: " + checked.source() + " " + checked.notes());
        checked.violations().stream()
                .sorted(Comparator.comparing((SchemaViolation v) -> v.location().line())
                        .thenComparing(v -> v.location().column()).thenComparing(SchemaViolation::message)
                        .thenComparing(SchemaViolation::pointer))
                .map(v -> v.location() + " " + v.pointer() + " " + v.keyword() + " " + v.message())
                .forEach(out::add);
        return out;
    }

    /**
     * A CRD whose schema uses every keyword of the structural subset, and one version with a keyword outside it
     * ({@code not}), which both paths validate with everit.
     */
    private static final String GADGET_CRD = """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata: {name: gadgets.test.ascent.dev}
            spec:
              group: test.ascent.dev
              scope: Namespaced
              names: {plural: gadgets, singular: gadget, kind: Gadget}
              versions:
                - name: v1
                  served: true
                  storage: true
                  schema:
                    openAPIV3Schema:
                      type: object
                      properties:
                        spec:
                          type: object
                          required: [name, size]
                          properties:
                            name: {type: string, minLength: 3, maxLength: 12, pattern: '^[a-z][a-z0-9-]*$'}
                            size: {type: integer, minimum: 1, maximum: 100, multipleOf: 5}
                            ratio: {type: number, minimum: 0, maximum: 1, exclusiveMaximum: true}
                            mode: {type: string, enum: [fast, slow, auto]}
                            level: {type: integer, enum: [1, 2, 3], nullable: true}
                            port: {x-kubernetes-int-or-string: true, pattern: '^[0-9]+%?$'}
                            portAny: {x-kubernetes-int-or-string: true, anyOf: [{type: integer}, {type: string}]}
                            tags:
                              type: array
                              items: {type: string, maxLength: 5}
                              minItems: 1
                              maxItems: 3
                              uniqueItems: true  # not a CRD keyword the API server takes: here only to compare the validators
                            when: {type: string, format: date-time}
                            labels:
                              type: object
                              additionalProperties: {type: string, minLength: 2}
                              minProperties: 1
                              maxProperties: 2
                            raw: {type: object, x-kubernetes-preserve-unknown-fields: true}
                            embedded:
                              type: object
                              x-kubernetes-embedded-resource: true
                              properties: {spec: {type: object, properties: {n: {type: integer}}}}
                            choice:
                              type: object
                              properties: {a: {type: string}, b: {type: integer}, c: {type: boolean}}
                              oneOf: [{required: [a]}, {required: [b]}]
                            either:
                              type: object
                              properties: {left: {type: string}, right: {type: string}}
                              anyOf: [{required: [left]}, {required: [right]}]
                            pick:
                              type: object
                              properties: {host: {type: string}, port: {type: integer}, url: {type: string}}
                              oneOf: [{required: [url]}, {required: [host, port]}]
                            source:
                              type: object
                              properties:
                                secretRef: {type: object, properties: {name: {type: string}}}
                                configMapRef: {type: object, properties: {name: {type: string}}}
                                inline: {type: string, minLength: 1}
                              anyOf: [{required: [secretRef]}, {required: [configMapRef]}, {required: [inline]}]
                            both:
                              type: string
                              allOf: [{minLength: 2}, {maxLength: 4}]
                            entries:
                              type: array
                              items:
                                type: object
                                required: [id, kind]
                                properties:
                                  id: {type: integer, minimum: 0, exclusiveMinimum: true}
                                  kind: {type: string, default: plain}
                                  note: {type: string, nullable: true}
                                  weight: {type: number, multipleOf: 0.5, maximum: 10}
                - name: v2
                  served: true
                  storage: false
                  schema:
                    openAPIV3Schema:
                      type: object
                      properties:
                        spec:
                          type: object
                          properties:
                            name: {type: string}
                          not: {required: [forbidden]}
            """;

    private static final Map<String, List<String>> GADGET_VALUES = Map.ofEntries(
            Map.entry("name", List.of("web", "ab", "a-very-long-name-indeed", "Web", "9lives", "ok-1", "42", "null")),
            Map.entry("size", List.of("5", "7", "0", "105", "100", "\"5\"", "5.0", "-5", "null")),
            Map.entry("ratio", List.of("0.5", "1", "1.0", "-0.1", "0", "half", "true")),
            Map.entry("mode", List.of("fast", "slow", "Fast", "3", "[fast]", "~")),
            Map.entry("level", List.of("1", "4", "2.0", "null", "one", "~")),
            Map.entry("port", List.of("8080", "\"80%\"", "http", "80.5", "true", "{}")),
            Map.entry("portAny", List.of("8080", "http", "80.5", "[1]", "false")),
            Map.entry("tags", List.of("[a, b]", "[a, a]", "[]", "[a, b, c, d]", "[toolong]", "[1, 2]", "a", "[null]")),
            Map.entry("when", List.of("2024-01-01T00:00:00Z", "2024-01-01", "yesterday", "\"2024-13-01T00:00:00Z\"",
                    "2024-01-01T10:00:00.123+02:00")),
            Map.entry("labels", List.of("{a: bb}", "{}", "{a: b}", "{a: bb, c: dd, e: ff}", "{a: 1}", "{a/b: x}",
                    "{\"x~y\": z, q/r: {}}")),
            Map.entry("raw", List.of("{anything: [1, 2, {x: y}]}", "[]", "7")),
            Map.entry("embedded", List.of("{apiVersion: v1, kind: X, metadata: {name: n}, spec: {n: 1}}",
                    "{kind: 3, spec: {n: x}}", "{metadata: [], extra: 1}")),
            Map.entry("choice", List.of("{a: x}", "{b: 1}", "{a: x, b: 1}", "{c: true}", "{a: 1}", "{}")),
            Map.entry("either", List.of("{left: a}", "{right: b}", "{left: a, right: b}", "{}", "{left: 1}", "{z: q}")),
            Map.entry("pick", List.of("{url: u}", "{}", "{host: h}", "{host: h, port: 1, url: u}", "{port: x}",
                    "{host: h, port: 2}")),
            Map.entry("source", List.of("{inline: x}", "{}", "{inline: \"\"}", "{secretRef: {name: 1}}",
                    "{configMapRef: []}", "{secretRef: {name: s}, inline: 3}")),
            Map.entry("both", List.of("abc", "a", "abcdef", "12", "12345", "[ab]")),
            Map.entry("entries", List.of("[{id: 1, kind: a}]", "[{id: 0, kind: a}]", "[{id: 1}]",
                    "[{kind: b, note: null}]", "[{id: 2, kind: c, weight: 2.5}]", "[{id: 2, kind: c, weight: 2.3}]",
                    "[{id: 2, kind: c, weight: 11}]", "[null]", "[{id: -1, kind: x, extra: 1}, {id: one}]")),
            Map.entry("unknownField", List.of("1", "{a: b}")));
    // The first value of each list is valid.

    /** A Gadget with a random choice of valid and invalid values for a random choice of fields. */
    private static String gadget(int index, Random random) {
        StringBuilder text = new StringBuilder("apiVersion: test.ascent.dev/").append(random.nextInt(6) == 0 ? "v2" : "v1")
                .append("\nkind: Gadget\nmetadata:\n  name: g").append(index).append("\nspec:\n");
        List<String> fields = new ArrayList<>(GADGET_VALUES.keySet());
        java.util.Collections.sort(fields);
        // Half the gadgets are mostly valid (each list starts with a valid value), so that a lone violation shows.
        boolean mostlyValid = random.nextBoolean();
        for (String field : fields) {
            if (field.equals("unknownField") && random.nextInt(8) > 0) {
                continue;
            }
            if (random.nextInt(3) > 0 || field.equals("name") || field.equals("size")) {
                List<String> values = GADGET_VALUES.get(field);
                String value = mostlyValid && random.nextInt(8) > 0 ? values.get(0)
                        : values.get(random.nextInt(values.size()));
                text.append("  ").append(field).append(": ").append(value).append('\n');
            }
        }
        return text.toString();
    }

    /** Between one and three lines changed: a value replaced, a key misspelt, a line removed or doubled. */
    private static String damage(String text, Random random) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int changes = 1 + random.nextInt(3);
        for (int c = 0; c < changes && !lines.isEmpty(); c++) {
            int i = random.nextInt(lines.size());
            String line = lines.get(i);
            int colon = line.indexOf(": ");
            int choice = random.nextInt(5);
            if (colon > 0 && choice <= 1) {
                lines.set(i, line.substring(0, colon + 2) + VALUES.get(random.nextInt(VALUES.size())));
            } else if (colon > 0 && choice == 2) {
                lines.set(i, line.substring(0, colon) + "x" + line.substring(colon));
            } else if (choice == 3) {
                lines.remove(i);
            } else if (line.endsWith(":")) {
                lines.set(i, line + " " + VALUES.get(random.nextInt(VALUES.size())));
            } else {
                lines.add(i, line);
            }
        }
        return String.join("\n", lines);
    }

    /** Every YAML file of the examples, the test resources and the shared corpus, by path. */
    private static Map<String, String> corpus() {
        Path root = Path.of("").toAbsolutePath();
        Path repository = Files.exists(root.resolve("examples")) ? root : root.getParent();
        Map<String, String> texts = new LinkedHashMap<>();
        for (Path folder : List.of(repository.resolve("examples"), repository.resolve("ascent-core/src/test/resources"),
                repository.resolve("ascent-cli/src/test/resources"), Path.of("/work/shared/data"))) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    String name = file.getFileName().toString();
                    if ((name.endsWith(".yaml") || name.endsWith(".yml")) && Files.size(file) < 2_000_000) {
                        texts.put(repository.relativize(file.toAbsolutePath()).toString(),
                                new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return texts;
    }
}
