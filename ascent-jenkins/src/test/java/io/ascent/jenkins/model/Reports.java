package io.ascent.jenkins.model;

import io.ascent.core.report.Item;
import io.ascent.core.report.Location;
import io.ascent.core.report.Report;
import io.ascent.core.report.Severity;
import io.ascent.core.report.Status;
import io.ascent.core.report.Waiver;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Reports for the plugin's tests, built at test time. */
public final class Reports {

    private Reports() {
    }

    /** One item of each status, failed ones not first, in two files. */
    public static Report mixed() {
        return new Report("examples/app", "examples/app/ascent.yaml", Instant.parse("2026-11-25T10:00:00Z"), List.of(
                pass("checklist.schema", "examples/app/ascent.yaml"),
                Item.builder("manifest.probes", "Containers have probes").severity(Severity.WARNING)
                        .problem("container 'web' has no readinessProbe")
                        .location(new Location("examples/app/deploy/app.yaml", 12, 9))
                        .remediation("add a readinessProbe").build(),
                Item.builder("repo.required", "Required files are committed")
                        .problem("no file matches 'LICENSE*'").location(Location.of("examples/app"))
                        .remediation("add a LICENSE file").build(),
                Item.builder("manifest.parse", "Manifests parse").status(Status.ERROR)
                        .message("invalid YAML").location(new Location("examples/app/deploy/app.yaml", 3, 7)).build(),
                Item.builder("provision.cluster", "Cluster created").status(Status.SKIP)
                        .message("provisioning not requested").build(),
                Item.builder("manifest.resources", "Containers set resources").problem("no limits")
                        .location(new Location("examples/app/deploy/app.yaml", 20, 11)).build()
                        .waivedBy(new Waiver("sizing pending", "team-batch", LocalDate.of(2027, 1, 31)))),
                List.of(), false);
    }

    public static Report passing() {
        return new Report("examples/app", "examples/app/ascent.yaml", Instant.EPOCH,
                List.of(pass("checklist.schema", "examples/app/ascent.yaml")), List.of(), false);
    }

    public static Report warningsOnly() {
        return new Report("examples/app", null, Instant.EPOCH, List.of(Item.builder("manifest.probes", "Probes")
                .severity(Severity.WARNING).problem("no probe").build()), List.of(), false);
    }

    public static Report environmentFailed() {
        return new Report("examples/app", null, Instant.EPOCH, List.of(), List.of(), true);
    }

    /** {@code count} failed items, one per line of one file. */
    public static Report failing(int count) {
        List<Item> items = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            items.add(Item.builder("check." + i, "Check " + i).problem("problem " + i)
                    .location(new Location("deploy/app.yaml", i, 1)).build());
        }
        return new Report("examples/app", null, Instant.EPOCH, items, List.of(), false);
    }

    private static Item pass(String id, String path) {
        return Item.builder(id, id).message("fine").location(Location.of(path)).build();
    }
}
