package io.ascent.core.manifest.render;

import io.ascent.core.workspace.ConfinedFiles;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A render's output on disk, read back one document at a time: where each document ends is indexed once (the line of
 * every {@code ---} separator and Helm {@code # Source:} line, and the byte offset after it), so that the lines of a
 * document with a finding are read again without the output ever being held whole.
 */
final class RenderedOutput {
    /** How much of a line is kept while indexing: enough to tell a separator or a Source line. */
    private static final int BOUNDARY_PREFIX = 64;
    private static final String SOURCE = "# Source: ";
    private static final Pattern SEPARATOR = Pattern.compile("^---\\s*$");

    private final ConfinedFiles files;
    private final Path file;
    private NavigableMap<Integer, Long> boundaries;
    private int lineCount;

    RenderedOutput(ConfinedFiles files, Path file) {
        this.files = files;
        this.file = file;
    }

    /**
     * The lines of one document of the output.
     *
     * @param firstLine the 1-based line of the output its first line is
     * @param lines     its lines, without trailing white space
     */
    record Document(int firstLine, List<String> lines) {
        String text() {
            return String.join("\n", lines) + "\n";
        }
    }

    /** The document holding line {@code line} (1-based), from the line after one boundary to the line before the next. */
    Optional<Document> documentAround(int line) {
        if (!indexed() || line < 1 || line > lineCount) {
            return Optional.empty();
        }
        Map.Entry<Integer, Long> before = boundaries.lowerEntry(line);
        Integer after = boundaries.higherKey(line);
        int first = before == null ? 1 : before.getKey() + 1;
        int last = after == null ? lineCount : after - 1;
        List<String> lines = new ArrayList<>(last - first + 1);
        try (InputStream in = files.open(file);
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            in.skipNBytes(before == null ? 0 : before.getValue());
            for (int i = first; i <= last; i++) {
                String text = reader.readLine();
                lines.add(text == null ? "" : text.stripTrailing());
            }
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
        return Optional.of(new Document(first, lines));
    }

    /** Whether a line ends a document: a separator or the {@code # Source:} line of the next one. */
    static boolean boundary(String line) {
        return SEPARATOR.matcher(line).matches() || line.startsWith(SOURCE);
    }

    private boolean indexed() {
        if (boundaries != null) {
            return true;
        }
        NavigableMap<Integer, Long> found = new TreeMap<>();
        try (InputStream in = new BufferedInputStream(files.open(file))) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            boolean cut = false;
            long offset = 0;
            int number = 0;
            for (int b = in.read(); ; b = in.read()) {
                if (b >= 0) {
                    offset++;
                }
                if (b == '\n' || b < 0) {
                    if (b >= 0 || line.size() > 0) {
                        number++;
                        String start = line.toString(StandardCharsets.UTF_8);
                        if (cut ? start.startsWith(SOURCE) : boundary(start)) {
                            found.put(number, offset);
                        }
                    }
                    line.reset();
                    cut = false;
                    if (b < 0) {
                        break;
                    }
                } else if (line.size() < BOUNDARY_PREFIX) {
                    line.write(b); // only the start of a line tells a boundary
                } else {
                    cut = true;
                }
            }
            lineCount = number;
        } catch (IOException | RuntimeException unreadable) {
            return false;
        }
        boundaries = found;
        return true;
    }
}
