package io.ascent.core.manifest.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.manifest.ManifestLoader;
import io.ascent.core.manifest.Resource;
import io.ascent.core.manifest.api.ApiLifecycle;
import io.ascent.core.manifest.api.ApiLifecycleTable;
import io.ascent.core.manifest.api.KubernetesVersion;
import io.ascent.core.report.Severity;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every row of the built-in API table, seen through the manifest check: accepted where the row says it is
 * served, a problem with the replacement before its introduction and from its removal, a warning at most while
 * deprecated.
 */
class ApiVersionCheckTableTest {
    private static final ApiLifecycleTable TABLE = ApiLifecycleTable.builtIn();

    /** Every row but {@code v1 List}: a list is never an object of its own (its items are checked instead). */
    static Stream<ApiLifecycle> rows() {
        return TABLE.rows().stream().filter(row -> !row.kind().endsWith("List"));
    }

    private static List<Finding> check(ApiLifecycle row, KubernetesVersion target) {
        Resource resource = new ManifestLoader().parse("apiVersion: " + row.apiVersion() + "\nkind: " + row.kind()
                + "\nmetadata:\n  name: sample\n", "deploy/sample.yaml").resources().get(0);
        Findings findings = new Findings();
        new ApiVersionCheck(TABLE, target, java.util.Map.of()).inspect(resource, findings);
        assertThat(findings.lookedCount()).isEqualTo(1);
        return findings.found();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void shouldAcceptEveryRowWhereItIsServedAndWarnAtMostWhileDeprecated(ApiLifecycle row) {
        KubernetesVersion introduced = row.introduced();
        List<Finding> findings = check(row, introduced);
        if (row.deprecated() != null && introduced.isAtLeast(row.deprecated())) {
            assertThat(findings).singleElement().satisfies(f -> {
                assertThat(f.ceiling()).isEqualTo(Severity.WARNING);
                assertThat(f.message()).contains("is deprecated since Kubernetes " + row.deprecated());
            });
        } else {
            assertThat(findings).as(row.apiVersion() + " " + row.kind() + " on " + introduced).isEmpty();
        }
        if (row.deprecated() != null && (row.removed() == null || row.deprecated().isBefore(row.removed()))) {
            assertThat(check(row, row.deprecated())).singleElement().satisfies(f -> {
                assertThat(f.ceiling()).isEqualTo(Severity.WARNING);
                assertThat(f.message()).contains("deprecated since Kubernetes " + row.deprecated());
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void shouldFailEveryRowFromItsRemovalAndBeforeItsIntroductionNamingWhatToUse(ApiLifecycle row) {
        if (row.removed() != null) {
            assertThat(check(row, row.removed())).singleElement().satisfies(f -> {
                assertThat(f.ceiling()).isNull();
                assertThat(f.message()).contains("was removed in Kubernetes " + row.removed());
                assertThat(f.remediation()).isNotBlank();
            });
        }
        if (row.introducedExact() && row.introduced().minor() > 0) {
            KubernetesVersion before = KubernetesVersion.of(row.introduced().major(), row.introduced().minor() - 1);
            assertThat(check(row, before)).singleElement().satisfies(f -> {
                assertThat(f.ceiling()).isNull();
                assertThat(f.message()).contains("is served from Kubernetes " + row.introduced());
            });
        }
    }
}
