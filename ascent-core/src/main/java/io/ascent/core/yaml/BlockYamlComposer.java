package io.ascent.core.yaml;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Composes the YAML most manifests are written in (block mappings and sequences, one-line plain and quoted
 * scalars, literal blocks, one-line flow sequences of scalars, {@code {}}) straight from the text, line by line,
 * into the same node tree SnakeYAML's composer builds: the same nodes, tags (by the same {@link Resolver}),
 * values, styles and start positions. SnakeYAML scans every character through a code-point window and builds a
 * token, an event and two marks for each; this reader does a few string searches per line, which made the
 * manifest step several times faster.
 *
 * <p>It never reports a problem: anything outside that subset, valid or not (anchors, tags, multi-line plain or
 * quoted scalars, folded blocks, complex keys, directives, tabs, CR line breaks, characters SnakeYAML treats
 * specially, a bad indentation), throws {@link Unsupported} and the caller composes the text with SnakeYAML,
 * which gives the answer or the error message. Documents it has returned before are the ones SnakeYAML would
 * give, so the caller skips that many. End marks are not kept: each node's end mark is its start mark.
 */
final class BlockYamlComposer {

    /** The text is outside the subset this reader composes; compose it with SnakeYAML. */
    static final class Unsupported extends Exception {
        private static final Unsupported INSTANCE = new Unsupported();

        private Unsupported() {
            super("outside the block subset", null, false, false);
        }
    }

    private static final int[] NO_BUFFER = new int[0];
    private static final String MARK_NAME = "'reader'";

    private final String text;
    private final Resolver resolver;
    private final Map<String, Tag> keyTags;
    private final int maxDepth;
    private final int[] lineStarts;
    private final int lines;
    private final boolean handled;
    /** The line the reader is at: the first line not yet consumed. */
    private int line;
    private int depth;
    private final Occurrences hashes = new Occurrences('#');
    private final Occurrences colons = new Occurrences(':');

