package io.ascent.core.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.report.Item;
import io.ascent.core.report.Location;
import io.ascent.core.report.Severity;
import io.ascent.core.report.Status;
import io.ascent.core.report.Waiver;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WaiverApplierTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private static final Location NOWHERE = Location.of("ascent.yaml");

    private static Checklist checklist(List<WaiverRule> waivers) {
        return new Checklist("ascent.yaml", "ascent.dev/v1", new Metadata("app", null, null, Map.of()),
                RepositoryRules.defaults(), KubernetesSettings.defaults(), null, List.of(), waivers, null);
    }

    private static Item finding(String id, String path) {
        return Item.builder(id, "title").severity(Severity.ERROR).problem("found").location(Location.of(path)).build();
    }

    private static Item finding(String id, String path, String key) {
        return Item.builder(id, "title").severity(Severity.ERROR).problem("found").location(Location.of(path)).key(key)
                .build();
    }

    private static final Waiver CURRENT = new Waiver("legacy", "team", TODAY.plusDays(30));
    private static final Location AT_ID = new Location("ascent.yaml", 7, 7);

    private static WaiverRule rule(String id, String path, String resource, String key) {
        return new WaiverRule(id, Optional.ofNullable(path), Optional.ofNullable(resource), Optional.ofNullable(key),
                CURRENT, NOWHERE, AT_ID);
    }

    @Test
    void shouldWaiveMatchingFindingsAndKeepTheWaiverVisible() {
        Waiver waiver = new Waiver("legacy", "team", TODAY.plusDays(30));
        WaiverApplier applier = new WaiverApplier(checklist(List.of(
                new WaiverRule("manifest.resources", Optional.of("deploy/**"), waiver, NOWHERE))), TODAY);
        List<Item> out = applier.apply(List.of(
                finding("manifest.resources", "deploy/app/job.yaml"),
                finding("manifest.resources", "other/job.yaml"),
                finding("manifest.probes", "deploy/app/job.yaml")));
        assertThat(out).extracting(Item::status).containsExactly(Status.WAIVED, Status.FAIL, Status.FAIL);
        assertThat(out.get(0).waiver()).isEqualTo(waiver);
    }

    @Test
    void shouldNotWaiveWithAnExpiredWaiver() {
        WaiverApplier applier = new WaiverApplier(checklist(List.of(new WaiverRule("repo.secrets", Optional.empty(),
                new Waiver("old", "me", TODAY.minusDays(1)), NOWHERE))), TODAY);
        assertThat(applier.apply(List.of(finding("repo.secrets", "a.env"))).get(0).status()).isEqualTo(Status.FAIL);
    }

    @Test
    void shouldLeavePassingItemsAlone() {
        WaiverApplier applier = new WaiverApplier(checklist(List.of(new WaiverRule("repo.secrets", Optional.empty(),
                new Waiver("r", "me", TODAY), NOWHERE))), TODAY);
        Item pass = Item.builder("repo.secrets", "t").message("clean").build();
        assertThat(applier.apply(List.of(pass))).containsExactly(pass);
    }

    @Test
    void shouldReadWaiverPathsRelativeToTheApplicationDirectory() {
        WaiverApplier applier = new WaiverApplier(checklist(List.of(rule("manifest.probes", "deploy/**", null, null))),
                TODAY, "services/web");
        assertThat(applier.apply(List.of(
                finding("manifest.probes", "services/web/deploy/web.yaml"),
                finding("manifest.probes", "deploy/web.yaml"),
                finding("manifest.probes", "services/api/deploy/api.yaml"))))
                .extracting(Item::status).containsExactly(Status.WAIVED, Status.FAIL, Status.FAIL);
        assertThat(applier.unused(List.of("manifest.probes"))).isEmpty();
    }

    @Test
    void shouldSayWhenAWaiverWrittenFromTheRepositoryRootNoLongerMatches() {
        WaiverApplier applier = new WaiverApplier(checklist(List.of(
                rule("manifest.probes", "services/web/deploy/**", null, null))), TODAY, "services/web");
        assertThat(applier.apply(List.of(finding("manifest.probes", "services/web/deploy/web.yaml"))))
                .extracting(Item::status).containsExactly(Status.FAIL);
        assertThat(applier.unused(List.of("manifest.probes"))).singleElement().satisfies(warning -> {
            assertThat(warning.id()).isEqualTo("checklist.waivers");
            assertThat(warning.status()).isEqualTo(Status.WARN);
            assertThat(warning.location()).isEqualTo(AT_ID);
            assertThat(warning.message()).contains("'services/web/deploy/**' is now relative to the application"
                    + " directory services/web", "would have waived services/web/deploy/web.yaml");
            assertThat(warning.remediation()).contains("path: \"deploy/**\"");
        });
    }

    @Test
    void shouldWaiveOneResourceOfAMultiDocumentFile() {
        WaiverApplier applier = new WaiverApplier(checklist(List.of(
                rule("manifest.probes", "deploy/all.yaml", "Deployment/web", null))), TODAY);
        assertThat(applier.apply(List.of(
                finding("manifest.probes", "deploy/all.yaml", "Deployment/web/containers/nginx"),
                finding("manifest.probes", "deploy/all.yaml", "Deployment/web"),
                finding("manifest.probes", "deploy/all.yaml", "Deployment/web-canary/containers/nginx"),
                finding("manifest.probes", "deploy/all.yaml", "Deployment/api/containers/api"),
                finding("manifest.probes", "deploy/all.yaml"))))
                .extracting(Item::status)
                .containsExactly(Status.WAIVED, Status.WAIVED, Status.FAIL, Status.FAIL, Status.FAIL);
    }

    @Test
    void shouldWaiveOnlyTheFindingWithTheWaiversKey() {
        WaiverApplier applier = new WaiverApplier(checklist(List.of(
                rule("manifest.probes", null, null, "Deployment/web/containers/nginx"))), TODAY);
        assertThat(applier.apply(List.of(
                finding("manifest.probes", "deploy/all.yaml", "Deployment/web/containers/nginx"),
                finding("manifest.probes", "deploy/all.yaml", "Deployment/web/containers/sidecar"),
                finding("manifest.probes", "deploy/all.yaml"))))
                .extracting(Item::status).containsExactly(Status.WAIVED, Status.FAIL, Status.FAIL);
    }

    @Test
    void shouldWarnAtAWaiverThatMatchesNoFinding() {
        WaiverApplier applier = new WaiverApplier(checklist(List.of(
                rule("manifest.probes", "deploy/**", null, null),
                rule("repo.secrets", null, null, null))), TODAY);
        applier.apply(List.of(finding("repo.secrets", "a.env"), finding("manifest.probes", "other/x.yaml")));
        assertThat(applier.unused(List.of("manifest.probes", "repo.secrets"))).singleElement().satisfies(warning -> {
            assertThat(warning.status()).isEqualTo(Status.WARN);
            assertThat(warning.location()).isEqualTo(AT_ID);
            assertThat(warning.message()).isEqualTo("the waiver for 'manifest.probes' matches no finding in this run");
        });
    }

    @Test
    void shouldWarnAtAWaiverThatNamesNoCheck() {
        WaiverApplier applier = new WaiverApplier(checklist(List.of(
                rule("manifest.probs", null, null, null),
                rule("team.custom", null, null, null),
                rule("provision.smoke", null, null, null),
                new WaiverRule("manifest.probez", Optional.empty(), new Waiver("old", "me", TODAY.minusDays(1)),
                        NOWHERE))), TODAY);
        // team.custom is warned about with the checklist (no built-in prefix); provision.* is not this run's; an
        // expired waiver fails already.
        assertThat(applier.unused(List.of("manifest.probes"))).singleElement().satisfies(warning -> {
            assertThat(warning.location()).isEqualTo(AT_ID);
            assertThat(warning.message())
                    .isEqualTo("the waiver names 'manifest.probs', which is no check; did you mean 'manifest.probes'?");
        });
    }
}
