package io.ascent.core.report.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
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
    void shouldFailWithoutATemporaryFileWhenTheTargetIsAFolder() throws IOException {
        Path target = Files.createDirectories(folder.resolve("taken/child")).getParent();
        assertThatThrownBy(() -> Format.JSON.write(SampleReports.mixed(), target)).isInstanceOf(IOException.class);
        try (var files = Files.list(folder)) {
            assertThat(files).containsExactly(target);
        }
    }
}
