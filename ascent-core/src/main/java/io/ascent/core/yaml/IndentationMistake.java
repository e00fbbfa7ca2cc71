package io.ascent.core.yaml;

import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * An indentation mistake said in words, at the line that holds it. SnakeYAML names the token it did not expect
 * ({@code expected <block end>, but found '<block mapping start>'}, {@code mapping values are not allowed here}),
 * which says nothing to someone who indented one line by a space too many or too few, and it says so where the
 * parser noticed: a line over-indented below {@code key: value} is read as more of that value, and the error comes
 * only at the first {@code key:} of the lines that follow.
 *
 * @param line    the 1-based line of the mistake
 * @param column  the 1-based column of the line's first character
 * @param message what is wrong and how to indent instead
 */
record IndentationMistake(int line, int column, String message) {

    private static final String BLOCK_END = "expected <block end>, but found '<block ";
    private static final String MAPPING_VALUES = "mapping values are not allowed here";

    /** The mistake behind {@code e} in {@code text}, when it is one of indentation. */
    static Optional<IndentationMistake> of(MarkedYAMLException e, String text) {
        String problem = e.getProblem();
        Mark at = e.getProblemMark();
        if (problem == null || at == null) {
            return Optional.empty();
        }
        List<String> lines = text.lines().toList();
        if (at.getLine() >= lines.size()) {
            return Optional.empty();
        }
        if (problem.startsWith(BLOCK_END)) {
            return unalignedLine(lines, at.getLine());
        }
        if (problem.equals(MAPPING_VALUES)) {
            return overIndentedLine(lines, at.getLine());
        }
        return Optional.empty();
    }

    /**
     * A line indented to no level above it: deeper than the mapping or list the parser was in, shallower than the
     * lines just before it.
     */
    private static Optional<IndentationMistake> unalignedLine(List<String> lines, int index) {
        int indent = indent(lines.get(index));
        int previous = previousContent(lines, index);
        if (previous < 0) {
            return Optional.empty();
        }
        String name = name(lines.get(index));
        String what = "'" + name + "' on line " + (index + 1) + " is indented by " + spaces(indent)
                + ", which lines up with nothing above it: indent it by ";
        if (isListItem(lines.get(index))) {
            for (int i = previous; i >= 0; i--) {
                if (isListItem(lines.get(i)) && indent(lines.get(i)) > indent) {
                    return Optional.of(new IndentationMistake(index + 1, indent + 1, what
                            + spaces(indent(lines.get(i))) + " like the list item '" + name(lines.get(i))
                            + "' on line " + (i + 1)));
                }
            }
        }
        // The levels open at the previous line: its key and each enclosing key above it. The line meant one of the
        // two around its indent: the nearest deeper, then the nearest shallower (which the parser's context mark
        // is not: after 'matchLabels:' under 'selector:' it is the document's, skipping 'selector's level).
        int deeper = -1;
        int shallower = -1;
        int level = Integer.MAX_VALUE;
        for (int i = previous; i >= 0 && level > 0; i--) {
            if (isBlankOrComment(lines.get(i)) || keyColumn(lines.get(i)) >= level) {
                continue;
            }
            level = keyColumn(lines.get(i));
            if (level > indent) {
                deeper = i;
            } else if (level < indent && shallower < 0) {
                shallower = i;
            }
        }
        int first = deeper >= 0 ? deeper : previous;
        StringBuilder message = new StringBuilder(what + spaces(keyColumn(lines.get(first))) + " like '"
                + name(lines.get(first)) + "' on line " + (first + 1));
        if (shallower >= 0) {
            message.append(", or by ").append(spaces(keyColumn(lines.get(shallower)))).append(" like '")
                    .append(name(lines.get(shallower))).append("' on line ").append(shallower + 1);
        }
        return Optional.of(new IndentationMistake(index + 1, indent + 1, message.toString()));
    }

    /**
     * A {@code key:} the parser met inside a plain value: the lines since the {@code key: value} that owns them are
     * indented deeper than that key, so YAML reads them as more of its value. The mistake is the first of them.
     */
    private static Optional<IndentationMistake> overIndentedLine(List<String> lines, int index) {
        int indent = indent(lines.get(index));
        int owner = index - 1;
        while (owner >= 0 && (isBlankOrComment(lines.get(owner)) || indent(lines.get(owner)) >= indent)) {
            owner--;
        }
        if (owner < 0 || keyColumn(lines.get(owner)) >= indent || !lines.get(owner).contains(":")) {
            return Optional.empty();
        }
        int first = owner + 1;
        while (first < index && isBlankOrComment(lines.get(first))) {
            first++;
        }
        String ownerLine = lines.get(owner);
        int keyColumn = keyColumn(ownerLine);
        String key = name(ownerLine);
        String firstName = name(lines.get(first));
        String message = "'" + firstName + "' on line " + (first + 1) + " is indented by " + spaces(indent(lines.get(first)))
                + ", deeper than '" + key + "' on line " + (owner + 1) + ", so YAML reads "
                + (first == index ? "it" : "lines " + (first + 1) + "-" + (index + 1))
                + " as more of the value of '" + key + "', and a value cannot hold 'key: value'"
                + ": indent '" + firstName + "' by " + spaces(keyColumn) + " like '" + key
                + "', or end '" + key + ":' with nothing after it to nest lines below it";
        return Optional.of(new IndentationMistake(first + 1, indent(lines.get(first)) + 1, message));
    }

    /** The nearest line before {@code index} with content, or -1. */
    private static int previousContent(List<String> lines, int index) {
        for (int i = index - 1; i >= 0; i--) {
            if (!isBlankOrComment(lines.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isListItem(String line) {
        return line.startsWith("- ", indent(line));
    }

    private static boolean isBlankOrComment(String line) {
        String stripped = line.strip();
        return stripped.isEmpty() || stripped.startsWith("#");
    }

    private static int indent(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    /** Where the line's key starts: after its indentation and any {@code - } of list items. */
    private static int keyColumn(String line) {
        int i = indent(line);
        while (i + 1 < line.length() && line.charAt(i) == '-' && line.charAt(i + 1) == ' ') {
            i += 2;
            while (i < line.length() && line.charAt(i) == ' ') {
                i++;
            }
        }
        return i;
    }

    /** The line's key (its text before {@code :}), or its first word, shortened for a message. */
    private static String name(String line) {
        String rest = line.substring(keyColumn(line));
        int colon = rest.indexOf(':');
        String name = (colon > 0 ? rest.substring(0, colon) : rest).strip();
        return name.length() > 40 ? name.substring(0, 40) + "..." : name;
    }

    private static String spaces(int count) {
        return count + (count == 1 ? " space" : " spaces");
    }
}
