package io.ascent.jenkins.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import hudson.model.Run;
import io.ascent.core.report.Report;
import io.ascent.core.report.SourceExcerpt;
import io.ascent.core.report.view.ExcerptLine;
import io.ascent.core.report.view.ItemView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AscentResultActionTest {

    @TempDir
    Path buildDirectory;

    private Run<?, ?> run(int existingActions) {
        Run<?, ?> run = mock(Run.class);
        when(run.getRootDir()).thenReturn(buildDirectory.toFile());
        List<AscentResultAction> existing = new java.util.ArrayList<>();
        for (int i = 0; i < existingActions; i++) {
            existing.add(mock(AscentResultAction.class));
        }
        when(run.getActions(AscentResultAction.class)).thenReturn(existing);
        return run;
    }

    @Test
    void shouldKeepTheReportAsJsonInTheBuildFolderAndOnlyCountsInTheAction() throws IOException {
        Run<?, ?> run = run(0);
        Report report = Reports.mixed();
        AscentResultAction action = AscentResultAction.attach(run, report);

        verify(run).addAction(action);
        assertThat(buildDirectory.resolve("ascent/ascent.json")).exists();
        assertThat(action.getUrlName()).isEqualTo("ascent");
        assertThat(action.getDisplayName()).isEqualTo("Ascent report");
        assertThat(action.getCounts()).isEqualTo(report.summary());
        assertThat(action.getHeadline()).isEqualTo(new SummaryModel(report).getHeadline());
        // Every field XStream writes to build.xml is a plain value: records cannot be read back (jenkinsci/jenkins#26077).
        for (var field : AscentResultAction.class.getDeclaredFields()) {
            if (!java.lang.reflect.Modifier.isTransient(field.getModifiers())
                    && !java.lang.reflect.Modifier.isStatic(field.getModifiers())) {
                assertThat(field.getType()).isIn(String.class, int.class, boolean.class);
            }
        }
    }

    @Test
    void shouldReadTheReportBackLazilyAfterTheBuildIsLoaded() throws IOException {
        Report report = Reports.mixed();
        AscentResultAction attached = AscentResultAction.attach(run(0), report);
        Run<?, ?> reloaded = run(1);
        attached.onLoad(reloaded);

        assertThat(attached.report()).hasValueSatisfying(read -> {
            assertThat(read.items()).hasSize(report.items().size());
            assertThat(read.summary()).isEqualTo(report.summary());
            assertThat(read.items().get(3).location()).isEqualTo(report.items().get(3).location());
        });
        assertThat(attached.getSummary().getItems()).extracting(ItemView::getId).first().isEqualTo("repo.required");
        assertThat(attached.getPage().getGroups()).hasSize(6);
    }

    @Test
    void shouldShowTheSourceLinesTheAgentKeptAfterTheBuildIsLoaded() throws IOException {
        Report report = Reports.failing(1).withExcerpts(List.of(new SourceExcerpt("deploy/app.yaml", 1,
                List.of("apiVersion: apps/v1", "kind: Deployment"))));
        AscentResultAction attached = AscentResultAction.attach(run(0), report);
        attached.onLoad(run(1));

        ItemView item = attached.getPage().getGroups().get(0).getFiles().get(0).getItems().get(0);
        assertThat(item.getExcerpt()).extracting(ExcerptLine::getNumber, ExcerptLine::getText, ExcerptLine::isFinding)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "apiVersion: apps/v1", true),
                        org.assertj.core.groups.Tuple.tuple(2, "kind: Deployment", false));
    }

    @Test
    void shouldShowCountsOnlyWhenTheReportFileIsGone() throws IOException {
        AscentResultAction action = AscentResultAction.attach(run(0), Reports.failing(2));
        Files.delete(buildDirectory.resolve("ascent/ascent.json"));
        assertThat(action.report()).isEmpty();
        assertThat(action.getSummary()).isNull();
        assertThat(action.getHeadline()).isEqualTo("2 failed of 2 items");
    }

    @Test
    void shouldGiveASecondValidationOfTheBuildItsOwnPage() throws IOException {
        AscentResultAction second = AscentResultAction.attach(run(1), Reports.passing());
        assertThat(second.getUrlName()).isEqualTo("ascent-2");
        assertThat(second.getDisplayName()).isEqualTo("Ascent report 2");
        assertThat(buildDirectory.resolve("ascent/ascent-2.json")).exists();
        assertThat(second.report()).isPresent();
    }

    @Test
    void shouldRefuseAReportFileLargerThanTheLimit() throws IOException {
        AscentResultAction action = AscentResultAction.attach(run(0), Reports.passing());
        Path file = buildDirectory.resolve("ascent/ascent.json");
        try (var channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.wrap(new byte[] {' '}), ReportFile.MAX_BYTES);
        }
        action.onLoad(run(1));
        assertThat(action.report()).isEmpty();
    }
}
