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
            return List.of("skipped: " + skipped.reason());
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
