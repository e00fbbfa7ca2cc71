package io.ascent.core.baseline;

import io.ascent.core.checklist.Checklist;
import io.ascent.core.checklist.ChecklistRule;
import io.ascent.core.report.ErrorKind;
import io.ascent.core.report.Item;
import io.ascent.core.report.Location;
import io.ascent.core.report.Severity;
import io.ascent.core.report.Status;
import io.ascent.core.run.RunSink;
import io.ascent.core.workspace.Workspace;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The baseline of one run: read from the application directory (when there is one), applied to every item the
 * checks produce, and at the end turned into a warning per entry that matched nothing.
 */
public final class AppliedBaseline {
    /** No baseline: items pass unchanged and nothing is said at the end. */
    public static final AppliedBaseline NONE = new AppliedBaseline(null, null);

    private final String displayPath;
    private final BaselineMatcher matcher;

    private AppliedBaseline(String displayPath, Baseline baseline) {
        this.displayPath = displayPath;
        this.matcher = baseline == null ? null : baseline.matcher();
    }

    /**
     * The baseline file {@code checklist} names ({@link Baseline#file}), or {@link #NONE} when there is none. A file
     * that cannot be used is an ERROR item (broken input, exit 2) at its line and column, and the run goes on without
     * it, so every finding is still shown.
     */
    public static AppliedBaseline load(Workspace workspace, Checklist checklist, RunSink sink) {
        Optional<Path> named = Baseline.file(workspace, checklist);
        if (named.isEmpty() || !Files.exists(named.get(), LinkOption.NOFOLLOW_LINKS)) {
            return NONE;
        }
        Path file = named.get();
        String shown = workspace.displayPath(file);
        try {
            byte[] bytes = workspace.files(BaselineJson.MAX_BYTES).readAllBytes(file);
            String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
            Baseline baseline = BaselineJson.read(text, shown);
            sink.info("baseline " + shown + ": " + baseline.findings() + " accepted "
                    + (baseline.findings() == 1 ? "finding" : "findings") + "; only new findings fail");
            return new AppliedBaseline(shown, baseline);
        } catch (BaselineException e) {
            sink.item(broken(e.location(), e.getMessage()));
        } catch (CharacterCodingException e) {
            sink.item(broken(Location.of(shown), "is not UTF-8 text"));
        } catch (IOException e) {
            sink.item(broken(Location.of(shown), shown + " " + e.getMessage()));
        }
        return NONE;
    }

    private static Item broken(Location location, String message) {
        return ChecklistRule.BASELINE.item().error(ErrorKind.INPUT, "the baseline cannot be used: " + message)
                .location(location)
                .remediation("correct it at the position shown, or write it again with 'ascent baseline'; until then "
                        + "every finding is judged as new")
                .build();
    }

    /** The item, baselined when the baseline holds it. */
    public Item apply(Item item) {
        return matcher == null ? item : matcher.apply(item);
    }

    /**
     * After the checks: one warning per entry that matched nothing, at its line in the baseline file. When a check
     * could not judge ({@code items} hold an ERROR), its findings are missing rather than fixed, so no entry is
     * called stale.
     *
     * @param items every item of the run so far
     */
    public void finish(List<Item> items, RunSink sink) {
        if (matcher == null) {
            return;
        }
        List<BaselineEntry> unmatched = matcher.unmatched();
        if (unmatched.isEmpty()) {
            return;
        }
        if (items.stream().anyMatch(item -> item.status() == Status.ERROR)) {
            sink.info("baseline " + displayPath + ": " + unmatched.size() + " entries matched no finding, but some "
                    + "checks could not judge (ERROR items), so they are not reported as fixed");
            return;
        }
        for (BaselineEntry entry : unmatched) {
            sink.item(ChecklistRule.BASELINE.item()
                    .severity(Severity.WARNING)
                    .status(Status.WARN)
                    .message("this entry (" + entry.id() + (entry.path().isEmpty() ? "" : " in " + entry.path())
                            + (entry.hint().isEmpty() ? "" : ": " + entry.hint())
                            + ") matches no finding any more: it was fixed")
                    .location(new Location(displayPath, entry.line(), entry.column()))
                    .remediation("remove the entry from the baseline, or write it again with 'ascent baseline'")
                    .key(entry.fingerprint())
                    .build());
        }
    }
}
