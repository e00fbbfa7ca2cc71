package io.ascent.core.manifest.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.manifest.ManifestWorkspace;
import io.ascent.core.report.Item;
import io.ascent.core.report.Status;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every fixture of {@code src/test/resources/manifest-checks/<id>/{pass,fail,skip}/} alone through the
 * manifest step (see the README there): a pass file yields exactly one PASS item of its check, a fail file exactly
 * the problems its {@code # expect:} lines name, at their positions, a skip file only the SKIPs its
 * {@code # skip:} lines name.
 */
class ManifestCheckFixturesTest {
    private static final String ROOT = "/manifest-checks";

    @TempDir
    Path repository;

    static Stream<String> fixtures() throws IOException, URISyntaxException {
        Path root = Path.of(ManifestCheckFixturesTest.class.getResource(ROOT).toURI());
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".yaml"))
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void shouldReportWhatTheFixtureExpects(String fixture) throws Exception {
        String id = fixture.substring(0, fixture.indexOf('/'));
        boolean passes = fixture.contains("/pass/");
        boolean judgesNothing = fixture.contains("/skip/");
        String text = Files.readString(Path.of(getClass().getResource(ROOT + "/" + fixture).toURI()));
        String target = header(text, "target").stream().findFirst().orElse("1.31");

        String level = header(text, "level").stream().findFirst()
                .map(l -> "  checks:\n    manifest.pod-security:\n      level: " + l + "\n").orElse("");
        ManifestWorkspace workspace = new ManifestWorkspace(repository)
                .checklist("kubernetes:\n  version: \"" + target + "\"\n  manifests: [deploy/]\n" + level)
                .write("deploy/" + fixture.substring(fixture.lastIndexOf('/') + 1), text);
        List<Item> items = workspace.validate(id, Optional.empty());

        List<String> skips = header(text, "skip");
        List<Item> skipped = items.stream().filter(i -> i.status() == Status.SKIP).toList();
        assertThat(skipped).as(describe(items)).hasSameSizeAs(skips);
        assertPresent(skips, skipped, items, false);
        if (judgesNothing) {
            // Every object was skipped: the SKIPs say why, and a PASS beside them would claim what was not checked.
            assertThat(skips).as("a skip fixture names what it skips").isNotEmpty();
            assertThat(items).as(describe(items)).hasSameSizeAs(skips);
            return;
        }
        if (passes) {
            assertThat(items).as(describe(items)).hasSize(1 + skips.size());
            assertThat(items.get(0).status()).as(describe(items)).isEqualTo(Status.PASS);
            // What the PASS says it looked at: a check that stops counting, or says another thing, is caught.
            header(text, "pass").forEach(message -> assertThat(items.get(0).message()).isEqualTo(message));
            return;
        }
        List<String> expected = header(text, "expect");
        assertThat(expected).as("a fail fixture names what it expects").isNotEmpty();
        List<Item> problems = items.stream().filter(i -> i.status() != Status.SKIP).toList();
        assertThat(problems).as(describe(items)).allMatch(i -> i.status() == Status.FAIL || i.status() == Status.WARN)
                .hasSameSizeAs(expected);
        assertPresent(expected, problems, items, true);
        // What a problem says to write: a fix that names the wrong version, or none, is caught.
        for (String fix : header(text, "fix")) {
            String position = fix.substring(0, fix.indexOf(' '));
            String remediation = fix.substring(fix.indexOf(' ') + 1);
            assertThat(problems).as("fix %s in %s", fix, describe(items)).anyMatch(i -> i.remediation() != null
                    && i.remediation().contains(remediation) && position.equals(
                            i.location().line() + ":" + i.location().column()));
        }
    }

    /** Each expectation ({@code LINE:COL text}) matches one of {@code candidates}, each candidate at most once. */
    private static void assertPresent(List<String> expected, List<Item> candidates, List<Item> items,
            boolean problems) {
        List<Item> unmatched = new ArrayList<>(candidates);
        for (String expectation : expected) {
            String position = expectation.substring(0, expectation.indexOf(' '));
            String message = expectation.substring(expectation.indexOf(' ') + 1);
            int line = Integer.parseInt(position.split(":")[0]);
            int column = Integer.parseInt(position.split(":")[1]);
            Optional<Item> match = unmatched.stream().filter(i -> i.message().contains(message)
                    && i.location().line() == line && i.location().column() == column).findFirst();
            assertThat(match).as("expected %s in %s", expectation, describe(items)).isPresent();
            unmatched.remove(match.get());
            if (problems) {
                assertThat(match.get().remediation()).as("every finding says what to write").isNotBlank();
            }
            assertThat(match.get().key()).as("every finding has a line-independent key").isNotBlank();
        }
    }

    @Test
    void shouldHaveAPassAndAFailFixtureForEveryCheck() throws Exception {
        List<String> fixtures = fixtures().toList();
        // manifest.parse (ManifestLoaderTest: a broken file cannot be a fixture here) and manifest.settings
        // (ManifestValidationStepTest: it is about the checklist) are not checks of resources.
        for (String id : ManifestChecks.configurableIds()) {
            assertThat(fixtures).as(id).anyMatch(f -> f.startsWith(id + "/pass/"))
                    .anyMatch(f -> f.startsWith(id + "/fail/"));
        }
    }

    private static List<String> header(String text, String name) {
        String prefix = "# " + name + ": ";
        return text.lines().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length()).strip())
                .toList();
    }

    private static String describe(List<Item> items) {
        return items.stream().map(i -> i.status() + " " + i.location() + " " + i.message()
                + (i.remediation() == null ? "" : " [fix: " + i.remediation() + "]"))
                .collect(Collectors.joining("\n", "\n", "\n"));
    }
}
