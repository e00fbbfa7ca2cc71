package io.ascent.core.manifest.check;

import io.ascent.core.report.Location;
import io.ascent.core.yaml.YamlDocument;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Where a position inside text held by a YAML string (a kubeadm patch, a file's {@code content}, a patch template)
 * lies in the file that holds the string. A literal block ({@code |}) keeps the text's lines one to one, starting
 * on the line after the indicator and indented by the block's indentation, so line and column are exact; any other
 * style folds or escapes lines, so the string's own position is the honest answer.
 */
@FunctionalInterface
interface TextPlacement {

    /**
     * The file position of a 0-based line and column of the text.
     */
    Location place(int line, int column);

    /** The placement of the text of {@code node}, a scalar of {@code document}. */
    static TextPlacement of(YamlDocument document, Node node) {
        Location at = document.locationOf(node);
        if (!(node instanceof ScalarNode scalar) || scalar.getScalarStyle() != DumperOptions.ScalarStyle.LITERAL) {
            return (line, column) -> at;
        }
        int fromMark = contentIndent(node.getStartMark());
        int indent = fromMark >= 0 || document.source() == null ? fromMark
                : explicitIndicator(node.getStartMark()) ? -1
                : document.source().indentOfLineAfter(node.getStartMark().getIndex());
        return (line, column) -> new Location(at.path(), at.line() + 1 + line, indent < 0 ? 0 : indent + column + 1);
    }

    /** Whether the block header gives an indentation indicator ({@code |2}), relative to an unknown parent. */
    private static boolean explicitIndicator(Mark mark) {
        int[] text = mark.getBuffer();
        for (int i = mark.getPointer() + 1; text != null && i < text.length && i < mark.getPointer() + 4; i++) {
            if (text[i] >= '1' && text[i] <= '9') {
                return true;
            }
            if (text[i] == '\n' || text[i] == '#') {
                break;
            }
        }
        return false;
    }

    /**
     * The indentation of a literal block's content, read from the part of the source text SnakeYAML keeps in the
     * block's start mark (the node does not record it), or -1 when that part does not reach the first content line
     * or the block gives an explicit indentation indicator (relative to a parent indentation not known here).
     */
    static int contentIndent(Mark mark) {
        int[] text = mark.getBuffer();
        int i = mark.getPointer();
        if (text == null || i < 0 || i >= text.length || text[i] != '|') {
            return -1;
        }
        for (i++; i < text.length && text[i] != '\n' && text[i] != '\r'; i++) {
            if (text[i] == '#') {
                break;
            }
            if (text[i] >= '1' && text[i] <= '9') {
                return -1;
            }
        }
        while (i < text.length && text[i] != '\n' && text[i] != '\r' && text[i] != 0) {
            i++; // the rest of a comment after the indicator
        }
        while (i < text.length && text[i] != 0) {
            if (text[i] == '\r' && i + 1 < text.length && text[i + 1] == '\n') {
                i++;
            }
            i++; // past the line break
            int spaces = 0;
            while (i < text.length && text[i] == ' ') {
                spaces++;
                i++;
            }
            if (i >= text.length || text[i] == 0) {
                return -1;
            }
            if (text[i] != '\n' && text[i] != '\r') {
                return spaces; // the first line with content sets the indentation
            }
        }
        return -1;
    }
}
