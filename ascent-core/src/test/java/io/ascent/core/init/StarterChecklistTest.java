package io.ascent.core.init;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ascent.core.Ascent;
import io.ascent.core.ValidateOptions;
import io.ascent.core.checklist.Checklist;
import io.ascent.core.checklist.ChecklistLoader;
import io.ascent.core.checklist.LoadedChecklist;
import io.ascent.core.manifest.api.ApiLifecycleTable;
import io.ascent.core.manifest.api.KubernetesVersion;
import io.ascent.core.manifest.schema.ClusterApiSchemaBundle;
import io.ascent.core.progress.ProgressListener;
import io.ascent.core.report.ErrorKind;
import io.ascent.core.report.Report;
import io.ascent.core.report.Status;
import io.ascent.core.workspace.Workspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code ascent init}'s file: written from what a directory holds, valid at once, never over anything. */
class StarterChecklistTest {
    private static final Path EXAMPLES = Path.of("..", "examples");

    @TempDir
    Path dir;

    static Stream<String> examples() throws IOException {
        try (Stream<Path> list = Files.list(EXAMPLES)) {
            return list.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("examples")
    void shouldWriteAChecklistThatLoadsWithoutProblemsForEveryExample(String example) throws Exception {
        Path app = copyWithoutChecklist(EXAMPLES.resolve(example), dir.resolve(example));
        Path written = StarterChecklist.write(app);
        assertThat(written).isEqualTo(app.resolve("ascent.yaml"));
        LoadedChecklist loaded = load(app);
        assertThat(loaded.items()).as(Files.readString(written))
                .filteredOn(item -> item.status() == Status.ERROR || item.status() == Status.FAIL).isEmpty();
        assertThat(loaded.usable()).isTrue();
        // And a whole run with it judges the example without an error of its own making.
        Report report = new Ascent().validate(ValidateOptions.builder(app).noGit(true).build(),
                ProgressListener.SILENT);
        assertThat(report.items()).as("validation of %s", example)
                .noneMatch(item -> item.isError(ErrorKind.INTERNAL))
                .noneMatch(item -> item.id().startsWith("checklist.") && item.status() != Status.PASS);
        assertThat(report.verdict().exitStatus()).isLessThanOrEqualTo(2);
    }

    @Test
    void shouldProposeWhatHelloWebHolds() throws Exception {
        Path app = copyWithoutChecklist(EXAMPLES.resolve("hello-web"), dir.resolve("hello-web"));
        StarterChecklist.write(app);
        Checklist checklist = load(app).checklist().orElseThrow();
        assertThat(checklist.metadata().name()).isEqualTo("hello-web");
        assertThat(checklist.kubernetes().manifests()).containsExactly("deploy/app/", "deploy/smoke/");
        assertThat(checklist.kubernetes().version()).isPresent();
        assertThat(checklist.provision().cluster().config()).contains("deploy/kind-config.yaml");
        assertThat(checklist.repository().license()).isTrue();
        assertThat(checklist.repository().codeowners()).isTrue();
        assertThat(checklist.repository().required()).containsExactly("README*", "LICENSE*|COPYING*", "Dockerfile");
        String text = Files.readString(app.resolve("ascent.yaml"));
        // Every line says something: a setting with its comment, or a comment.
        for (String line : text.split("\n")) {
            assertThat(line).as("every line is commented").matches("^$|.*#.*");
        }
    }

    @Test
    void shouldProposeTheNewestClusterApiReleaseThatServesTheClusterApiObjectsFound() throws Exception {
        write("deploy/cluster.yaml", "apiVersion: cluster.x-k8s.io/v1alpha3\nkind: Cluster\nmetadata: {name: c}\n"
                + "---\napiVersion: controlplane.cluster.x-k8s.io/v1alpha3\nkind: KubeadmControlPlane\n"
                + "metadata: {name: c}\n");
        StarterChecklist.write(dir);

        String proposed = load(dir).checklist().orElseThrow().kubernetes().clusterApiVersion().orElseThrow();
        KubernetesVersion release = KubernetesVersion.parse(proposed);
        ApiLifecycleTable table = ApiLifecycleTable.clusterApi();
        assertThat(table.check("cluster.x-k8s.io/v1alpha3", "Cluster", release).availability().isAccepted()).isTrue();
        assertThat(table.check("controlplane.cluster.x-k8s.io/v1alpha3", "KubeadmControlPlane", release)
                .availability().isAccepted()).isTrue();
        List<KubernetesVersion> bundled = ClusterApiSchemaBundle.builtIn().releases();
        KubernetesVersion next = bundled.get(bundled.indexOf(release) + 1);
        assertThat(table.check("cluster.x-k8s.io/v1alpha3", "Cluster", next).availability().isAccepted())
                .as("the newest release serving them, not an older one").isFalse();
        String text = Files.readString(dir.resolve("ascent.yaml"));
        assertThat(text).contains("serve every ClusterAPI API they use");
        // wrapped as the other comments are, so the file reads in an editor's window
        assertThat(text.lines()).allSatisfy(line -> assertThat(line).hasSizeLessThanOrEqualTo(100));
    }

    @Test
    void shouldNotProposeAClusterApiReleaseWithoutClusterApiObjects() throws Exception {
        write("deploy/app.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n");
        StarterChecklist.write(dir);
        assertThat(load(dir).checklist().orElseThrow().kubernetes().clusterApiVersion()).isEmpty();
        assertThat(Files.readString(dir.resolve("ascent.yaml"))).doesNotContain("clusterApi");
    }

    @Test
    void shouldLeaveOutWhatIsMissingAsCommentsToUncomment() throws Exception {
        write("deploy/app.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n");
        StarterChecklist.write(dir);
        String text = Files.readString(dir.resolve("ascent.yaml"));
        assertThat(text).contains("  # license: true", "  # codeowners: true", "  # required: [\"README*\"]")
                .doesNotContain("provision:");
        Checklist checklist = load(dir).checklist().orElseThrow();
        assertThat(checklist.repository().license()).isFalse();
        assertThat(checklist.repository().required()).isEmpty();
    }

    @Test
    void shouldNeverOverwriteAnExistingChecklistOrLink() throws Exception {
        write("ascent.yml", "keep: me\n");
        assertThatThrownBy(() -> StarterChecklist.write(dir)).isInstanceOf(FileAlreadyExistsException.class)
                .hasMessageContaining("ascent.yml");
        assertThat(dir.resolve("ascent.yaml")).doesNotExist();
        assertThat(Files.readString(dir.resolve("ascent.yml"))).isEqualTo("keep: me\n");

        Path other = Files.createDirectory(dir.resolve("other"));
        Files.createSymbolicLink(other.resolve("ascent.yaml"), dir.resolve("nowhere.yaml"));
        assertThatThrownBy(() -> StarterChecklist.write(other)).isInstanceOf(FileAlreadyExistsException.class);
        assertThat(dir.resolve("nowhere.yaml")).doesNotExist();
    }

    @Test
    void shouldEscapeHostileNamesInValuesAndComments() throws Exception {
        write("README.md\" # owner: evil\u202e", "hi\n");
        write("LICENSE\n# owner: evil", "MIT\n"); // a name with a line break is not proposed at all
        write("deploy/kind\" #x\u202e.yaml", "apiVersion: kind.x-k8s.io/v1alpha4\nkind: Cluster\n");
        write("deploy/app.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n");
        write("bad\nname: x/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\n");
        StarterChecklist.write(dir);
        String text = Files.readString(dir.resolve("ascent.yaml"));
        assertThat(text).contains("# \"README.md\\\" # owner: evil\\u202e\" is committed")
                .contains("# license: true")
                .contains("config: \"deploy/kind\\\" #x\\u202e.yaml\"")
                .contains("1 folder(s) passed over")
                .doesNotContain("\u202e").doesNotContain("bad\n").doesNotContain("\n# owner");
        Checklist checklist = load(dir).checklist().orElseThrow();
        assertThat(checklist.metadata().owner()).isNull();
        assertThat(checklist.provision().cluster().config()).contains("deploy/kind\" #x\u202e.yaml");
        assertThat(checklist.kubernetes().manifests()).containsExactly("deploy/");
    }

    @Test
    void shouldNameKustomizeAndHelmFoldersWithoutReadingThemAsManifests() throws Exception {
        write("deploy/base.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a}\n");
        write("deploy/overlays/prod/kustomization.yaml", "resources: [../../base.yaml]\n");
        write("deploy/overlays/prod/patch.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a}\n");
        // a component is rendered by the kustomization that uses it, never alone: not proposed, not read raw
        write("deploy/components/debug/kustomization.yaml",
                "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\npatches: [{path: p.yaml}]\n");
        write("deploy/components/debug/p.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a}\n");
        write("charts/web/Chart.yaml", "apiVersion: v2\nname: web\nversion: 1.0.0\n");
        write("charts/web/templates/d.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: {{ .x }}}\n");
        StarterChecklist.write(dir);
        Checklist checklist = load(dir).checklist().orElseThrow();
        assertThat(checklist.kubernetes().manifests()).containsExactly("deploy/*.yaml");
        String written = Files.readString(dir.resolve("ascent.yaml"));
        assertThat(written).contains("  # render:").contains("    # - kustomize: \"deploy/overlays/prod/\"")
                .contains("    # - helm: \"charts/web/\"").doesNotContain("deploy/components/debug");
        // uncommented, the render entries are a valid checklist naming the folders their tools read
        Files.writeString(dir.resolve("ascent.yaml"), written.replace("  # render:", "  render:")
                .replace("    # - kustomize:", "    - kustomize:").replace("    # - helm:", "    - helm:"));
        assertThat(load(dir).items()).noneMatch(item -> item.status() == io.ascent.core.report.Status.ERROR);
        assertThat(load(dir).checklist().orElseThrow().kubernetes().render())
                .extracting(setting -> setting.tool() + " " + setting.path())
                .containsExactly("KUSTOMIZE deploy/overlays/prod/", "HELM charts/web/");
    }

    @Test
    void shouldNotReadAnApplicationsOwnConfigurationYamlAsManifests() throws Exception {
        String deployment = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a}\n";
        write("clean/web.yaml", deployment);
        write("clean/sub/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n");
        write("clean/sub/empty.yaml", "---\n");
        // the shape of kubernetes/examples' cassandra: manifests, and the database's own config file below them
        write("deploy/statefulset.yaml", deployment);
        write("deploy/image/files/cassandra.yaml", "cluster_name: 'Test Cluster'\nnum_tokens: 256\n");
        write("deploy/mixed/cm.yml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\n");
        write("deploy/mixed/settings.yml", "- just\n- a list\n");
        RepositorySurvey survey = RepositorySurvey.of(dir);
        assertThat(survey.manifestPaths()).containsExactly("clean/", "deploy/*.yaml", "deploy/mixed/cm.yml");
        StarterChecklist.write(dir);
        Report report = new Ascent().validate(ValidateOptions.builder(dir).noGit(true).build(),
                ProgressListener.SILENT);
        assertThat(report.items()).filteredOn(item -> List.of("manifest.parse", "manifest.shape").contains(item.id()))
                .as("no configuration file read as an object without apiVersion and kind")
                .extracting(item -> item.status() + " " + item.message())
                .containsExactlyInAnyOrder("PASS 5 files read: 4 resources",
                        "PASS 4 resources: each has apiVersion, kind and a valid name and labels");
    }

    @Test
    void shouldStillReadAFolderRecursivelyWhenAManifestFileAlsoHoldsAnotherDocument() throws Exception {
        // the odd document is the manifest file's own problem, which validation should report, not a config file
        write("deploy/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\ndebug: true\n");
        write("deploy/sub/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\n");
        assertThat(RepositorySurvey.of(dir).manifestPaths()).containsExactly("deploy/");
    }

    @Test
    void shouldNameTheManifestsOfABusyMixedFolderByAGlob() throws Exception {
        for (int i = 0; i <= RepositorySurvey.MAX_NAMED_FILES; i++) {
            write("deploy/cm-" + i + ".yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c" + i + "}\n");
        }
        write("deploy/settings.yaml", "debug: true\n");
        assertThat(RepositorySurvey.of(dir).manifestPaths()).containsExactly("deploy/*.yaml");
    }

    @Test
    void shouldNotFollowLinksOutOfTheDirectoryNorReadBeyondTheDepthLimit() throws Exception {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n");
        Path app = Files.createDirectories(dir.resolve("app"));
        Files.createSymbolicLink(app.resolve("linked"), outside);
        String deep = "a/".repeat(RepositorySurvey.MAX_DEPTH + 1);
        Files.createDirectories(app.resolve(deep));
        Files.writeString(app.resolve(deep + "cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\n");
        RepositorySurvey survey = RepositorySurvey.of(app);
        assertThat(survey.manifestPaths()).isEmpty();
        assertThat(survey.apis()).isEmpty();
    }

    @Test
    void shouldPassOverYamlThatDoesNotParse() throws Exception {
        write("deploy/ok.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n");
        write("broken/bomb.yaml", "a: &a [1]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: {\n");
        assertThat(RepositorySurvey.of(dir).manifestPaths()).containsExactly("deploy/");
    }

    @Test
    void shouldNameAnApplicationAfterItsFolder() {
        assertThat(StarterChecklist.applicationName(Path.of("/x/My_Web App"))).isEqualTo("my-web-app");
        assertThat(StarterChecklist.applicationName(Path.of("/x/123"))).isEqualTo("app");
    }

    private void write(String relative, String content) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    private static LoadedChecklist load(Path app) {
        return new ChecklistLoader(Clock.systemUTC()).load(Workspace.of(app), Optional.empty());
    }

    private static Path copyWithoutChecklist(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else if (!List.of("ascent.yaml", "ascent.yml").contains(source.getFileName().toString())
                        || !source.getParent().equals(from)) {
                    Files.copy(source, target);
                }
            }
        }
        return to;
    }
}
