package io.ascent.core.manifest.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Invariants that every row of the built-in table must keep, whoever regenerates or edits it. */
class ApiLifecycleTableInvariantsTest {

    /** The newest release the generator scanned (header of api-lifecycle.tsv). */
    private static final KubernetesVersion NEWEST_SCANNED = KubernetesVersion.of(1, 37);

    private static final ApiLifecycleTable TABLE = ApiLifecycleTable.builtIn();

    static Stream<ApiLifecycle> rows() {
        return TABLE.rows().stream();
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("rows")
    void shouldHaveIntroducedNotAfterDeprecatedAndDeprecatedBeforeRemoved(ApiLifecycle row) {
        row.optionalDeprecated().ifPresent(d -> assertThat(d).isGreaterThanOrEqualTo(row.introduced()));
        row.optionalRemoved().ifPresent(r -> assertThat(r).isGreaterThan(row.introduced()));
        if (row.deprecated() != null && row.removed() != null) {
            assertThat(row.deprecated()).isLessThan(row.removed());
        }
        assertThat(row.introduced()).isLessThanOrEqualTo(NEWEST_SCANNED);
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("rows")
    void shouldNameAReplacementThatIsInTheTableAndNotOlderThanTheRow(ApiLifecycle row) {
        if (row.replacementApiVersion() == null) {
            return;
        }
        ApiLifecycle replacement = TABLE.find(row.replacementApiVersion(), row.replacementKind()).orElse(null);
        assertThat(replacement).as("replacement %s of %s", row.replacement().orElseThrow(), row.displayName())
                .isNotNull();
        assertThat(replacement).isNotEqualTo(row);
        // A replacement that goes away before the row does would be no way forward.
        if (replacement.removed() != null) {
            assertThat(row.removed()).as("removal of %s", row.displayName()).isNotNull();
            assertThat(replacement.removed()).isGreaterThan(row.removed());
        }
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("rows")
    void shouldOfferAServedAlternativeInTheReleaseThatRemovesARowWithAReplacement(ApiLifecycle row) {
        if (row.removed() == null || row.replacementApiVersion() == null) {
            return;
        }
        ApiVerdict verdict = TABLE.check(row.apiVersion(), row.kind(), row.removed());
        assertThat(verdict.availability()).isEqualTo(ApiAvailability.REMOVED);
        assertThat(verdict.suggestion()).as(verdict.message()).isNotNull();
        assertThat(verdict.suggestion().isServedIn(row.removed())).isTrue();
        assertThat(verdict.message()).endsWith("; use " + verdict.suggestion().displayName());
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("rows")
    void shouldAnswerAccordingToTheRowAtItsBoundaries(ApiLifecycle row) {
        assertThat(TABLE.find(row.apiVersion(), row.kind())).containsSame(row);
        ApiAvailability atIntroduction = TABLE.check(row.apiVersion(), row.kind(), row.introduced()).availability();
        assertThat(atIntroduction).isIn(ApiAvailability.SERVED, ApiAvailability.DEPRECATED);
        if (row.introduced().minor() > 0) {
            KubernetesVersion before = KubernetesVersion.of(row.introduced().major(), row.introduced().minor() - 1);
            assertThat(TABLE.check(row.apiVersion(), row.kind(), before).availability())
                    .isEqualTo(row.introducedExact() ? ApiAvailability.NOT_YET_SERVED : ApiAvailability.UNKNOWN);
        }
        if (row.removed() != null) {
            KubernetesVersion lastServed = KubernetesVersion.of(row.removed().major(), row.removed().minor() - 1);
            assertThat(TABLE.check(row.apiVersion(), row.kind(), lastServed).availability().isAccepted()).isTrue();
            assertThat(TABLE.check(row.apiVersion(), row.kind(), row.removed()).availability())
                    .isEqualTo(ApiAvailability.REMOVED);
        }
        if (row.deprecated() != null && (row.removed() == null || row.deprecated().isBefore(row.removed()))) {
            assertThat(TABLE.check(row.apiVersion(), row.kind(), row.deprecated()).availability())
                    .isEqualTo(ApiAvailability.DEPRECATED);
        }
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("rows")
    void shouldCiteASourceAndNameTheComponentThatReadsIt(ApiLifecycle row) {
        assertThat(row.source()).isNotBlank();
        assertThat(row.component()).isNotBlank();
        assertThat(row.kind()).doesNotContain(" ");
        // Lists are checked through their items; only the core group's generic v1 List is a kind of its own.
        if (!row.displayName().equals("v1 List")) {
            assertThat(row.kind()).doesNotEndWith("List");
        }
    }

    @Test
    void shouldCoverEveryReleaseFromTheOldestScannedToTheNewest() {
        Set<Integer> introducedIn = new TreeSet<>();
        for (ApiLifecycle row : TABLE.rows()) {
            introducedIn.add(row.introduced().minor());
        }
        // Sanity check against a truncated or half-generated file.
        assertThat(TABLE.rows()).hasSizeGreaterThan(300);
        assertThat(introducedIn).contains(17, 22, 25, 30, 37);
        long kubeApiServerRows = TABLE.rows().stream().filter(r -> r.component().equals("kube-apiserver")).count();
        assertThat(kubeApiServerRows).isGreaterThan(200);
    }

    @Test
    void shouldListTheRowsWhoseUpstreamReplacementWasNotYetServedWhenTheyWereRemoved() {
        // Upstream annotations name the newest successor even where it came later (flowcontrol v1alpha1 names
        // v1beta3, which arrived in 1.26, but was removed in 1.21). check() then falls back to a served version;
        // this list is here so that a regeneration that changes it is noticed and reviewed.
        List<String> late = TABLE.rows().stream()
                .filter(r -> r.removed() != null && r.replacementApiVersion() != null)
                .filter(r -> !TABLE.find(r.replacementApiVersion(), r.replacementKind()).orElseThrow()
                        .isServedIn(r.removed()))
                .map(ApiLifecycle::displayName)
                .sorted()
                .toList();
        assertThat(late).containsExactly(
                "flowcontrol.apiserver.k8s.io/v1alpha1 FlowSchema",
                "flowcontrol.apiserver.k8s.io/v1alpha1 PriorityLevelConfiguration");
    }
}