    /**
     * @param keyTags the tags of plain keys resolved before, shared by the composers of one loader: manifests
     *                repeat a few hundred keys, and the resolver runs regular expressions on most of them
     */
    BlockYamlComposer(String text, Resolver resolver, Map<String, Tag> keyTags, int maxDepth) {
        this.text = text;
        this.resolver = resolver;
        this.keyTags = keyTags;
        this.maxDepth = maxDepth;
        // One pass finds the lines and whether every character is handled: it was three (a check and two
        // searches for line breaks), each a tenth of the time of composing small manifests without the full JIT.
        int[] starts = new int[Math.max(16, text.length() / 64)];
        int count = 1;
        boolean handled = true;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                if (count + 1 >= starts.length) {
                    starts = Arrays.copyOf(starts, starts.length * 2);
                }
                starts[count++] = i + 1;
            } else if (!handles(c)) {
                handled = false;
                break;
            }
        }
        starts[count] = text.length() + 1;
        lineStarts = starts;
        lines = count;
        this.handled = handled;
    }

    /**
     * Whether every character is one this reader handles as SnakeYAML does: printable characters of the basic
     * plane and {@code \n}. Tabs, {@code \r}, NEL, the line and paragraph separators, the byte-order mark,
     * control characters and surrogate pairs (SnakeYAML counts code points) are left to SnakeYAML.
     */
    static boolean handles(String text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            if (!handles(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean handles(char c) {
        if (c >= 0x20 && c <= 0x7E || c == '\n') {
            return true;
        }
        return !(c < 0xA0 || c > 0xFFFD || c >= 0xD800 && c < 0xE000 || c == 0xFEFF || c == 0x2028 || c == 0x2029);
    }

    /**
     * The next non-empty document's root, or {@code null} at the end of the text.
     *
     * @throws Unsupported when the text is outside the subset this reader composes ({@link #handles(String)} among
     *                     others)
     */
    Node next() throws Unsupported {
        if (!handled) {
            throw Unsupported.INSTANCE;
        }
        while (true) {
            int ln = nextContentLine(line);
            if (ln >= lines) {
                line = ln;
                return null;
            }
            if (isDocumentStart(ln)) {
                int after = lineStarts[ln] + 3;
                if (!restIsBlank(after, lineEnd(ln))) {
                    throw Unsupported.INSTANCE;
                }
                line = ln + 1;
                continue; // an empty document is skipped, as the caller skips SnakeYAML's
            }
            int start = lineStarts[ln];
            char first = text.charAt(start);
            if (first == '%' || text.startsWith("...", start) || text.startsWith("---", start)) {
                throw Unsupported.INSTANCE;
            }
            Node root = block(ln, start + indent(ln));
            int after = nextContentLine(line);
            if (after < lines && !isDocumentStart(after)) {
                throw Unsupported.INSTANCE;
            }
            line = after;
            return root;
        }
    }

    /** A block collection starting at {@code at} on line {@code ln}: a sequence entry or a key. */
    private Node block(int ln, int at) throws Unsupported {
        if (isEntry(at, lineEnd(ln))) {
            return sequence(ln, at);
        }
        if (colonOfKey(ln, at) >= 0) {
            return mapping(ln, at);
        }
        throw Unsupported.INSTANCE; // a scalar where a collection was expected: multi-line, or a root scalar
    }

    private MappingNode mapping(int ln, int at) throws Unsupported {
        enter();
        int column = at - lineStarts[ln];
        List<NodeTuple> tuples = new ArrayList<>();
        Mark start = mark(ln, at);
        while (true) {
            int end = lineEnd(ln);
            int colon = colonOfKey(ln, at);
            if (colon < 0) {
                throw Unsupported.INSTANCE;
            }
            Node key = key(ln, at, colon);
            int valueAt = skipSpaces(colon + 1, end);
            Node value;
            if (valueAt == end || text.charAt(valueAt) == '#') {
                value = blockValue(ln, column, colon + 1, true);
            } else {
                value = inline(ln, valueAt, column);
            }
            tuples.add(new NodeTuple(key, value));
            int next = nextContentLine(line);
            line = next;
            if (next >= lines || isDocumentStart(next)) {
                break;
            }
            int indent = indent(next);
            if (indent < column) {
                break;
            }
            if (indent > column || isEntry(lineStarts[next] + indent, lineEnd(next))) {
                throw Unsupported.INSTANCE;
            }
            ln = next;
            at = lineStarts[ln] + indent;
        }
        depth--;
        return new MappingNode(Tag.MAP, true, tuples, start, start, DumperOptions.FlowStyle.BLOCK);
    }

    private SequenceNode sequence(int ln, int at) throws Unsupported {
        enter();
        int column = at - lineStarts[ln];
        List<Node> items = new ArrayList<>();
        Mark start = mark(ln, at);
        while (true) {
            int end = lineEnd(ln);
            int itemAt = skipSpaces(at + 1, end);
            Node item;
            if (itemAt == end || text.charAt(itemAt) == '#') {
                item = blockValue(ln, column, at + 1, false);
            } else if (isEntry(itemAt, end) || colonOfKey(ln, itemAt) >= 0) {
                item = block(ln, itemAt);
            } else {
                item = inline(ln, itemAt, column);
            }
            items.add(item);
            int next = nextContentLine(line);
            line = next;
            if (next >= lines || isDocumentStart(next)) {
                break;
            }
            int indent = indent(next);
            if (indent < column || indent == column && !isEntry(lineStarts[next] + indent, lineEnd(next))) {
                break; // the parent decides whether that line may follow
            }
            if (indent > column) {
                throw Unsupported.INSTANCE;
            }
            ln = next;
            at = lineStarts[ln] + indent;
        }
        depth--;
        return new SequenceNode(Tag.SEQ, true, items, start, start, DumperOptions.FlowStyle.BLOCK);
    }

    /**
     * The value of a key or entry with nothing after it on its line: a collection on the following lines (more
     * indented; for a key also a sequence at the key's own indentation), else an empty scalar (null) placed
     * right after the indicator, as SnakeYAML places it.
     */
    private Node blockValue(int ln, int column, int emptyAt, boolean ofKey) throws Unsupported {
        int next = nextContentLine(ln + 1);
        if (next < lines && !isDocumentStart(next)) {
            int indent = indent(next);
            int at = lineStarts[next] + indent;
            if (indent > column) {
                return block(next, at);
            }
            if (ofKey && indent == column && isEntry(at, lineEnd(next))) {
                return sequence(next, at);
            }
        }
        line = ln + 1;
        return scalar("", mark(ln, emptyAt), DumperOptions.ScalarStyle.PLAIN, true);
    }

    /** A scalar or flow collection that starts at {@code at} on line {@code ln}; moves past its last line. */
    private Node inline(int ln, int at, int parentColumn) throws Unsupported {
        int end = lineEnd(ln);
        char c = text.charAt(at);
        line = ln + 1;
        switch (c) {
            case '"':
            case '\'': {
                int close = closingQuote(at, end);
                expectLineEnd(close + 1, end);
                return scalar(unquote(at, close), mark(ln, at),
                        c == '"' ? DumperOptions.ScalarStyle.DOUBLE_QUOTED : DumperOptions.ScalarStyle.SINGLE_QUOTED,
                        false);
            }
            case '[':
                return flowSequence(ln, at, end);
            case '{':
                return flowMapping(ln, at, end);
            case '|':
                return literal(ln, at, end, parentColumn);
            default:
                return plain(ln, at, end);
        }
    }

    private ScalarNode plain(int ln, int at, int end) throws Unsupported {
        if (!startsPlain(at, end)) {
            throw Unsupported.INSTANCE;
        }
        int hash = comment(at + 1, end);
        int stop = hash < 0 ? end : hash;
        if (separator(at + 1, stop) >= 0) {
            throw Unsupported.INSTANCE; // "a: b: c" is an error; SnakeYAML says which
        }
        while (text.charAt(stop - 1) == ' ') {
            stop--;
        }
        return scalar(text.substring(at, stop), mark(ln, at), DumperOptions.ScalarStyle.PLAIN, true);
    }

    /** {@code [a, "b", 3]}: scalars only, on one line. */
    private SequenceNode flowSequence(int ln, int at, int end) throws Unsupported {
        Mark start = mark(ln, at);
        List<Node> items = new ArrayList<>();
        int i = skipSpaces(at + 1, end);
        if (i < end && text.charAt(i) == ']') {
            expectLineEnd(i + 1, end);
            return new SequenceNode(Tag.SEQ, true, items, start, start, DumperOptions.FlowStyle.FLOW);
        }
        while (true) {
            i = flowScalar(ln, i, end, ",]", items);
            if (text.charAt(i) == ']') {
                expectLineEnd(i + 1, end);
                return new SequenceNode(Tag.SEQ, true, items, start, start, DumperOptions.FlowStyle.FLOW);
            }
            i = afterComma(i, end, ']');
        }
    }

    /** {@code {path: /, port: "http"}}: scalar keys and values, on one line. */
    private MappingNode flowMapping(int ln, int at, int end) throws Unsupported {
        Mark start = mark(ln, at);
        List<NodeTuple> tuples = new ArrayList<>();
        int i = skipSpaces(at + 1, end);
        if (i < end && text.charAt(i) == '}') {
            expectLineEnd(i + 1, end);
            return new MappingNode(Tag.MAP, true, tuples, start, start, DumperOptions.FlowStyle.FLOW);
        }
        List<Node> pair = new ArrayList<>(2);
        while (true) {
            pair.clear();
            i = flowScalar(ln, i, end, ":", pair);
            if (i + 1 >= end || text.charAt(i + 1) != ' ') {
                throw Unsupported.INSTANCE; // "a:b" is one scalar in YAML 1.1 flow context, or worse
            }
            i = flowScalar(ln, skipSpaces(i + 1, end), end, ",}", pair);
            tuples.add(new NodeTuple(pair.get(0), pair.get(1)));
            if (text.charAt(i) == '}') {
                expectLineEnd(i + 1, end);
                return new MappingNode(Tag.MAP, true, tuples, start, start, DumperOptions.FlowStyle.FLOW);
            }
            i = afterComma(i, end, '}');
        }
    }

    /**
     * One quoted or plain scalar inside a flow collection, starting at {@code i}, added to {@code out}; returns
     * the offset of the indicator after it (one of {@code stops}). A plain scalar holding any other flow indicator,
     * a colon or a comment is declined.
     */
    private int flowScalar(int ln, int i, int end, String stops, List<Node> out) throws Unsupported {
        if (i >= end) {
            throw Unsupported.INSTANCE;
        }
        char c = text.charAt(i);
        int after;
        if (c == '"' || c == '\'') {
            int close = closingQuote(i, end);
            out.add(scalar(unquote(i, close), mark(ln, i), c == '"' ? DumperOptions.ScalarStyle.DOUBLE_QUOTED
                    : DumperOptions.ScalarStyle.SINGLE_QUOTED, false));
            after = skipSpaces(close + 1, end);
        } else {
            if (!startsPlain(i, end)) {
                throw Unsupported.INSTANCE;
            }
            int stop = i;
            while (stop < end && stops.indexOf(text.charAt(stop)) < 0) {
                if ("[]{},#:'\"".indexOf(text.charAt(stop)) >= 0) {
                    throw Unsupported.INSTANCE;
                }
                stop++;
            }
            after = stop;
            while (text.charAt(stop - 1) == ' ') {
                stop--;
            }
            out.add(scalar(text.substring(i, stop), mark(ln, i), DumperOptions.ScalarStyle.PLAIN, true));
        }
        if (after >= end || stops.indexOf(text.charAt(after)) < 0) {
            throw Unsupported.INSTANCE;
        }
        return after;
    }

    /** Past a {@code ,} to the next entry; a trailing comma before {@code close} is declined. */
    private int afterComma(int comma, int end, char close) throws Unsupported {
        int i = skipSpaces(comma + 1, end);
        if (i >= end || text.charAt(i) == close) {
            throw Unsupported.INSTANCE;
        }
        return i;
    }

    /**
     * A literal block ({@code |}, {@code |-}, {@code |+}) read as SnakeYAML's scanner reads it: the content
     * indentation is the deepest of the leading blank lines and the first content line, at least one more than
     * the parent's; chomping decides the final line breaks.
     */
    private ScalarNode literal(int ln, int at, int end, int parentColumn) throws Unsupported {
        int i = at + 1;
        char chomping = i < end && (text.charAt(i) == '-' || text.charAt(i) == '+') ? text.charAt(i++) : ' ';
        if (i < end && text.charAt(i) != ' ') {
            throw Unsupported.INSTANCE; // an indentation indicator, or something SnakeYAML refuses
        }
        expectLineEnd(i, end);
        int minIndent = Math.max(parentColumn + 1, 1);
        int length = text.length();
        int p = Math.min(end + 1, length);
        int column = 0;
        int maxIndent = 0;
        StringBuilder breaks = new StringBuilder();
        while (p < length && (text.charAt(p) == ' ' || text.charAt(p) == '\n')) {
            if (text.charAt(p) == '\n') {
                breaks.append('\n');
                column = 0;
            } else {
                column++;
                maxIndent = Math.max(maxIndent, column);
            }
            p++;
        }
        int indent = Math.max(minIndent, maxIndent);
        StringBuilder chunks = new StringBuilder();
        String lineBreak = "";
        while (column == indent && p < length) {
            chunks.append(breaks);
            int eol = text.indexOf('\n', p);
            eol = eol < 0 ? length : eol;
            chunks.append(text, p, eol);
            p = eol;
            lineBreak = p < length ? "\n" : "";
            if (p < length) {
                p++;
            }
            column = 0;
            breaks.setLength(0);
            while (column < indent && p < length && text.charAt(p) == ' ') {
                p++;
                column++;
            }
            while (p < length && text.charAt(p) == '\n') {
                breaks.append('\n');
                p++;
                column = 0;
                while (column < indent && p < length && text.charAt(p) == ' ') {
                    p++;
                    column++;
                }
            }
            if (column == indent && p < length) {
                chunks.append(lineBreak);
            } else {
                break;
            }
        }
        if (chomping != '-') {
            chunks.append(lineBreak);
        }
        if (chomping == '+') {
            chunks.append(breaks);
        }
        line = p >= length ? lines : lineOf(p, ln);
        if (line < lines && p != lineStarts[line] + column) {
            throw Unsupported.INSTANCE;
        }
        return scalar(chunks.toString(), mark(ln, at), DumperOptions.ScalarStyle.LITERAL, false);
    }

    /** The line holding offset {@code p}, searching forward from {@code from}. */
    private int lineOf(int p, int from) {
        int l = from;
        while (l + 1 <= lines && lineStarts[l + 1] <= p) {
            l++;
        }
        return l;
    }

    private ScalarNode key(int ln, int at, int colon) throws Unsupported {
        char c = text.charAt(at);
        if (c == '"' || c == '\'') {
            int close = closingQuote(at, colon);
            return scalar(unquote(at, close), mark(ln, at), c == '"' ? DumperOptions.ScalarStyle.DOUBLE_QUOTED
                    : DumperOptions.ScalarStyle.SINGLE_QUOTED, false);
        }
        int stop = colon;
        while (text.charAt(stop - 1) == ' ') {
            stop--;
        }
        String value = text.substring(at, stop);
        if (value.equals("<<")) {
            throw Unsupported.INSTANCE; // a merge key: SnakeYAML tags it, and the converter refuses it
        }
        Tag tag = keyTags.get(value);
        if (tag == null) {
            tag = resolver.resolve(NodeId.scalar, value, true);
            if (keyTags.size() < MAX_KEY_TAGS) {
                keyTags.put(value, tag);
            }
        }
        Mark mark = mark(ln, at);
        return new ScalarNode(tag, true, value, mark, mark, DumperOptions.ScalarStyle.PLAIN);
    }

    /** Plain keys whose tags are remembered, per loader. */
    static final int MAX_KEY_TAGS = 4096;

    /**
     * The offset of the {@code :} that ends a one-line key starting at {@code at}, or -1 when the line holds no
     * key there. A key that SnakeYAML might read otherwise (long, commented, with indicators) throws.
     */
    private int colonOfKey(int ln, int at) throws Unsupported {
        int end = lineEnd(ln);
        char c = text.charAt(at);
        int from = at;
        if (c == '"' || c == '\'') {
            int close = indexOfClosingQuote(at, end);
            if (close < 0) {
                throw Unsupported.INSTANCE;
            }
            int colon = skipSpaces(close + 1, end);
            if (colon - at > 1000) {
                throw Unsupported.INSTANCE; // SnakeYAML limits simple keys to 1024 characters
            }
            if (colon < end && text.charAt(colon) == ':' && (colon + 1 == end || text.charAt(colon + 1) == ' ')) {
                return colon;
            }
            return -1;
        }
        if (!startsPlain(at, end)) {
            return -1;
        }
        int colon = separator(from + 1, end);
        if (colon < 0 || comment(from + 1, colon) >= 0) {
            return -1;
        }
        if (colon - at > 1000) {
            throw Unsupported.INSTANCE; // SnakeYAML limits simple keys to 1024 characters
        }
        return colon;
    }

    /** The first {@code :} followed by a space or the line's end in {@code [from, end)}, or -1. */
    private int separator(int from, int end) {
        for (int i = colons.atOrAfter(from); i >= 0 && i < end; i = colons.atOrAfter(i + 1)) {
            if (i + 1 == end || text.charAt(i + 1) == ' ') {
                return i;
            }
        }
        return -1;
    }

    /** The {@code #} of the first comment ({@code " #"}) in {@code [from, end)}, or -1. */
    private int comment(int from, int end) {
        for (int i = hashAtOrAfter(from); i >= 0 && i < end; i = hashAtOrAfter(i + 1)) {
            if (text.charAt(i - 1) == ' ') {
                return i;
            }
        }
        return -1;
    }

    private int hashAtOrAfter(int from) {
        return hashes.atOrAfter(from);
    }

    /**
     * Finds one character forwards, remembering the last answer: lines are read forwards, and a search of the rest
     * of the text per line would make a file without that character cost time quadratic in its length.
     */
    private final class Occurrences {
        private final char wanted;
        private int found;
        private int searchedFrom = Integer.MAX_VALUE;

        Occurrences(char wanted) {
            this.wanted = wanted;
        }

        /** The first occurrence at or after {@code from}, or -1. */
        int atOrAfter(int from) {
            if (from < searchedFrom || found >= 0 && found < from) {
                found = text.indexOf(wanted, from);
                searchedFrom = from;
            }
            return found;
        }
    }

    /** A plain scalar may start here: not an indicator (a {@code -} only before a non-space). */
    private boolean startsPlain(int at, int end) {
        char c = text.charAt(at);
        if (c == '-') {
            return at + 1 < end && text.charAt(at + 1) != ' ';
        }
        return "?:,[]{}#&*!|>'\"%@`".indexOf(c) < 0;
    }

    private int closingQuote(int at, int end) throws Unsupported {
        int close = indexOfClosingQuote(at, end);
        if (close < 0) {
            throw Unsupported.INSTANCE; // runs over more lines
        }
        return close;
    }

    private int indexOfClosingQuote(int at, int end) {
        char quote = text.charAt(at);
        for (int i = at + 1; i < end; i++) {
            char c = text.charAt(i);
            if (quote == '"' && c == '\\') {
                i++;
            } else if (c == quote) {
                if (quote == '\'' && i + 1 < end && text.charAt(i + 1) == '\'') {
                    i++;
                } else {
                    return i;
                }
            }
        }
        return -1;
    }

    private String unquote(int at, int close) throws Unsupported {
        char quote = text.charAt(at);
        String raw = text.substring(at + 1, close);
        if (quote == '\'') {
            return raw.indexOf('\'') < 0 ? raw : raw.replace("''", "'");
        }
        if (raw.indexOf('\\') < 0) {
            return raw;
        }
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char escaped = raw.charAt(++i);
            switch (escaped) {
                case '\\', '"' -> out.append(escaped);
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                default -> throw Unsupported.INSTANCE; // other escapes: SnakeYAML has its own table
            }
        }
        return out.toString();
    }

    private void expectLineEnd(int from, int end) throws Unsupported {
        if (from == end) {
            return;
        }
        if (text.charAt(from) != ' ') {
            throw Unsupported.INSTANCE;
        }
        if (!restIsBlank(from, end)) {
            throw Unsupported.INSTANCE;
        }
    }

    /**
     * Only spaces, or spaces and then a comment, from {@code from} (the end, or a space) to {@code end}.
     */
    private boolean restIsBlank(int from, int end) {
        int i = skipSpaces(from, end);
        return i == end || text.charAt(i) == '#';
    }

    private ScalarNode scalar(String value, Mark mark, DumperOptions.ScalarStyle style, boolean plain) {
        return new ScalarNode(resolver.resolve(NodeId.scalar, value, plain), true, value, mark, mark, style);
    }

    private void enter() throws Unsupported {
        if (++depth >= maxDepth) {
            throw Unsupported.INSTANCE; // SnakeYAML reports the depth limit
        }
    }

    private Mark mark(int ln, int offset) {
        return new Mark(MARK_NAME, offset, ln, offset - lineStarts[ln], NO_BUFFER, 0);
    }

    private boolean isEntry(int at, int end) {
        return text.charAt(at) == '-' && (at + 1 == end || text.charAt(at + 1) == ' ');
    }

    private boolean isDocumentStart(int ln) {
        int start = lineStarts[ln];
        return text.startsWith("---", start) && (start + 3 == lineEnd(ln) || text.charAt(start + 3) == ' ');
    }

    private int skipSpaces(int from, int end) {
        int i = from;
        while (i < end && text.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private int lineEnd(int ln) {
        return lineStarts[ln + 1] - 1;
    }

    private int indent(int ln) {
        return skipSpaces(lineStarts[ln], lineEnd(ln)) - lineStarts[ln];
    }

    /** The first line at or after {@code from} that is neither blank nor only a comment. */
    private int nextContentLine(int from) {
        int ln = from;
        while (ln < lines) {
            int end = lineEnd(ln);
            int i = skipSpaces(lineStarts[ln], end);
            if (i < end && text.charAt(i) != '#') {
                return ln;
            }
            ln++;
        }
        return ln;
    }
}
