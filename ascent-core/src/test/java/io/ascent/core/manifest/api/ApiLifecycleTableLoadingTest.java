package io.ascent.core.manifest.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiLifecycleTableLoadingTest {

    private static final String HEADER = "apiVersion\tkind\tintroduced\tdeprecated\tremoved\treplacement\tcomponent\tsource\tnote\n";

    @TempDir
    Path dir;

    private Path file(String content) throws IOException {
        Path f = dir.resolve("extra.tsv");
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void shouldLoadTheBuiltInTableOnceAndShareIt() {
        assertThat(ApiLifecycleTable.builtIn()).isSameAs(ApiLifecycleTable.builtIn());
    }

    @Test
    void shouldKnowTheNewestReleaseItWasGeneratedFromAndAgreeWithTheBundledSchemas() {
        List<KubernetesVersion> bundled = io.ascent.core.manifest.schema.KubernetesSchemaBundle.builtIn().versions();

        assertThat(ApiLifecycleTable.builtIn().newestRelease()).contains(bundled.get(bundled.size() - 1));
        assertThat(ApiLifecycleTable.builtIn().with(List.of()).newestRelease())
                .isEqualTo(ApiLifecycleTable.builtIn().newestRelease());
        assertThat(ApiLifecycleTable.of(List.of()).newestRelease()).isEmpty();
    }

    @Test
    void shouldLetHandKeptRowsReplaceGeneratedRows() {
        // The generated row says <=1.17 (first scanned release); the hand-kept row knows 1.6.
        ApiLifecycle row = ApiLifecycleTable.builtIn().find("apiserver.k8s.io/v1alpha1", "AdmissionConfiguration")
                .orElseThrow();
        assertThat(row.introducedText()).isEqualTo("1.6");
        assertThat(row.source()).contains("kubernetes/kubernetes#85098");
        assertThat(ApiLifecycleTable.builtIn().rows().stream()
                .filter(r -> r.displayName().equals("apiserver.k8s.io/v1alpha1 AdmissionConfiguration"))).hasSize(1);
    }

    @Test
    void shouldAddUserRowsForCustomResources() throws IOException {
        Path extra = file("# our CRDs\n" + HEADER
                + "example.com/v1beta1\tWidget\t1.20\t1.28\t1.31\texample.com/v1 Widget\twidget-operator\tour CRD\t\n"
                + "example.com/v1\tWidget\t1.28\t\t\t\twidget-operator\tour CRD\n");
        ApiLifecycleTable table = ApiLifecycleTable.builtIn().with(extra);
        ApiVerdict v = table.check("example.com/v1beta1", "Widget", KubernetesVersion.parse("1.31"));
        assertThat(v.message()).isEqualTo("example.com/v1beta1 Widget was removed in Kubernetes 1.31; use example.com/v1 Widget");
        assertThat(table.find("example.com/v1", "Widget").orElseThrow().note()).isEmpty();
        // builtIn() itself is untouched.
        assertThat(ApiLifecycleTable.builtIn().find("example.com/v1", "Widget")).isEmpty();
        assertThat(table.rows()).hasSize(ApiLifecycleTable.builtIn().rows().size() + 2);
    }

    @Test
    void shouldLetUserRowsOverrideBuiltInRows() throws IOException {
        Path extra = file(HEADER + "policy/v1beta1\tPodDisruptionBudget\t1.5\t1.21\t1.27\tpolicy/v1 PodDisruptionBudget"
                + "\tkube-apiserver\tvendor fork keeps it two releases longer\t\n");
        ApiLifecycleTable table = ApiLifecycleTable.builtIn().with(extra);
        assertThat(table.check("policy/v1beta1", "PodDisruptionBudget", KubernetesVersion.parse("1.25")).availability())
                .isEqualTo(ApiAvailability.DEPRECATED);
        assertThat(table.rows()).hasSameSizeAs(ApiLifecycleTable.builtIn().rows());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "apps/v1\\tThing\\t1.9\\t\\t\\t\\tkube-apiserver\\tsrc|expected 9 tab-separated fields, found 8|header",
        "apps/v1\\tThing\\t1.9\\t\\t|expected 9 tab-separated fields, found 5|row",
        "apps/v1/x\\tThing\\t1.9\\t\\t\\t\\tc\\ts\\t|apiVersion 'apps/v1/x' is not of the form v1 or group/version|row",
        "apps/v1\\tThing\\tsoon\\t\\t\\t\\tc\\ts\\t|'soon' is not a Kubernetes version|row",
        "apps/v1\\tThing\\t1.9\\t\\t1.8\\t\\tc\\ts\\t|removed in 1.8 but introduced in 1.9|row",
        "apps/v1\\tThing\\t1.9\\t1.12\\t1.12\\t\\tc\\ts\\t|deprecation must come before removal|row",
        "apps/v1\\tThing\\t1.9\\t\\t\\tapps/v2\\tc\\ts\\t|replacement 'apps/v2' is not of the form 'apiVersion Kind'|row",
        "apps/v1\\tThing\\t1.9\\t\\t\\t\\t\\ts\\t|column 'component' is empty|row",
        "apps/v1\\tThing\\t1.9\\t\\t\\t\\tc\\t\\t|column 'source' is empty|row",
    })
    void shouldRejectMalformedLinesNamingFileLineAndProblem(String line, String problem, String where) throws IOException {
        // Tabs are written as backslash-t above: CsvSource would trim real trailing tabs away.
        String content = where.equals("header") ? line + "\n" : "# comment\n" + HEADER + line + "\n";
        Path extra = file(content.replace("\\t", "\t"));
        int lineNumber = where.equals("header") ? 1 : 3;
        String expectedStart = extra + ":" + lineNumber + ": ";
        assertThatThrownBy(() -> ApiLifecycleTable.builtIn().with(extra))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(expectedStart)
                .hasMessageContaining(where.equals("header") ? "expected the header line" : problem);
    }

    @Test
    void shouldRejectTheSameRowTwiceInOneFile() throws IOException {
        Path extra = file(HEADER + "example.com/v1\tWidget\t1.28\t\t\t\tc\ts\t\n" + "example.com/v1\tWidget\t1.29\t\t\t\tc\ts\t\n");
        assertThatThrownBy(() -> ApiLifecycleTable.read(extra))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(extra + ":3: example.com/v1 Widget appears twice");
    }

    @Test
    void shouldRejectAFileWithoutHeader() throws IOException {
        Path extra = file("# only comments\n\n");
        assertThatThrownBy(() -> ApiLifecycleTable.read(extra))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no header line");
    }

    @Test
    void shouldReportAMissingFileAsIoException() {
        assertThatThrownBy(() -> ApiLifecycleTable.builtIn().with(dir.resolve("absent.tsv")))
                .isInstanceOf(IOException.class);
    }

    @Test
    void shouldAnswerUnknownWithoutThrowingForMissingOrMalformedApiVersion() {
        ApiLifecycleTable table = ApiLifecycleTable.builtIn();
        KubernetesVersion target = KubernetesVersion.parse("1.30");
        assertThat(table.check(null, "Pod", target).message()).isEqualTo(
                "the resource has no apiVersion, so its availability cannot be checked");
        assertThat(table.check("v1", " ", target).message()).isEqualTo(
                "the resource has no kind, so its availability cannot be checked");
        assertThat(table.check("/v1", "Pod", target).availability()).isEqualTo(ApiAvailability.UNKNOWN);
        assertThat(table.find(null, "Pod")).isEmpty();
    }

    @Test
    void shouldAcceptServedAndDeprecatedButNotRemovedOrUnknownKinds() {
        ApiLifecycleTable table = ApiLifecycleTable.builtIn();
        KubernetesVersion target = KubernetesVersion.parse("1.25");
        assertThat(table.check("apps/v1", "Deployment", target).availability().isAccepted()).isTrue();
        assertThat(table.check("v1", "ConfigMap", target).availability().isAccepted()).isTrue();
        assertThat(table.check("batch/v1", "CronJob", target).availability().isAccepted()).isTrue();
        assertThat(table.check("policy/v1beta1", "PodDisruptionBudget", target).availability().isAccepted()).isFalse();
        assertThat(table.check("cert-manager.io/v1", "Certificate", target).availability().isAccepted()).isFalse();
    }
}
