package io.ascent.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code ascent checks ID} explains every id a report can carry: each string constant in the engine's sources
 * that has the form of a built-in id (the reserved prefixes, as {@code checklist.ids} reserves them) is in the
 * catalog. A new item id added anywhere without a description fails here, naming the file that holds it.
 */
class EmittedIdsTest {
    private static final Path SOURCES = Path.of("src", "main", "java");
    /** A whole string literal with a reserved prefix, such as "provision.preflight.server". */
    private static final Pattern ID_LITERAL = Pattern.compile(
            "\"((?:ascent|checklist|repo|manifest|provision|preflight|gc)(?:\\.[a-z][a-z0-9]*(?:-[a-z0-9]+)*)+)\"");
    /** Literals of that form that are file names or properties, not item ids. */
    private static final Set<String> NOT_IDS = Set.of(
            "ascent.yaml", "ascent.yml", // the checklist's file names
            "ascent.sarif", // a report file name
            "ascent.interrupted"); // the JUnit suite property of an interrupted run

    @Test
    void shouldDescribeEveryIdTheEngineCanEmit() throws IOException {
        Map<String, Path> emitted = emittedIds();
        assertThat(emitted).as("the scan found the ids it should (is it reading the sources?)")
                .containsKeys("ascent.time-limit", "manifest.target-version", "preflight.kind",
                        "provision.preflight.server", "gc.namespace", "repo.secrets");
        Set<String> catalog = Set.copyOf(CheckCatalog.ids());
        emitted.forEach((id, file) -> assertThat(catalog)
                .as("%s (in %s) is an id a report can carry, so the catalog must describe it", id, file)
                .contains(id));
    }

    @Test
    void shouldListNoIdTheEngineNeverEmits() throws IOException {
        Set<String> emitted = emittedIds().keySet();
        assertThat(CheckCatalog.ids()).allSatisfy(id -> assertThat(emitted).as("catalog id %s", id).contains(id));
    }

    private static Map<String, Path> emittedIds() throws IOException {
        Map<String, Path> ids = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher matcher = ID_LITERAL.matcher(Files.readString(file));
                while (matcher.find()) {
                    if (!NOT_IDS.contains(matcher.group(1))) {
                        ids.putIfAbsent(matcher.group(1), file);
                    }
                }
            }
        }
        return ids;
    }
}
