package io.ascent.jenkins.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.report.view.ItemView;

import org.junit.jupiter.api.Test;

class SummaryModelTest {

    @Test
    void shouldCountEveryStatusInTheHeadline() {
        assertThat(new SummaryModel(Reports.mixed()).getHeadline())
                .isEqualTo("1 failed, 1 error, 1 warning, 1 waived, 1 skipped, 1 passed of 6 items");
        assertThat(new SummaryModel(Reports.failing(3)).getHeadline()).isEqualTo("3 failed of 3 items");
        assertThat(new SummaryModel(Reports.passing()).getHeadline()).isEqualTo("1 passed of 1 item");
    }

    @Test
    void shouldSayWhenTheEnvironmentCouldNotRunTheChecks() {
        SummaryModel model = new SummaryModel(Reports.environmentFailed());
        assertThat(model.getHeadline()).startsWith("the environment could not run every check");
        assertThat(model.isPassed()).isFalse();
    }

    @Test
    void shouldListFailedItemsBeforeWarningsWithLocationMessageAndFix() {
        SummaryModel model = new SummaryModel(Reports.mixed());
        assertThat(model.getItems()).extracting(ItemView::getId)
                .containsExactly("repo.required", "manifest.parse", "manifest.probes");
        ItemView failed = model.getItems().get(0);
        assertThat(failed.getStatus()).isEqualTo("fail");
        assertThat(failed.getLocation()).isEqualTo("examples/app");
        assertThat(failed.getMessage()).isEqualTo("no file matches 'LICENSE*'");
        assertThat(failed.getFix()).isEqualTo("add a LICENSE file");
        assertThat(model.getItems().get(1).getLocation()).isEqualTo("examples/app/deploy/app.yaml:3:7");
        assertThat(model.isPassed()).isFalse();
    }

    @Test
    void shouldShowAtMostTenItemsAndCountTheRest() {
        SummaryModel model = new SummaryModel(Reports.failing(13));
        assertThat(model.getItems()).hasSize(10);
        assertThat(model.getMore()).isEqualTo(3);
        assertThat(new SummaryModel(Reports.failing(10)).getMore()).isZero();
    }

    @Test
    void shouldListNothingForAPassingReport() {
        SummaryModel model = new SummaryModel(Reports.passing());
        assertThat(model.getItems()).isEmpty();
        assertThat(model.isPassed()).isTrue();
    }
}
