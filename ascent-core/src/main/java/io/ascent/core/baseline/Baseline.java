package io.ascent.core.baseline;

import io.ascent.core.checklist.Checklist;
import io.ascent.core.workspace.Workspace;
import java.nio.file.Path;
import java.util.Optional;

import io.ascent.core.report.Item;
import io.ascent.core.report.Status;
import io.ascent.core.report.render.Fingerprints;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The findings a team accepted when it adopted Ascent: one entry per fingerprint, sorted by path, check and
 * fingerprint so that the committed file changes only where findings change.
 */
public final class Baseline {
    /** The baseline's file when the checklist names none ({@code baseline}): in the application directory. */
    public static final String FILE_NAME = Checklist.DEFAULT_BASELINE;

    /** Hints are reminders, not reports: a line of text at most. */
    static final int MAX_HINT_LENGTH = 120;

    private static final Comparator<BaselineEntry> ORDER = Comparator.comparing(BaselineEntry::path)
            .thenComparing(BaselineEntry::id).thenComparing(BaselineEntry::fingerprint);

    private final List<BaselineEntry> entries;

    public Baseline(List<BaselineEntry> entries) {
        this.entries = List.copyOf(entries);
    }

    /**
     * The baseline of a run's findings: every FAIL and WARN (and every finding already baselined), except the
     * checklist's own items and Ascent's, which are about the checklist and the run, not about the application:
     * an expired waiver or a broken checklist must never be baselined away. ERROR items are not findings (the check
     * could not judge) and waived ones are already excused.
     */
    public static Baseline of(List<Item> items) {
        Map<String, BaselineEntry> byFingerprint = new LinkedHashMap<>();
        for (Item item : items) {
            if (!isBaselinable(item)) {
                continue;
            }
            String fingerprint = Fingerprints.of(item);
            byFingerprint.merge(fingerprint,
                    new BaselineEntry(fingerprint, item.id(), item.location() == null ? "" : item.location().path(),
                            hint(item.message()), 1, 0, 0),
                    (old, added) -> new BaselineEntry(old.fingerprint(), old.id(), old.path(), old.hint(),
                            old.count() + 1, 0, 0));
        }
        List<BaselineEntry> sorted = new ArrayList<>(byFingerprint.values());
        sorted.sort(ORDER);
        return new Baseline(sorted);
    }

    /** Whether a baseline may hold {@code item}: a finding of the application, not of the checklist or the run. */
    static boolean isBaselinable(Item item) {
        boolean finding = item.status() == Status.FAIL || item.status() == Status.WARN
                || item.status() == Status.BASELINED;
        return finding && !item.id().startsWith("checklist.") && !item.id().startsWith("ascent.");
    }

    /**
     * The baseline file {@code checklist} names ({@code baseline}, relative to the application directory), or empty
     * when the path as written leaves the repository (the checklist's own checks refuse it before any run). Links
     * are not followed here: reading goes through the workspace's gate, which refuses one that leads out.
     */
    public static Optional<Path> file(Workspace workspace, Checklist checklist) {
        Path file = workspace.applicationDir().resolve(checklist.baseline()).normalize();
        return file.startsWith(workspace.repositoryRoot()) && !Path.of(checklist.baseline()).isAbsolute()
                ? Optional.of(file) : Optional.empty();
    }

    /** The entries, sorted by path, check and fingerprint. */
    public List<BaselineEntry> entries() {
        return entries;
    }

    /** How many findings the baseline accepts (entries counted with their {@link BaselineEntry#count()}). */
    public int findings() {
        return entries.stream().mapToInt(BaselineEntry::count).sum();
    }

    /** A fresh matcher: each entry excuses as many findings as its count, no more. */
    public BaselineMatcher matcher() {
        return new BaselineMatcher(entries);
    }

    /** The message on one line, without control characters, shortened to {@value #MAX_HINT_LENGTH} characters. */
    static String hint(String message) {
        StringBuilder out = new StringBuilder(Math.min(message.length(), MAX_HINT_LENGTH));
        for (int i = 0; i < message.length() && out.length() < MAX_HINT_LENGTH; i++) {
            char c = message.charAt(i);
            out.append(Character.isISOControl(c) || Character.getType(c) == Character.FORMAT ? ' ' : c);
        }
        if (message.length() > MAX_HINT_LENGTH) {
            out.setLength(MAX_HINT_LENGTH - 1);
            if (Character.isHighSurrogate(out.charAt(out.length() - 1))) {
                out.setLength(out.length() - 1);
            }
            out.append('…');
        }
        return out.toString().strip();
    }
}
