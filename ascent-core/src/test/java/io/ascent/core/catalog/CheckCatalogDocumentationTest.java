package io.ascent.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.manifest.check.ManifestChecks;
import io.ascent.core.report.CheckDescription;
import io.ascent.core.repo.RepositoryRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/ list exactly the catalog's ids, and docs/checks.md carries the table generated from the catalog. Run with
 * {@code -Dascent.updateDocs=true} to rewrite the table after adding a check.
 */
class CheckCatalogDocumentationTest {
    private static final Path CHECKS = Path.of("..", "docs", "checks.md");
    private static final Path REPOSITORY_RULES = Path.of("..", "docs", "repository-rules.md");
    private static final String BEGIN =
            "<!-- BEGIN generated from the check catalog by CheckCatalogDocumentationTest -->";
    private static final String END = "<!-- END generated -->";

    @Test
    void shouldGiveEveryIdOnceWithAllItsTexts() {
        Set<String> ids = new HashSet<>();
        for (CheckDescription d : CheckCatalog.all()) {
            assertThat(ids.add(d.id())).as("id %s registered twice", d.id()).isTrue();
            assertThat(d.id()).matches("(checklist|repo|manifest|preflight|provision|gc|ascent)(\\.[a-z]+(-[a-z]+)*)+");
            assertThat(List.of(d.title(), d.explanation().looksAt(), d.explanation().why(), d.explanation().fix()))
                    .as(d.id()).allSatisfy(text -> assertThat(text).isNotBlank());
            assertThat(d.control()).as(d.id()).isNotEmpty();
        }
        assertThat(CheckCatalog.find("manifest.privileged")).isPresent();
        assertThat(CheckCatalog.find("manifest.privilege")).isEmpty();
    }

    @Test
    void shouldCarryTheGeneratedTableOfEveryIdInChecksMd() throws Exception {
        String text = Files.readString(CHECKS);
        String table = table();
        assertThat(text).as("docs/checks.md needs the markers " + BEGIN + " ... " + END).contains(BEGIN, END);
        String current = text.substring(text.indexOf(BEGIN) + BEGIN.length(), text.indexOf(END));
        if (!current.equals(table) && Boolean.getBoolean("ascent.updateDocs")) {
            Files.writeString(CHECKS, text.substring(0, text.indexOf(BEGIN) + BEGIN.length()) + table
                    + text.substring(text.indexOf(END)));
            current = table;
        }
        assertThat(current).as("the table in docs/checks.md is stale: run this test with -Dascent.updateDocs=true")
                .isEqualTo(table);
    }

    @Test
    void shouldHaveASectionInChecksMdForExactlyTheManifestChecks() throws Exception {
        Set<String> documented = matches(Files.readString(CHECKS), "(?m)^### `(manifest\\.[a-z-]+)`");
        Set<String> registered = new LinkedHashSet<>();
        ManifestChecks.descriptions().forEach(d -> registered.add(d.id()));
        assertThat(documented).containsExactlyInAnyOrderElementsOf(registered);
    }

    @Test
    void shouldListExactlyTheRepositoryRulesInRepositoryRulesMd() throws Exception {
        Set<String> documented = matches(Files.readString(REPOSITORY_RULES), "`(repo\\.[a-z-]+)`");
        Set<String> registered = new LinkedHashSet<>();
        for (RepositoryRule rule : RepositoryRule.values()) {
            registered.add(rule.id());
        }
        assertThat(documented).containsExactlyInAnyOrderElementsOf(registered);
    }

    private static Set<String> matches(String text, String regex) {
        Set<String> found = new LinkedHashSet<>();
        Matcher matcher = Pattern.compile(regex).matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static String table() {
        StringBuilder table = new StringBuilder("\n| id | area | default severity | title |\n|---|---|---|---|\n");
        for (CheckDescription d : CheckCatalog.all()) {
            table.append("| `").append(d.id()).append("` | ").append(d.area()).append(" | ")
                    .append(d.defaultSeverity().label()).append(" | ").append(d.title()).append(" |\n");
        }
        return table.toString();
    }
}
