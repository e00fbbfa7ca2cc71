package io.ascent.core.repo;

import io.ascent.core.Ascent;
import io.ascent.core.ValidateOptions;
import io.ascent.core.progress.ProgressListener;
import io.ascent.core.report.Item;
import io.ascent.core.report.Report;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** Runs the engine with only the repository step, as {@code ascent validate} would, and picks items out. */
final class RepositoryRun {
    static final String HEADER = """
            apiVersion: ascent.dev/v1
            kind: Checklist
            metadata:
              name: app
            """;

    private RepositoryRun() {
    }

    static Ascent engine() {
        return new Ascent(Clock.fixed(Instant.parse("2026-06-01T10:00:00Z"), ZoneOffset.UTC),
                List.of(new RepositoryStep()));
    }

    static Report validate(Path dir) throws InterruptedException {
        return validate(ValidateOptions.of(dir));
    }

    static Report validate(ValidateOptions options) throws InterruptedException {
        return engine().validate(options, ProgressListener.SILENT);
    }

    /** The checklist header followed by {@code body} (a {@code repository:} section, items...). */
    static String checklist(String body) {
        return HEADER + body;
    }

    static List<Item> items(Report report, String id) {
        return report.items().stream().filter(item -> item.id().equals(id)).toList();
    }

    static List<Item> items(Report report, RepositoryRule rule) {
        return items(report, rule.id());
    }

    /** Everything a report says, for checks that a secret never appears. */
    static String allText(Report report) {
        StringBuilder text = new StringBuilder();
        for (Item item : report.items()) {
            text.append(item.message()).append('\n').append(item.title()).append('\n')
                    .append(item.remediation()).append('\n').append(item.location()).append('\n');
        }
        report.log().forEach(entry -> text.append(entry.message()).append('\n'));
        return text.toString();
    }
}
