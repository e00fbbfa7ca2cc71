package io.ascent.core.repo;

import java.io.IOException;
import java.io.Reader;

/**
 * Lines of a text with a ceiling on each: {@link java.io.BufferedReader#readLine()} holds a whole line in memory,
 * and a committed file of one 2.5 GB line (2.4 MB in git, compressed) ran the JVM out of memory. A longer line is
 * not returned; {@link #next()} reports it with {@link LineTooLongException}.
 */
final class BoundedLines {
    private final Reader in;
    private final int maxChars;
    private final char[] buffer = new char[8192];
    private int position;
    private int limit;
    private int number;

    BoundedLines(Reader in, int maxChars) {
        this.in = in;
        this.maxChars = maxChars;
    }

    /** Thrown when a line is longer than the ceiling; {@link #line()} is its 1-based number. */
    static final class LineTooLongException extends IOException {
        private final int line;

        LineTooLongException(int line, int maxChars) {
            super("line " + line + " is longer than " + maxChars + " characters");
            this.line = line;
        }

        int line() {
            return line;
        }
    }

    /** The next line without its terminator ({@code \n}, {@code \r\n}), or {@code null} at the end. */
    String next() throws IOException {
        StringBuilder line = new StringBuilder();
        boolean any = false;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    if (!any) {
                        return null;
                    }
                    number++;
                    return strip(line);
                }
            }
            any = true;
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            if (line.length() + (position - start) > maxChars) {
                throw new LineTooLongException(number + 1, maxChars);
            }
            line.append(buffer, start, position - start);
            if (position < limit) {
                position++; // the '\n'
                number++;
                return strip(line);
            }
        }
    }

    /** The number of the line {@link #next()} returned last. */
    int number() {
        return number;
    }

    private static String strip(StringBuilder line) {
        int end = line.length();
        return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
    }
}
