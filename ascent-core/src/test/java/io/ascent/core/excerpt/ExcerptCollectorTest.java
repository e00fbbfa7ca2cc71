package io.ascent.core.excerpt;

import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.report.Item;
import io.ascent.core.report.Location;
import io.ascent.core.report.Severity;
import io.ascent.core.report.SourceExcerpt;
import io.ascent.core.report.Status;
import io.ascent.core.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lines around findings: read through the workspace gate, secrets redacted, line numbers kept. */
class ExcerptCollectorTest {
    // Assembled at run time so that this file is not itself a finding of the secret scan.
    private static final String KEY_HEADER = "-----BEGIN RSA " + "PRIVATE KEY-----";
    private static final String KEY_FOOTER = "-----END RSA " + "PRIVATE KEY-----";

    @TempDir
    Path repo;

    private static Item at(String path, int line, Status status) {
        return Item.builder("manifest.probes", "Probes").severity(Severity.ERROR).status(status).message("m")
                .location(new Location(path, line, 1)).build();
    }

    private List<SourceExcerpt> collect(Item... items) {
        return ExcerptCollector.collect(Workspace.of(repo), List.of(items));
    }

    private void write(String path, String text) throws Exception {
        Files.createDirectories(repo.resolve(path).getParent());
        Files.writeString(repo.resolve(path), text);
    }

    private static String numbered(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> "line " + i).collect(Collectors.joining("\n")) + "\n";
    }

    @Test
    void shouldKeepTwoLinesAroundEachFindingAndMergeNearbyOnes() throws Exception {
        write("k8s/web.yaml", numbered(30));

        List<SourceExcerpt> excerpts = collect(at("k8s/web.yaml", 5, Status.FAIL), at("k8s/web.yaml", 8, Status.WARN),
                at("k8s/web.yaml", 20, Status.BASELINED), at("k8s/web.yaml", 1, Status.PASS),
                at("k8s/web.yaml", 30, Status.SKIP));

        assertThat(excerpts).extracting(SourceExcerpt::firstLine, SourceExcerpt::lastLine)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, 10), org.assertj.core.groups.Tuple.tuple(18, 22));
        assertThat(excerpts.get(0).lines()).first().isEqualTo("line 3");
    }

    @Test
    void shouldRedactAPrivateKeyAcrossLinesAndKeepTheLineNumbers() throws Exception {
        write("k8s/secret.yaml", "kind: Secret\nstringData:\n  key: |\n    " + KEY_HEADER + "\n    MIIEow"
                + "IBAAKCAQEA7\n    bm90IGEga2V5\n    " + KEY_FOOTER + "\n  user: admin\n");

        List<SourceExcerpt> excerpts = collect(at("k8s/secret.yaml", 6, Status.FAIL), at("k8s/secret.yaml", 8,
                Status.FAIL));

        String shown = String.join("\n", excerpts.get(0).lines());
        assertThat(shown).doesNotContain("MIIEow", "bm90IGEga2V5", "PRIVATE KEY").contains("[redacted private-key]");
        assertThat(excerpts.get(0).firstLine()).isEqualTo(4);
        assertThat(excerpts.get(0).lines()).last().isEqualTo("  user: admin");
    }

    @Test
    void shouldRedactADotenvPasswordThatOnlyTheSecretScanOfSuchFilesRecognises() throws Exception {
        write("app/.env", "HOST=db\nDB_PASSWORD=hunter2-very-secret\nPORT=5432\n");

        List<SourceExcerpt> excerpts = collect(at("app/.env", 2, Status.FAIL));

        assertThat(excerpts.get(0).lines()).containsExactly("HOST=db", "DB_PASSWORD=[redacted password-assignment]",
                "PORT=5432");
    }

    @Test
    void shouldShowNothingOfFilesItMustNotRead(@TempDir Path outside) throws Exception {
        Files.writeString(outside.resolve("passwd"), numbered(10));
        Files.createSymbolicLink(repo.resolve("link.yaml"), outside.resolve("passwd"));
        Files.write(repo.resolve("image.bin"), new byte[] {'a', 0, 'b', '\n', 'c'});
        Files.write(repo.resolve("latin1.txt"), new byte[] {(byte) 0xE9, '\n'});
        Files.createDirectories(repo.resolve("folder"));

        assertThat(collect(at("link.yaml", 2, Status.FAIL), at("image.bin", 1, Status.FAIL),
                at("latin1.txt", 1, Status.FAIL), at("folder", 1, Status.FAIL), at("../escape.yaml", 1, Status.FAIL),
                at("/etc/passwd", 1, Status.FAIL), at("missing.yaml", 1, Status.FAIL))).isEmpty();
    }

    @Test
    void shouldShortenLongLinesAndIgnoreLinesPastTheEnd() throws Exception {
        write("long.yaml", "x".repeat(1000) + "\nshort\n");

        List<SourceExcerpt> excerpts = collect(at("long.yaml", 1, Status.FAIL), at("long.yaml", 99, Status.FAIL));

        assertThat(excerpts).singleElement().satisfies(excerpt -> {
            assertThat(excerpt.lines().get(0)).hasSize(ExcerptCollector.MAX_LINE_LENGTH + 1).endsWith("…");
            assertThat(excerpt.lines()).containsExactly(excerpt.lines().get(0), "short");
        });
    }
}
