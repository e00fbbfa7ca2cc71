package io.ascent.core.report.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ascent.core.report.FreshClassLoader;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FormatTest {

    @TempDir
    Path folder;

    @Test
    void shouldWriteTheRenderedReportIntoANewFolderAndLeaveNothingElse() throws IOException {
        Path target = folder.resolve("out/nested/ascent.sarif");
        Format.SARIF.write(SampleReports.mixed(), target);
        StringWriter expected = new StringWriter();
        new SarifRenderer().render(SampleReports.mixed(), expected);
        assertThat(target).hasContent(expected.toString());
        try (var files = Files.list(target.getParent())) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void shouldGiveTheReportThePermissionsOfAnyNewFileThereNotThoseOfATemporaryFile() throws IOException {
        Path reference = Files.createFile(folder.resolve("reference"));
        Path target = folder.resolve("ascent-report.json");
        Format.JSON.write(SampleReports.mixed(), target);
        assertThat(Files.getPosixFilePermissions(target)).isEqualTo(Files.getPosixFilePermissions(reference))
                .contains(PosixFilePermission.OTHERS_READ);
    }

    @Test
    void shouldReplaceAnOlderReport() throws IOException {
        Path target = folder.resolve("ascent-report.md");
        Files.writeString(target, "old");
        Format.MARKDOWN.write(SampleReports.mixed(), target);
        assertThat(Files.readString(target)).isNotEqualTo("old").contains("examples/app");
    }

    @Test
    void shouldMakeNoRendererUntilAReportIsWrittenInItsFormat() throws Exception {
        // A class loader of its own, so that other tests' renderers do not count: the command line reads the
        // formats before every run, and the HTML renderer's assets cost a cold start tens of milliseconds.
        try (FreshClassLoader loader = new FreshClassLoader(Format.class)) {
            Class<?> format = Class.forName(Format.class.getName(), true, loader);
            assertThat(format.getMethod("values").invoke(null)).asInstanceOf(InstanceOfAssertFactories.ARRAY)
                    .hasSize(6);

            assertThat(loader.loaded(HtmlRenderer.class)).isFalse();
            assertThat(loader.loaded(JsonRenderer.class)).isFalse();

            Object json = format.getMethod("valueOf", String.class).invoke(null, "JSON");
            format.getMethod("renderer").invoke(json);
            assertThat(loader.loaded(JsonRenderer.class)).isTrue();
            assertThat(loader.loaded(HtmlRenderer.class)).isFalse();
        }
    }

    @Test
    void shouldFailWithoutATemporaryFileWhenTheTargetIsAFolder() throws IOException {
        Path target = Files.createDirectories(folder.resolve("taken/child")).getParent();
        assertThatThrownBy(() -> Format.JSON.write(SampleReports.mixed(), target)).isInstanceOf(IOException.class);
        try (var files = Files.list(folder)) {
            assertThat(files).containsExactly(target);
        }
    }
}
