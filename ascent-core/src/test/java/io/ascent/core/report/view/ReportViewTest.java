package io.ascent.core.report.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.report.ErrorKind;
import io.ascent.core.report.Item;
import io.ascent.core.report.Location;
import io.ascent.core.report.Report;
import io.ascent.core.report.Severity;
import io.ascent.core.report.SourceExcerpt;
import io.ascent.core.report.Status;
import io.ascent.core.report.Waiver;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The view model pages share: order, grouping, excerpts, waivers and visible text. */
class ReportViewTest {
    private static final Instant AT = Instant.parse("2026-11-30T10:00:00Z");

    private static Item item(String id, Status status, String path, int line) {
        return Item.builder(id, id + " title").severity(Severity.ERROR).status(status).message(id + " message")
                .location(path == null ? null : new Location(path, line, 1)).build();
    }

    private static Report report(List<Item> items, SourceExcerpt... excerpts) {
        return new Report("app", "app/ascent.yaml", AT, items, List.of(), false, List.of(), false, null, null,
                List.of(excerpts));
    }

    @Test
    void shouldPutWhatNeedsActionFirstAndBaselinedBeforeWaived() {
        ReportView view = ReportView.of(report(List.of(item("a.pass", Status.PASS, null, 0),
                item("a.base", Status.BASELINED, "k.yaml", 2), item("a.fail", Status.FAIL, "k.yaml", 3),
                item("a.waived", Status.FAIL, "k.yaml", 4).waivedBy(new Waiver("later", null,
                        LocalDate.parse("2027-01-01"))), item("a.warn", Status.WARN, "j.yaml", 1))));

        assertThat(view.getGroups()).extracting(StatusGroup::getLabel, StatusGroup::isProblem).containsExactly(
                org.assertj.core.groups.Tuple.tuple("FAIL", true), org.assertj.core.groups.Tuple.tuple("WARN", true),
                org.assertj.core.groups.Tuple.tuple("BASELINED", false),
                org.assertj.core.groups.Tuple.tuple("WAIVED", false), org.assertj.core.groups.Tuple.tuple("PASS", false));
        assertThat(view.getHeadline()).isEqualTo("1 failed, 1 warning, 1 baselined, 1 waived, 1 passed of 5 items");
        assertThat(view.getChecks()).extracting(CheckCount::getId, CheckCount::getProblems).containsExactly(
                org.assertj.core.groups.Tuple.tuple("a.base", 0), org.assertj.core.groups.Tuple.tuple("a.fail", 1),
                org.assertj.core.groups.Tuple.tuple("a.pass", 0), org.assertj.core.groups.Tuple.tuple("a.waived", 0),
                org.assertj.core.groups.Tuple.tuple("a.warn", 1));
        assertThat(view.getStatuses()).extracting(StatusCount::getLabel)
                .containsExactly("FAIL", "WARN", "BASELINED", "WAIVED", "PASS");
    }

    @Test
    void shouldShowEachFindingOnlyTheLinesNearItFromASharedExcerpt() {
        ReportView view = ReportView.of(report(List.of(item("a", Status.FAIL, "k.yaml", 3),
                        item("b", Status.FAIL, "k.yaml", 7), item("c", Status.FAIL, "other.yaml", 3)),
                new SourceExcerpt("k.yaml", 1, List.of("l1", "l2", "l3", "l4", "l5", "l6", "l7", "l8", "l9"))));

        List<ItemView> items = view.getGroups().get(0).getFiles().get(0).getItems();
        assertThat(items.get(0).getExcerpt()).extracting(ExcerptLine::getNumber).containsExactly(1, 2, 3, 4, 5);
        assertThat(items.get(1).getExcerpt()).extracting(ExcerptLine::getNumber).containsExactly(5, 6, 7, 8, 9);
        assertThat(items.get(1).getExcerpt()).filteredOn(ExcerptLine::isFinding).extracting(ExcerptLine::getText)
                .containsExactly("l7");
        assertThat(view.getGroups().get(0).getFiles().get(1).getItems().get(0).getExcerpt()).isEmpty();
    }

    @Test
    void shouldListWaiversByExpiryCountedFromTheDayOfTheRun() {
        Waiver soon = new Waiver("probes next sprint", "team-web", LocalDate.parse("2026-12-03"));
        Waiver later = new Waiver("sizing", null, LocalDate.parse("2027-03-01"));
        ReportView view = ReportView.of(report(List.of(item("x", Status.FAIL, "a", 1).waivedBy(later),
                item("y", Status.WARN, "b", 1).waivedBy(soon), item("z", Status.WARN, "c", 1).waivedBy(soon))));

        assertThat(view.getWaivers()).extracting(WaiverView::getExpires, WaiverView::getExpiry,
                WaiverView::isExpiringSoon, WaiverView::getCount, WaiverView::getChecks).containsExactly(
                org.assertj.core.groups.Tuple.tuple("2026-12-03", "3 days left", true, 2, List.of("y", "z")),
                org.assertj.core.groups.Tuple.tuple("2027-03-01", "91 days left", false, 1, List.of("x")));
    }

    @Test
    void shouldMakeDirectionAndControlCharactersVisible() {
        Item hostile = Item.builder("repo.forbidden", "Forbidden").severity(Severity.ERROR)
                .problem("'src/\u202Eexe.txt' is forbidden\nsecond line\u001b[2J")
                .location(new Location("src/\u202Eexe.txt", 1, 1)).build();
        ItemView view = ReportView.of(report(List.of(hostile), new SourceExcerpt("src/\u202Eexe.txt", 1,
                List.of("a\u2066b\tc")))).getGroups().get(0).getFiles().get(0).getItems().get(0);

        assertThat(view.getPath()).isEqualTo("src/\\u202Eexe.txt");
        assertThat(view.getMessage()).isEqualTo("'src/\\u202Eexe.txt' is forbidden\nsecond line\\x1B[2J");
        assertThat(view.getExcerpt().get(0).getText()).isEqualTo("a\\u2066b\tc");
    }

    @Test
    void shouldNameTheKindOfAnErrorThatIsNotBrokenInput() {
        Item internal = Item.builder("ascent.internal", "Internal").error(ErrorKind.INTERNAL, "boom").build();
        assertThat(ItemView.of(internal).getStatusLabel()).isEqualTo("ERROR(internal)");
        assertThat(ItemView.of(item("a", Status.BASELINED, null, 0)).getStatusLabel()).isEqualTo("BASELINED");
    }
}
