package io.ascent.core.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoundedLinesTest {

    private static List<String> lines(String text, int max) throws Exception {
        BoundedLines lines = new BoundedLines(new StringReader(text), max);
        List<String> out = new ArrayList<>();
        for (String line = lines.next(); line != null; line = lines.next()) {
            out.add(lines.number() + ":" + line);
        }
        return out;
    }

    @Test
    void shouldSplitLikeReadLine() throws Exception {
        assertThat(lines("a\r\nbb\n\nccc", 10)).containsExactly("1:a", "2:bb", "3:", "4:ccc");
        assertThat(lines("a\n", 10)).containsExactly("1:a");
        assertThat(lines("", 10)).isEmpty();
        String across = "x".repeat(9000) + "\n" + "y".repeat(9000);
        assertThat(lines(across, 10_000)).hasSize(2);
    }

    @Test
    void shouldStopAtALineLongerThanTheCeilingAndSayWhich() {
        String text = "ok\n" + "z".repeat(20_000) + "\nlater\n";
        assertThatThrownBy(() -> lines(text, 10_000)).isInstanceOfSatisfying(BoundedLines.LineTooLongException.class,
                e -> assertThat(e.line()).isEqualTo(2));
    }
}
