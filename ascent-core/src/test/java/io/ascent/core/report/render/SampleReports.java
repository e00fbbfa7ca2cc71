package io.ascent.core.report.render;

import io.ascent.core.report.Item;
import io.ascent.core.report.Location;
import io.ascent.core.report.Report;
import io.ascent.core.report.Severity;
import io.ascent.core.report.Status;
import io.ascent.core.report.Waiver;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One report with an item of every status, shared by the renderer tests. */
final class SampleReports {

    private SampleReports() {
    }

    static Report mixed() {
        return new Report("examples/app", "examples/app/ascent.yaml", Instant.parse("2026-11-25T10:00:00Z"), List.of(
                Item.builder("checklist.schema", "Checklist matches the schema")
                        .message("examples/app/ascent.yaml is a valid Ascent Checklist ascent.dev/v1")
                        .location(Location.of("examples/app/ascent.yaml")).duration(Duration.ofMillis(3)).build(),
                Item.builder("repo.required", "Required files are committed").severity(Severity.ERROR)
                        .problem("no file matches 'LICENSE*|COPYING*'")
                        .location(Location.of("examples/app")).remediation("add a LICENSE file").build(),
                Item.builder("manifest.probes", "Containers have probes").severity(Severity.WARNING)
                        .problem("container 'web' has no readinessProbe <script>")
                        .location(new Location("examples/app/deploy/app.yaml", 12, 9)).key("Deployment/web").build(),
                Item.builder("manifest.parse", "Manifests parse").status(Status.ERROR)
                        .message("invalid YAML: mapping values are not allowed here")
                        .location(new Location("examples/app/deploy/broken.yaml", 3, 7)).build(),
                Item.builder("provision.cluster", "Cluster created").status(Status.SKIP)
                        .message("provisioning not requested").build(),
                Item.builder("manifest.resources", "Containers set resources").severity(Severity.ERROR)
                        .problem("container 'job' sets no limits")
                        .location(new Location("examples/app/deploy/job.yaml", 20, 11)).build()
                        .waivedBy(new Waiver("batch sizing pending", "team-batch", LocalDate.of(2027, 1, 31)))),
                List.of(), false);
    }
}
