package io.ascent.core.excerpt;

import io.ascent.core.report.Item;
import io.ascent.core.report.Location;
import io.ascent.core.report.Redaction;
import io.ascent.core.report.SourceExcerpt;
import io.ascent.core.report.Status;
import io.ascent.core.workspace.ConfinedFiles;
import io.ascent.core.workspace.Workspace;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Reads the lines around the findings of a run. Only findings with a line get one (FAIL, ERROR, WARN, BASELINED,
 * WAIVED; not PASS or SKIP); each file is read once, through {@link ConfinedFiles}, and skipped when it is not
 * UTF-8 text or is over {@value #MAX_FILE_BYTES} bytes. The lines are those on disk after the run, so with a commit
 * that differs from the working tree they may be the working tree's.
 */
public final class ExcerptCollector {
    /** Lines shown before and after the finding's line. */
    static final int CONTEXT = 2;
    static final long MAX_FILE_BYTES = 2L << 20;
    static final int MAX_EXCERPTS = 1000;
    static final int MAX_LINE_LENGTH = 240;

    private ExcerptCollector() {
    }

    /** The excerpts for {@code items}, in the order of their files' first finding; never throws for a bad file. */
    public static List<SourceExcerpt> collect(Workspace workspace, List<Item> items) {
        Map<String, TreeSet<Integer>> linesByFile = new LinkedHashMap<>();
        int wanted = 0;
        for (Item item : items) {
            Location location = item.location();
            if (location == null || !location.hasLine() || item.status() == Status.PASS
                    || item.status() == Status.SKIP || wanted == MAX_EXCERPTS) {
                continue;
            }
            if (linesByFile.computeIfAbsent(location.path(), path -> new TreeSet<>()).add(location.line())) {
                wanted++;
            }
        }
        ConfinedFiles files = workspace.files(MAX_FILE_BYTES);
        List<SourceExcerpt> excerpts = new ArrayList<>();
        linesByFile.forEach((path, lines) -> read(files, workspace.repositoryRoot(), path)
                .ifPresent(text -> excerpts.addAll(around(path, text, lines))));
        return excerpts;
    }

    /** The file's text with its secrets redacted, or empty when it cannot or should not be shown. */
    private static Optional<String[]> read(ConfinedFiles files, Path root, String path) {
        if (path.isEmpty() || path.startsWith("/") || path.contains("\\")) {
            return Optional.empty();
        }
        Path file = root.resolve(path).normalize();
        if (!file.startsWith(root)) {
            return Optional.empty();
        }
        try {
            byte[] bytes = files.readAllBytes(file);
            String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
            if (text.indexOf('\0') >= 0) {
                return Optional.empty(); // binary
            }
            // split() drops what follows the last line feed when it is empty: no line after the file's last one.
            return Optional.of(Redaction.redactFile(file.getFileName().toString(), text).split("\r?\n"));
        } catch (CharacterCodingException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            // A folder, a link out of the repository, a file gone since the run: no excerpt, the finding stands.
            return Optional.empty();
        }
    }

    /** One excerpt per run of nearby findings: windows that overlap or touch are merged. */
    private static List<SourceExcerpt> around(String path, String[] text, TreeSet<Integer> lines) {
        List<SourceExcerpt> excerpts = new ArrayList<>();
        int from = -1;
        int to = -1;
        for (int line : lines) {
            if (line > text.length) {
                continue;
            }
            int start = Math.max(1, line - CONTEXT);
            int end = Math.min(text.length, line + CONTEXT);
            if (from > 0 && start <= to + 1) {
                to = Math.max(to, end);
                continue;
            }
            if (from > 0) {
                excerpts.add(excerpt(path, text, from, to));
            }
            from = start;
            to = end;
        }
        if (from > 0) {
            excerpts.add(excerpt(path, text, from, to));
        }
        return excerpts;
    }

    private static SourceExcerpt excerpt(String path, String[] text, int from, int to) {
        List<String> lines = new ArrayList<>(to - from + 1);
        for (int number = from; number <= to; number++) {
            String line = text[number - 1];
            if (line.length() > MAX_LINE_LENGTH) {
                // Never half a surrogate pair.
                int cut = Character.isHighSurrogate(line.charAt(MAX_LINE_LENGTH - 1)) ? MAX_LINE_LENGTH - 1
                        : MAX_LINE_LENGTH;
                line = line.substring(0, cut) + "…";
            }
            lines.add(line);
        }
        return new SourceExcerpt(path, from, lines);
    }
}
