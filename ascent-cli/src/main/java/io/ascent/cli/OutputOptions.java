package io.ascent.cli;

import io.ascent.core.report.Report;
import io.ascent.core.report.render.Format;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * {@code --format} and {@code --output}, shared by every command that produces a report. Formats without an
 * output go to standard output; one output directory takes every format under its default file name; otherwise
 * each {@code --output} pairs with the {@code --format} at the same position.
 */
final class OutputOptions {

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", converter = FormatConverter.class,
            completionCandidates = FormatConverter.Candidates.class,
            description = "Report format: ${COMPLETION-CANDIDATES} (default: text). Repeatable.")
    List<Format> formats = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "PATH",
            description = "Where to write: one file per --format, in the same order, or one directory "
                    + "(existing, or ending in '/') for all of them. Default: standard output.")
    List<String> outputs = new ArrayList<>(); // strings: Path drops the trailing '/' that marks a directory

    /** Thrown for a --format/--output combination that cannot be paired. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    /** Where each format goes; a {@code null} path means standard output. */
    Map<Format, Path> destinations() throws UsageException {
        List<Format> chosen = formats.isEmpty() ? List.of(Format.TEXT) : formats;
        if (chosen.stream().distinct().count() != chosen.size()) {
            throw new UsageException("each --format may be given once");
        }
        Map<Format, Path> destinations = new LinkedHashMap<>();
        if (outputs.isEmpty()) {
            chosen.forEach(format -> destinations.put(format, null));
        } else if (outputs.size() == 1 && isDirectory(outputs.get(0))) {
            chosen.forEach(format -> destinations.put(format, Path.of(outputs.get(0)).resolve(format.fileName())));
        } else if (outputs.size() == chosen.size()) {
            for (int i = 0; i < chosen.size(); i++) {
                destinations.put(chosen.get(i), Path.of(outputs.get(i)));
            }
        } else {
            throw new UsageException("got " + chosen.size() + " --format and " + outputs.size()
                    + " --output; give one --output per --format, or a single output directory");
        }
        return destinations;
    }

    private static boolean isDirectory(String path) {
        return path.endsWith("/") || path.endsWith("\\") || Files.isDirectory(Path.of(path));
    }

    /**
     * Writes the report everywhere it is wanted. Files are written beside their destination and moved into place,
     * so an interrupted run never leaves half a report.
     *
     * @return the files written
     */
    List<Path> write(Report report, Map<Format, Path> destinations, PrintWriter stdout) throws IOException {
        List<Path> written = new ArrayList<>();
        for (Map.Entry<Format, Path> entry : destinations.entrySet()) {
            if (entry.getValue() == null) {
                entry.getKey().renderer().render(report, stdout);
                stdout.flush();
            } else {
                entry.getKey().write(report, entry.getValue());
                written.add(entry.getValue());
            }
        }
        return written;
    }
}
