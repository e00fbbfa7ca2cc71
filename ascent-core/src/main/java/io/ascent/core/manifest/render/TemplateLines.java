package io.ascent.core.manifest.render;

import io.ascent.core.report.Location;
import io.ascent.core.workspace.ConfinedFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the template line a line of {@code helm template}'s output came from, by matching the rendered document back
 * to its template: a template line without an action must equal the rendered line (Helm copies literal text as it
 * is, indentation included); one with actions must match it with each action standing for any text, and have
 * literal text of its own (a line that is only {@code {{ include ... | nindent 4 }}} matches nothing). The two are
 * aligned in order (longest common subsequence), so text a helper, a {@code range} or a value inserted stays
 * unmatched.
 *
 * <p>A line is answered only when the match is sure: a neighbouring output line came from the neighbouring template
 * line, or both neighbours came from template lines with nothing between that could have written the line (lines
 * that render nothing, and whole {@code if}/{@code with}/{@code range} blocks that rendered nothing, as a chart's
 * optional fields do). Otherwise the finding names the template alone (with the rendered line in its message), never
 * a wrong line. The column is kept where the template's text is
 * the rendered text (a literal line, or before the line's first action).
 */
final class TemplateLines implements SourceLocator {
    /** Past this many line pairs a document is not aligned: the template file alone is named. */
    static final long MAX_PAIRS = 1_000_000L;
    /** The control actions whose line renders nothing when each is written {@code {{- keyword ...}}}. */
    private static final java.util.Set<String> CONTROL = java.util.Set.of("if", "else", "end", "with", "range",
            "define");

    private final ConfinedFiles files;
    private final RenderedOutput output;
    private final Map<Path, Optional<List<TemplateLine>>> templates = new HashMap<>();
    /** The alignment of each document (by its first output line and template) already made: findings share it. */
    private final Map<String, int[]> alignments = new HashMap<>();

    /**
     * @param files  reads the templates
     * @param output the rendered output, whose lines the findings name; only the documents of findings are read
     *               back from it
     */
    TemplateLines(ConfinedFiles files, RenderedOutput output) {
        this.files = files;
        this.output = output;
    }

    /**
     * One line of a template: the text it renders as is ({@code segments} null), or the literal texts between its
     * actions, each action standing for any text (no segments: a line that matches nothing).
     *
     * <p>Matched by hand, not by a regular expression: a pattern of {@code .*?} per action backtracks without bound
     * on a long rendered line that almost matches (three actions against 200 spaces took over a minute), and a
     * chart is hostile input. Finding each literal in turn, leftmost first, is the whole of glob matching.
     */
    record TemplateLine(String text, List<String> segments, int firstAction, boolean silent,
            int depthChange) {
        boolean matches(CharSequence rendered) {
            if (segments == null) {
                return text.contentEquals(rendered);
            }
            if (segments.isEmpty()) {
                return false;
            }
            String head = segments.get(0);
            String tail = segments.get(segments.size() - 1);
            int limit = rendered.length() - tail.length(); // where the tail starts
            if (limit < head.length() || !startsAt(rendered, 0, head) || !startsAt(rendered, limit, tail)) {
                return false;
            }
            int at = head.length();
            for (String middle : segments.subList(1, segments.size() - 1)) {
                int found = indexOf(rendered, middle, at, limit);
                if (found < 0) {
                    return false;
                }
                at = found + middle.length();
            }
            return true;
        }

        /** The first index from {@code from} where {@code part} starts and ends by {@code limit}, or -1. */
        private static int indexOf(CharSequence text, String part, int from, int limit) {
            for (int i = from; i + part.length() <= limit; i++) {
                if (startsAt(text, i, part)) {
                    return i;
                }
            }
            return -1;
        }

        private static boolean startsAt(CharSequence text, int at, String part) {
            for (int i = 0; i < part.length(); i++) {
                if (text.charAt(at + i) != part.charAt(i)) {
                    return false;
                }
            }
            return true;
        }

        /** Whether a rendered line's column {@code column} (1-based) is the same column of this line. */
        boolean keepsColumn(int column) {
            return segments == null || column <= firstAction;
        }

        static TemplateLine of(String line) {
            String text = line.stripTrailing();
            int open = text.indexOf("{{");
            if (open < 0) {
                return new TemplateLine(text, null, -1, false, 0);
            }
            List<String> segments = new ArrayList<>();
            StringBuilder literal = new StringBuilder();
            boolean silent = text.substring(0, open).isBlank();
            int depthChange = 0;
            int at = 0;
            while (open >= 0) {
                int close = text.indexOf("}}", open + 2);
                if (close < 0) {
                    return unmatchable(text, false, 0); // an action that goes on to the next line
                }
                String before = text.substring(at, open);
                String action = text.substring(open, close + 2);
                literal.append(before);
                // "{{-" and "-}}" trim the whitespace beside them; the action itself stands for any text
                segments.add(action.startsWith("{{-") ? before.stripTrailing() : before);
                silent &= before.isBlank() && action.startsWith("{{-") && control(action) != null;
                String keyword = control(action);
                depthChange += keyword == null || keyword.isEmpty() || keyword.equals("else") ? 0
                        : keyword.equals("end") ? -1 : 1;
                at = close + 2;
                if (action.endsWith("-}}")) {
                    while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                        at++;
                    }
                }
                open = text.indexOf("{{", at);
            }
            String rest = text.substring(at);
            segments.add(rest);
            literal.append(rest);
            silent &= rest.isBlank();
            if (silent) {
                return unmatchable(text, true, depthChange);
            }
            if (literal.chars().noneMatch(Character::isLetterOrDigit) || text.contains("{{/*")) {
                return unmatchable(text, false, 0); // nothing of its own to recognise it by, or a comment
            }
            return new TemplateLine(text, List.copyOf(segments), text.indexOf("{{") + 1, false, 0);
        }

        /**
         * The keyword of a control action written {@code {{- keyword ...}}} ({@code if}, {@code end}, ...;
         * {@code ""} for a comment {@code {{- /* ... * /}}}), or null for any other action.
         */
        private static String control(String action) {
            if (!action.startsWith("{{-")) {
                return null;
            }
            String inside = action.substring(3).stripLeading();
            if (inside.startsWith("/*")) {
                return "";
            }
            int end = 0;
            while (end < inside.length() && Character.isLetter(inside.charAt(end))) {
                end++;
            }
            String word = inside.substring(0, end);
            return CONTROL.contains(word) ? word : null;
        }

        private static TemplateLine unmatchable(String text, boolean silent, int depthChange) {
            return new TemplateLine(text, List.of(), 0, silent, depthChange);
        }
    }

    @Override
    public Optional<Location> find(List<String> pointer, int line, int column, Path source, String displayPath) {
        Optional<List<TemplateLine>> template = templates.computeIfAbsent(source, this::read);
        Optional<RenderedOutput.Document> around = template.isEmpty() ? Optional.empty()
                : output.documentAround(line);
        if (around.isEmpty()) {
            return Optional.empty();
        }
        int first = around.get().firstLine() - 1; // 0-based index of the document's first line
        List<String> document = around.get().lines();
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
     * or the lines on both sides came from template lines with nothing between that could have written it (see
     * {@link #renderedNothingBetween}). A line alone matching proves nothing: a helper may write the very text of a
     * template line that an {@code if} left out.
     */
    private static boolean sure(List<TemplateLine> template, int[] aligned, int index) {
        int match = aligned[index];
        int before = index > 0 ? aligned[index - 1] : -1;
        int after = index + 1 < aligned.length ? aligned[index + 1] : -1;
        if (before >= 0 && before == match - 1 || after >= 0 && after == match + 1) {
            return true;
        }
        return before >= 0 && after > match && before < match && renderedNothingBetween(template, before, match)
                && renderedNothingBetween(template, match, after);
    }

    /**
     * Whether the template lines strictly between {@code from} and {@code to}, whose output lines are next to each
     * other, surely rendered nothing: each is a line that renders nothing ({@code {{- if ... }}}, {@code {{- end }}}),
     * or lies in a block opened and ended between the two. Such a block rendered nothing, since no output line stands
     * between. A line with text outside such a block (a helper's {@code {{ include ... }}}, a literal line in the
     * block the two lines share) could have written the matched line itself, so the match is not sure. cert-manager's
     * Deployment template puts each optional field in its own {@code {{- if }}} block: without this, a misspelt field
     * between two unset ones was reported at the template alone.
     */
    private static boolean renderedNothingBetween(List<TemplateLine> template, int from, int to) {
        int depth = 0; // blocks opened since 'from' (negative: blocks around 'from' ended)
        int lowest = 0; // the lowest depth so far: a line deeper than it is in a block opened after 'from'
        int open = Integer.MAX_VALUE; // the shallowest depth holding a line with text whose block has not ended
        for (int j = from + 1; j < to; j++) {
            TemplateLine line = template.get(j);
            if (line.silent()) {
                depth += line.depthChange();
                lowest = Math.min(lowest, depth);
                if (depth < open) {
                    open = Integer.MAX_VALUE; // the block holding those lines ended
                }
            } else if (depth <= lowest) {
                return false; // in the block of 'from' or one around it: it renders whenever 'from' does
            } else {
                open = Math.min(open, depth);
            }
        }
        return open == Integer.MAX_VALUE;
    }
}
