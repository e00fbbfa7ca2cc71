package io.ascent.core.manifest.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.manifest.Resource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** docs/checks.md documents every registered manifest check, with its default severity, and the annotation. */
class ChecksDocumentationTest {
    private static final Path DOCUMENT = Path.of("..", "docs", "checks.md");

    @Test
    void shouldDocumentEveryCheckWithItsDefaultSeverity() throws Exception {
        String text = Files.readString(DOCUMENT);
        for (io.ascent.core.report.CheckDescription check : ManifestChecks.descriptions()) {
            String heading = "### `" + check.id() + "`";
            assertThat(text).as("docs/checks.md needs a section " + heading).contains(heading);
            String section = text.substring(text.indexOf(heading) + heading.length());
            int next = section.indexOf("\n### ");
            section = next < 0 ? section : section.substring(0, next);
            assertThat(section).as(check.id() + " in docs/checks.md")
                    .contains("Default severity: **" + check.defaultSeverity().label() + "**")
                    .contains("Looks at:").contains("Fix:").contains("Exempt:");
        }
        assertThat(text).contains(Resource.EXEMPT_ANNOTATION);
    }

    @Test
    void shouldRegisterEveryCheckOnceWithAStableManifestId() {
        List<io.ascent.core.report.CheckDescription> all = ManifestChecks.descriptions();
        Set<String> ids = new HashSet<>();
        for (io.ascent.core.report.CheckDescription check : all) {
            assertThat(check.id()).matches("manifest\\.[a-z]+(-[a-z]+)*");
            assertThat(ids.add(check.id())).as("id %s registered twice", check.id()).isTrue();
        }
        // Ids the example checklist already relies on must not change.
        assertThat(ids).contains("manifest.pod-disruption-budget", "manifest.read-only-root-filesystem");
    }
}
