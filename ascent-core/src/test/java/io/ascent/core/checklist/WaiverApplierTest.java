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
                RepositoryRules.defaults(), KubernetesSettings.defaults(), null, List.of(), waivers);
    }

    private static Item finding(String id, String path) {
        return Item.builder(id, "title").severity(Severity.ERROR).problem("found").location(Location.of(path)).build();
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
}
