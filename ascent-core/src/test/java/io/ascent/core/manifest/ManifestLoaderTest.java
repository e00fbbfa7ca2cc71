package io.ascent.core.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.report.Status;
import io.ascent.core.workspace.ConfinedFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestLoaderTest {
    private final ManifestLoader loader = new ManifestLoader();

    @Test
    void shouldReadEveryDocumentIgnoringEmptyOnesAndKeepTheirPositions() {
        LoadedFile file = loader.parse("""
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: a}
                ---
                ---
                # only a comment
                ---
                apiVersion: v1
                kind: Secret
                metadata: {name: b}
                """, "deploy/all.yaml");
        assertThat(file.problems()).isEmpty();
        assertThat(file.resources()).extracting(Resource::displayName).containsExactly("ConfigMap/a", "Secret/b");
        assertThat(file.resources()).extracting(r -> r.location().toString())
                .containsExactly("deploy/all.yaml:2:1", "deploy/all.yaml:9:1");
    }

    @Test
    void shouldExpandListKindsKeepingEachEntrysPosition() {
        LoadedFile file = loader.parse("""
                apiVersion: v1
                kind: List
                items:
                  - apiVersion: v1
                    kind: ConfigMap
                    metadata: {name: a}
                  - apiVersion: apps/v1
                    kind: Deployment
                    metadata: {name: b, namespace: shop}
                """, "deploy/list.yaml");
        assertThat(file.resources()).extracting(Resource::displayName).containsExactly("ConfigMap/a", "Deployment/b");
        Resource second = file.resources().get(1);
        assertThat(second.location()).hasToString("deploy/list.yaml:7:5");
        assertThat(second.namespace()).isEqualTo("shop");
        assertThat(second.locationAt(java.util.List.of("metadata", "name"))).hasToString("deploy/list.yaml:9:22");
    }

    @Test
    void shouldReadJson() {
        LoadedFile file = loader.parse("{\"apiVersion\": \"v1\", \"kind\": \"Namespace\", \"metadata\": {\"name\": \"shop\"}}",
                "deploy/ns.json");
        assertThat(file.resources()).extracting(Resource::displayName).containsExactly("Namespace/shop");
    }

    @Test
    void shouldReportADocumentThatIsNotAnObject() {
        LoadedFile file = loader.parse("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\n- a\n- b\n",
                "deploy/mixed.yaml");
        assertThat(file.resources()).hasSize(1);
        assertThat(file.problems()).singleElement().satisfies(item -> {
            assertThat(item.status()).isEqualTo(Status.ERROR);
            assertThat(item.location()).hasToString("deploy/mixed.yaml:5:1");
            assertThat(item.message()).startsWith("document 2 is a list, not an object");
        });
    }

    @Test
    void shouldReportYamlErrorsWithLineAndColumn() {
        LoadedFile file = loader.parse("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n",
                "deploy/dup.yaml");
        assertThat(file.problems()).singleElement().satisfies(item -> {
            assertThat(item.id()).isEqualTo("manifest.parse");
            assertThat(item.location()).hasToString("deploy/dup.yaml:5:3");
            assertThat(item.message()).contains("duplicate key 'name'");
        });
    }

    @Test
    void shouldReportAnAliasBombNamingTheFile() {
        StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'k'; c++) {
            char p = (char) (c - 1);
            bomb.append(c).append(": &").append(c).append(" [*").append(p).append(", *").append(p).append(", *")
                    .append(p).append(", *").append(p).append(", *").append(p).append(", *").append(p).append("]\n");
        }
        assertSingleParseError(loader.parse(bomb.toString(), "deploy/bomb.yaml"), "deploy/bomb.yaml");
    }

    @Test
    void shouldReportABinaryFileNamingIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("image.yaml");
        Files.write(file, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, (byte) 0xff, (byte) 0xfe});
        assertSingleParseError(loader.load(ConfinedFiles.under(dir, Long.MAX_VALUE),
                new ManifestFile(file, "deploy/image.yaml")), "deploy/image.yaml");
    }

    @Test
    void shouldReportAHugeFileWithoutReadingIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("huge.yaml");
        byte[] line = "# padding padding padding padding padding padding padding padding padding\n"
                .getBytes(StandardCharsets.UTF_8);
        try (var out = Files.newOutputStream(file)) {
            for (int written = 0; written <= 17 * 1024 * 1024; written += line.length) {
                out.write(line);
            }
        }
        LoadedFile loaded = loader.load(ConfinedFiles.under(dir, Long.MAX_VALUE),
                new ManifestFile(file, "deploy/huge.yaml"));
        assertSingleParseError(loaded, "deploy/huge.yaml");
        assertThat(loaded.problems().get(0).message()).contains("the limit is");
    }

    @Test
    void shouldReportDeepNestingNamingTheFile() {
        String deep = "[".repeat(5_000) + "]".repeat(5_000);
        assertSingleParseError(loader.parse(deep, "deploy/deep.yaml"), "deploy/deep.yaml");
    }

    @Test
    void shouldReportAMissingFile(@TempDir Path dir) {
        assertSingleParseError(loader.load(ConfinedFiles.under(dir, Long.MAX_VALUE),
                new ManifestFile(dir.resolve("gone.yaml"), "deploy/gone.yaml")),
                "deploy/gone.yaml");
    }

    private static void assertSingleParseError(LoadedFile file, String path) {
        assertThat(file.resources()).isEmpty();
        assertThat(file.problems()).singleElement().satisfies(item -> {
            assertThat(item.id()).isEqualTo("manifest.parse");
            assertThat(item.status()).isEqualTo(Status.ERROR);
            assertThat(item.location().path()).isEqualTo(path);
            assertThat(item.message()).isNotBlank().doesNotContain("Exception").doesNotContain("snakeyaml");
        });
    }

    @Test
    void shouldDescribeEveryDocumentThatIsNotAnObject() {
        LoadedFile file = loader.parse("- a\n---\n~\n---\nhello\n---\n42\n", "deploy/odd.yaml");
        assertThat(file.resources()).isEmpty();
        assertThat(file.problems()).extracting(item -> item.location() + " " + item.message().split(",")[0])
                .containsExactly("deploy/odd.yaml:1:1 document 1 is a list", "deploy/odd.yaml:3:1 document 2 is null",
                        "deploy/odd.yaml:5:1 document 3 is a plain value",
                        "deploy/odd.yaml:7:1 document 4 is a plain value");
    }

    @Test
    void shouldReadAListWithEmptyItemsAsNoObjects() {
        LoadedFile file = loader.parse("apiVersion: v1\nkind: List\nitems:\n", "deploy/empty.yaml");
        assertThat(file.resources()).isEmpty();
        assertThat(file.problems()).isEmpty();
    }

    @Test
    void shouldReportEachListEntryThatIsNotAnObjectAndKeepTheOthers() {
        LoadedFile file = loader.parse("""
                apiVersion: v1
                kind: ConfigMapList
                items:
                  - a
                  - ~
                  - [x]
                  - {apiVersion: v1, kind: ConfigMap, metadata: {name: kept}}
                """, "deploy/list.yaml");
        assertThat(file.resources()).extracting(Resource::displayName).containsExactly("ConfigMap/kept");
        assertThat(file.resources().get(0).pointer()).containsExactly("items", "3");
        assertThat(file.problems()).extracting(item -> item.location() + " " + item.message()).containsExactly(
                "deploy/list.yaml:4:5 entry 0 of ConfigMapList is a plain value, not an object",
                "deploy/list.yaml:5:5 entry 1 of ConfigMapList is null, not an object",
                "deploy/list.yaml:6:5 entry 2 of ConfigMapList is a list, not an object");
    }

    @Test
    void shouldKeepAListKindWhoseItemsAreNoSequenceAsOneObject() {
        LoadedFile file = loader.parse("apiVersion: v1\nkind: List\nitems: {a: 1}\n---\n"
                + "apiVersion: v1\nkind: List\n", "deploy/list.yaml");
        assertThat(file.problems()).isEmpty();
        assertThat(file.resources()).extracting(Resource::pointer).containsExactly(List.of(), List.of());
        assertThat(file.resources()).extracting(Resource::isListWithoutItems).containsExactly(false, true);
    }

    @Test
    void shouldReadOnlyStringsAsKindVersionNameAndNamespaceAsTheJsonCopyHasThem() {
        LoadedFile file = loader.parse("""
                apiVersion: 1
                kind: yes
                metadata: [a]
                ---
                apiVersion: "1"
                kind: "yes"
                metadata: {generateName: web-, namespace: ~}
                ---
                apiVersion: v1
                kind: 2024-01-01
                metadata: {name: 10, generateName: web-, namespace: shop, annotations: {ascent.dev/exempt: 5}}
                """, "deploy/typed.yaml");
        assertThat(file.resources()).extracting(Resource::displayName)
                .containsExactly("(no kind)/(no name)", "yes/web-", "2024-01-01/web-");
        assertThat(file.resources()).extracting(Resource::apiVersion).containsExactly(null, "1", "v1");
        assertThat(file.resources()).extracting(Resource::namespace).containsExactly("", "", "shop");
        assertThat(file.resources().get(2).exemptions()).isEmpty();
        for (Resource resource : file.resources()) {
            JSONObject json = resource.json();
            JSONObject metadata = json.optJSONObject("metadata");
            assertThat(resource.kind()).isEqualTo(json.opt("kind") instanceof String s ? s : null);
            assertThat(resource.apiVersion()).isEqualTo(json.opt("apiVersion") instanceof String s ? s : null);
            assertThat(resource.namespace()).isEqualTo(metadata == null ? "" : metadata.optString("namespace", ""));
        }
    }

    @Test
    void shouldAnswerWhatEveryRunAsksWithoutBuildingTheJsonCopy() {
        LoadedFile file = loader.parse("""
                apiVersion: v1
                kind: List
                items:
                  - apiVersion: apps/v1
                    kind: Deployment
                    metadata:
                      name: web
                      namespace: shop
                      annotations: {ascent.dev/exempt: manifest.probes}
                    spec: {replicas: 2}
                """, "deploy/list.yaml");
        Resource resource = file.resources().get(0);
        assertThat(resource.ref().exemptions()).containsExactly("manifest.probes");
        assertThat(resource.isListWithoutItems()).isFalse();
        assertThat(resource.displayName() + " " + resource.apiVersion() + " " + resource.landingNamespace())
                .isEqualTo("Deployment/web apps/v1 shop");
        assertThat(resource.document().hasJson()).isFalse();
        JSONObject json = resource.json();
        assertThat(json.getJSONObject("spec").getInt("replicas")).isEqualTo(2);
        assertThat(resource.json()).isSameAs(json);
        assertThat(resource.document().hasJson()).isTrue();
    }

    @Test
    void shouldTellExemptionsFromTheAnnotation() {
        Resource resource = loader.parse("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: p
                  annotations:
                    ascent.dev/exempt: " manifest.probes ,manifest.resources,"
                """, "p.yaml").resources().get(0);
        assertThat(resource.exemptions()).containsExactly("manifest.probes", "manifest.resources");
    }

    @Test
    void shouldRefuseAManifestThatLinksOutOfTheRepositoryWithoutReadingIt(@TempDir Path outside) throws Exception {
        Path repository = Files.createDirectories(outside.resolve("repo"));
        Path secret = Files.writeString(outside.resolve("credentials.yaml"), "token: ghp_outsideTheRepository\n");
        Path link = Files.createSymbolicLink(repository.resolve("app.yaml"), secret);

        LoadedFile loaded = loader.load(ConfinedFiles.under(repository, Long.MAX_VALUE),
                new ManifestFile(link, "app.yaml"));

        assertSingleParseError(loaded, "app.yaml");
        assertThat(loaded.problems().get(0).message())
                .contains("symbolic link that leads out")
                .doesNotContain("ghp_outsideTheRepository", "credentials");
        assertThat(loaded.resources()).isEmpty();
    }

    @Test
    void shouldRefuseANamedPipeInsteadOfBlockingOnIt(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("pipe.yaml");
        org.junit.jupiter.api.Assumptions.assumeTrue(
                new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo is available");

        LoadedFile loaded = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                java.time.Duration.ofSeconds(10),
                () -> loader.load(ConfinedFiles.under(dir, Long.MAX_VALUE), new ManifestFile(fifo, "pipe.yaml")));

        assertSingleParseError(loaded, "pipe.yaml");
        assertThat(loaded.problems().get(0).message()).contains("not a regular file");
    }

    @Test
    void shouldRefuseALinkToADeviceEvenInsideTheRoot(@TempDir Path dir) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(Path.of("/dev/zero")), "/dev/zero exists");
        Path link = Files.createSymbolicLink(dir.resolve("zero.yaml"), Path.of("/dev/zero"));

        LoadedFile loaded = loader.load(ConfinedFiles.under(Path.of("/"), Long.MAX_VALUE),
                new ManifestFile(link, "zero.yaml"));

        assertSingleParseError(loaded, "zero.yaml");
        assertThat(loaded.problems().get(0).message()).contains("not a regular file");
    }
}
