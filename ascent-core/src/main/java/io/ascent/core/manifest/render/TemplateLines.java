package io.ascent.core.manifest.render;

import io.ascent.core.manifest.Resource;
import io.ascent.core.report.Location;
import io.ascent.core.workspace.ConfinedFiles;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the template line a line of {@code helm template}'s output came from, by matching the rendered document back
 * to its template: a template line without an action must equal the rendered line (Helm copies literal text as it
 * is, indentation included); one with actions must match it with each action standing for any text, and have
 * literal text of its own (a line that is only {@code {{ include ... | nindent 4 }}} matches nothing). The two are
 * aligned in order (longest common subsequence), so text a helper, a {@code range} or a value inserted stays
 * unmatched.
 *
 * <p>A line is answered only when the match is sure: a neighbouring output line came from the neighbouring template
 * line, or both neighbours came from template lines with only lines that render nothing between. Otherwise the finding names the template
 * alone (with the rendered line in its message), never a wrong line. The column is kept where the template's text is
 * the rendered text (a literal line, or before the line's first action).
 */
final class TemplateLines implements SourceLocator {
    /** Past this many line pairs a document is not aligned: the template file alone is named. */
    static final long MAX_PAIRS = 1_000_000L;
    private static final Pattern ACTION = Pattern.compile("\\{\\{.*?\\}\\}");
    private static final Pattern SEPARATOR = Pattern.compile("^---\\s*$");
    /** How much of a line is kept while indexing: enough to tell a separator or a Source line. */
    private static final int BOUNDARY_PREFIX = 64;
    private static final String SOURCE = "# Source: ";
    /** A line of control actions that trim the line break before them: it renders nothing. */
    private static final Pattern SILENT = Pattern.compile(
            "\\s*(\\{\\{-\\s*((if|else|end|with|range|define)\\b|/\\*).*?\\}\\}\\s*)+");

    private final ConfinedFiles files;
    private final Path output;
    /** Line number of each line that ends a document (a separator or a Source line), read once when first asked. */
    private NavigableMap<Integer, Long> boundaries;
    private int lineCount;
    private final Map<Path, Optional<List<TemplateLine>>> templates = new HashMap<>();
    /** The alignment of each document (by its first output line and template) already made: findings share it. */
    private final Map<String, int[]> alignments = new HashMap<>();

    /**
     * @param output the file holding the rendered output, whose lines the findings name; only the documents of
     *               findings are read back from it
     */
    TemplateLines(ConfinedFiles files, Path output) {
        this.files = files;
        this.output = output;
    }

    /** One line of a template: the text it renders as is, or a pattern when it holds actions. */
    private record TemplateLine(String text, Pattern pattern, int firstAction, boolean silent) {
        boolean matches(String rendered) {
            return pattern == null ? text.equals(rendered) : pattern.matcher(rendered).matches();
        }

        /** Whether a rendered line's column {@code column} (1-based) is the same column of this line. */
        boolean keepsColumn(int column) {
            return pattern == null || column <= firstAction;
        }

        static TemplateLine of(String line) {
            String text = line.stripTrailing();
            Matcher actions = ACTION.matcher(text);
            if (!actions.find()) {
                return text.contains("{{") ? unmatchable(text) : new TemplateLine(text, null, -1, false);
            }
            int firstAction = actions.start() + 1;
            StringBuilder regex = new StringBuilder();
            StringBuilder literal = new StringBuilder();
            int at = 0;
            actions.reset();
            while (actions.find()) {
                String before = text.substring(at, actions.start());
                literal.append(before);
                // "{{-" and "-}}" trim the whitespace beside them.
                regex.append(Pattern.quote(actions.group().startsWith("{{-") ? before.stripTrailing() : before))
                        .append("\\s*.*?\\s*");
                at = actions.end();
                if (actions.group().endsWith("-}}")) {
                    while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                        at++;
                    }
                }
            }
            literal.append(text.substring(at));
            regex.append(Pattern.quote(text.substring(at)));
            if (literal.chars().noneMatch(Character::isLetterOrDigit) || text.contains("{{/*")) {
                return unmatchable(text); // nothing of its own to recognise it by, or a comment
            }
            return new TemplateLine(text, Pattern.compile(regex.toString()), firstAction, false);
        }

        private static TemplateLine unmatchable(String text) {
            return new TemplateLine(text, Pattern.compile("(?!)"), 0, SILENT.matcher(text).matches());
        }
    }

    @Override
    public Optional<Location> find(Resource rendered, int line, int column, Path source, String displayPath) {
        Optional<List<TemplateLine>> template = templates.computeIfAbsent(source, this::read);
        if (template.isEmpty() || !indexed() || line < 1 || line > lineCount) {
            return Optional.empty();
        }
        // The document holding the line: from the line after the boundary before it to the line before the next.
        Map.Entry<Integer, Long> before = boundaries.lowerEntry(line);
        Integer after = boundaries.higherKey(line);
        int first = before == null ? 0 : before.getKey(); // 0-based index of the document's first line
        int last = (after == null ? lineCount + 1 : after) - 2;
        List<String> document = documentLines(before == null ? 0 : before.getValue(), last - first + 1);
        if (document == null) {
            return Optional.empty();
        }
        List<TemplateLine> lines = template.get();
        if ((long) document.size() * lines.size() > MAX_PAIRS) {
            return Optional.empty();
        }
        int[] aligned = alignments.computeIfAbsent(first + "\u0000" + source, key -> align(document, lines));
        int index = line - 1 - first;
        int match = aligned[index];
        if (match < 0 || !sure(lines, aligned, index)) {
            return Optional.empty();
        }
        TemplateLine found = lines.get(match);
        return Optional.of(new Location(displayPath, match + 1, found.keepsColumn(column) ? column : 0));
    }

    /**
     * Reads the output once, keeping only where each document ends (the line number of each boundary and the byte
     * offset after it); false when it cannot be read.
     */
    private boolean indexed() {
        if (boundaries != null) {
            return true;
        }
        NavigableMap<Integer, Long> found = new TreeMap<>();
        try (InputStream in = new java.io.BufferedInputStream(files.open(output))) {
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

    /** {@code count} lines of the output from byte {@code offset}, without their trailing spaces. */
    private List<String> documentLines(long offset, int count) {
        List<String> lines = new ArrayList<>(Math.max(0, count));
        try (InputStream in = files.open(output);
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            in.skipNBytes(offset);
            for (int i = 0; i < count; i++) {
                String text = reader.readLine();
                lines.add(text == null ? "" : text.stripTrailing());
            }
            return lines;
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
    }

    /** A line that ends a document of the output: a separator or the {@code # Source:} line of the next one. */
    private static boolean boundary(String line) {
        return SEPARATOR.matcher(line).matches() || line.startsWith(SOURCE);
    }

    private Optional<List<TemplateLine>> read(Path source) {
        try {
            String text = new String(files.readAllBytes(source), StandardCharsets.UTF_8);
            List<TemplateLine> lines = new ArrayList<>();
            for (String line : text.split("\n", -1)) {
                lines.add(TemplateLine.of(line));
            }
            return Optional.of(lines);
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty(); // too large, a link out of the repository, gone: the file alone is named
        }
    }

    /** For each rendered line, the template line it is aligned to, or -1: a longest common subsequence. */
    private static int[] align(List<String> rendered, List<TemplateLine> template) {
        int n = rendered.size();
        int m = template.size();
        int[][] longest = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                longest[i][j] = template.get(j).matches(rendered.get(i)) ? longest[i + 1][j + 1] + 1
                        : Math.max(longest[i + 1][j], longest[i][j + 1]);
            }
        }
        int[] aligned = new int[n];
        java.util.Arrays.fill(aligned, -1);
        for (int i = 0, j = 0; i < n && j < m; ) {
            if (template.get(j).matches(rendered.get(i)) && longest[i][j] == longest[i + 1][j + 1] + 1) {
                aligned[i++] = j++;
            } else if (longest[i + 1][j] >= longest[i][j + 1]) {
                i++;
            } else {
                j++;
            }
        }
        return aligned;
    }

    /**
     * Whether rendered line {@code index} surely came from its template line: the line before or after it in the
     * output came from the template line right before or after (two lines with nothing between them render together),
     * or the lines on both sides came from template lines with only lines that render nothing between
     * ({@code {{- if ... }}}, {@code {{- end }}}). A line alone matching proves nothing: a helper may write the very
     * text of a template line that an {@code if} left out.
     */
    private static boolean sure(List<TemplateLine> template, int[] aligned, int index) {
        int match = aligned[index];
        int before = index > 0 ? aligned[index - 1] : -1;
        int after = index + 1 < aligned.length ? aligned[index + 1] : -1;
        if (before >= 0 && before == match - 1 || after >= 0 && after == match + 1) {
            return true;
        }
        return before >= 0 && after > match && before < match && silentBetween(template, before, match)
                && silentBetween(template, match, after);
    }

    private static boolean silentBetween(List<TemplateLine> template, int from, int to) {
        for (int j = from + 1; j < to; j++) {
            if (!template.get(j).silent()) {
                return false;
            }
        }
        return true;
    }
}
