package io.ascent.jenkins.agent;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.TaskListener;
import io.ascent.core.network.UrlAllowList;
import io.ascent.core.report.Item;
import io.ascent.core.report.ReportJsonReader;
import io.ascent.core.report.Status;
import io.ascent.core.report.render.Format;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCallableTest {

    /** This JVM's environment as a build's (what the callables ran in before builds had their own). */
    static final BuildEnvironment THIS_JVM = BuildEnvironment.of(System.getenv());

    /** The repository this module lives in: examples/hello-web is committed there. */
    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path workspace;

    /** A listener that crosses the channel the way remoting's does: serializable, writing to a local buffer. */
    static final class BufferListener implements TaskListener {
        private static final long serialVersionUID = 1L;
        private final transient ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private final transient PrintStream logger = new PrintStream(buffer, true, StandardCharsets.UTF_8);

        @Override
        public PrintStream getLogger() {
            return logger;
        }

        String text() {
            return buffer.toString(StandardCharsets.UTF_8);
        }
    }

    private static ValidateRequest request(String dir, String checklist, String reports) {
        return new ValidateRequest(dir, checklist, "", reports, List.of(Format.JSON, Format.JUNIT, Format.SARIF,
                Format.MARKDOWN), UrlAllowList.of(List.of("https://schemas.example.org/k8s/")));
    }

    @Test
    void shouldCrossTheChannelAndBackIntact() throws Exception {
        ValidateCallable callable = new ValidateCallable(request("examples/hello-web", "ascent.yaml", "out/"),
                new BufferListener(), THIS_JVM);
        ValidateCallable copy = Serialization.roundTrip(callable);
        assertThat(copy.request()).usingRecursiveComparison().isEqualTo(callable.request());
        assertThat(copy.request().allowedUrls().prefixes()).containsExactly("https://schemas.example.org/k8s/");

        AgentReport answer = new AgentReport(io.ascent.jenkins.model.Reports.mixed(), java.util.Map.of("json",
                "out/ascent-report.json"));
        AgentReport back = Serialization.roundTrip(answer);
        assertThat(back).isEqualTo(answer);
    }

    @Test
    void shouldValidateTheExampleStreamProgressAndWriteEveryReportIntoTheWorkspace() throws Exception {
        String reports = "ascent-jenkins/target/callable-test/";
        BufferListener listener = new BufferListener();
        AgentReport answer = new ValidateCallable(request("examples/hello-web", "", reports), listener, THIS_JVM)
                .invoke(REPOSITORY.toFile(), null);

        assertThat(answer.report().gatingItems()).isEmpty();
        assertThat(answer.report().subject()).isEqualTo("examples/hello-web");
        assertThat(answer.report().phases()).extracting(io.ascent.core.report.PhaseRecord::name)
                .contains("checklist", "repository", "manifests");
        assertThat(answer.report().items()).isNotEmpty();
        assertThat(listener.text()).contains("[ascent] checklist ...").contains("[ascent] checklist done in ");
        assertThat(answer.files()).containsOnlyKeys("json", "junit", "sarif", "markdown")
                .containsEntry("sarif", reports + "ascent.sarif");
        for (String file : answer.files().values()) {
            assertThat(REPOSITORY.resolve(file)).isNotEmptyFile();
        }
        try (Reader in = Files.newBufferedReader(REPOSITORY.resolve(answer.files().get("json")))) {
            assertThat(new ReportJsonReader().read(in).summary()).isEqualTo(answer.report().summary());
        }
        assertThat(Files.list(REPOSITORY.resolve(reports)).map(Path::toString)).noneMatch(p -> p.endsWith(".tmp"));
    }

    @Test
    void shouldEndWithTheInterruptionWhenTheBuildIsAborted() {
        ValidateCallable callable = new ValidateCallable(request("examples/hello-web", "",
                "ascent-jenkins/target/callable-interrupted/"), new BufferListener(), THIS_JVM);
        Thread.currentThread().interrupt();
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> callable.invoke(REPOSITORY.toFile(), null))
                    .isInstanceOf(InterruptedException.class);
        } finally {
            Thread.interrupted();
        }
        assertThat(REPOSITORY.resolve("ascent-jenkins/target/callable-interrupted/")).doesNotExist();
    }

    @Test
    void shouldRefuseADirectoryOutsideTheWorkspaceWithoutRunning() throws IOException, InterruptedException {
        AgentReport answer = new ValidateCallable(request("../elsewhere", "", "out/"), new BufferListener(), THIS_JVM)
                .invoke(workspace.toFile(), null);
        Item item = answer.report().items().get(0);
        assertThat(item.status()).isEqualTo(Status.ERROR);
        assertThat(item.message()).isEqualTo("dir '../elsewhere' leaves the workspace");
        assertThat(answer.files()).isEmpty();
        assertThat(workspace.resolve("out")).doesNotExist();
    }

    @Test
    void shouldRefuseReportsAndChecklistsOutsideTheWorkspace() throws IOException, InterruptedException {
        Files.createDirectories(workspace.resolve("app"));
        assertThat(new ValidateCallable(request("app", "../../x.yaml", "out/"), new BufferListener(), THIS_JVM)
                .invoke(workspace.toFile(), null).report().items().get(0).message())
                .isEqualTo("checklist '../../x.yaml' leaves the workspace");
        assertThat(new ValidateCallable(request("app", "", "../out/"), new BufferListener(), THIS_JVM)
                .invoke(workspace.toFile(), null).report().items().get(0).message())
                .isEqualTo("reports '../out/' leaves the workspace");
    }

    @Test
    void shouldRefuseASymbolicLinkThatLeavesTheWorkspace(@TempDir Path outside) throws Exception {
        Files.createSymbolicLink(workspace.resolve("link"), outside);
        AgentReport answer = new ValidateCallable(request("link", "", "out/"), new BufferListener(), THIS_JVM)
                .invoke(workspace.toFile(), null);
        assertThat(answer.report().items().get(0).message()).isEqualTo("dir 'link' leaves the workspace");
        assertThat(new ValidateCallable(request(".", "", "link/reports/"), new BufferListener(), THIS_JVM)
                .invoke(workspace.toFile(), null).report().items().get(0).message())
                .isEqualTo("reports 'link/reports/' leaves the workspace");
        assertThat(outside.resolve("reports")).doesNotExist();
    }

    /** This JVM's environment as a build's, with {@code extra} set by the build (a withEnv). */
    private static BuildEnvironment buildWith(String name, String value) {
        java.util.Map<String, String> variables = new java.util.HashMap<>(System.getenv());
        variables.put(name, value);
        return BuildEnvironment.of(variables);
    }

    @Test
    void shouldStopAtTheAgentProcesssAscentTimeLimitAsTheCommandLineDoes() throws Exception {
        ValidateCallable callable = new ValidateCallable(request("examples/hello-web", "",
                "ascent-jenkins/target/callable-time-limit/"), new BufferListener(), THIS_JVM);

        AgentReport answer = callable.run(REPOSITORY.toFile(), THIS_JVM.onAgent(java.util.Map.of(
                "ASCENT_TIME_LIMIT", "PT0.001S")));

        Item limit = answer.report().items().stream().filter(item -> item.id().equals("ascent.time-limit"))
                .findFirst().orElseThrow(() -> new AssertionError("no time-limit item: the agent's limit was not applied"));
        assertThat(limit.status()).isEqualTo(Status.ERROR);
        assertThat(limit.message()).startsWith("the run took longer than its time limit of 1 ms");
        assertThat(answer.report().verdict().exitStatus()).isEqualTo(2);
        assertThat(Thread.currentThread().isInterrupted()).as("the budget's interrupt is cleared").isFalse();
    }

    @Test
    void shouldIgnoreATimeLimitTheBuildSetsItself() throws Exception {
        // a Jenkinsfile's withEnv(['ASCENT_TIME_LIMIT=...']) is the repository's, like every ASCENT_* setting
        ValidateCallable callable = new ValidateCallable(request("examples/hello-web", "",
                "ascent-jenkins/target/callable-time-limit-build/"), new BufferListener(),
                buildWith("ASCENT_TIME_LIMIT", "PT0.001S"));
        BuildEnvironment build = buildWith("ASCENT_TIME_LIMIT", "PT0.001S");

        AgentReport answer = callable.run(REPOSITORY.toFile(), build.onAgent(java.util.Map.of()));

        assertThat(answer.report().items()).noneMatch(item -> item.id().equals("ascent.time-limit"));
        assertThat(answer.report().gatingItems()).isEmpty();
    }

    @Test
    void shouldRefuseAMalformedAgentTimeLimitNamingItWithoutRunning() throws Exception {
        // a folder of this run's own: one left by an earlier run must not hide that nothing was written
        String reports = "ascent-jenkins/target/callable-time-limit-bad-" + System.nanoTime() + "/";
        ValidateCallable callable = new ValidateCallable(request("examples/hello-web", "", reports),
                new BufferListener(), THIS_JVM);

        AgentReport answer = callable.run(REPOSITORY.toFile(), THIS_JVM.onAgent(java.util.Map.of(
                "ASCENT_TIME_LIMIT", "soon")));

        assertThat(answer.report().items()).singleElement().satisfies(item -> {
            assertThat(item.status()).isEqualTo(Status.ERROR);
            assertThat(item.message()).startsWith("the agent's ASCENT_TIME_LIMIT: 'soon' is not a duration");
            assertThat(item.remediation()).contains("agent process");
        });
        assertThat(answer.report().verdict().exitStatus()).isEqualTo(2);
        assertThat(REPOSITORY.resolve(reports)).doesNotExist();
    }
}
