package io.ascent.jenkins.model;

import io.ascent.core.report.Report;
import io.ascent.core.report.ReportJsonReader;
import io.ascent.core.report.render.Format;
import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A report kept as its JSON form in the build's folder ({@code <build>/ascent/<name>.json}). {@code build.xml} holds
 * only counts: XStream cannot read Java records back (jenkinsci/jenkins#26077), and a large report does not belong
 * in a file Jenkins reads for every build list.
 */
public final class ReportFile {

    /** Reports are the engine's own output; one this large was not, and is not loaded into the controller. */
    static final long MAX_BYTES = 64L << 20;

    private final Path path;

    ReportFile(File buildDirectory, String name) {
        this.path = buildDirectory.toPath().resolve("ascent").resolve(name + ".json");
    }

    Path path() {
        return path;
    }

    void write(Report report) throws IOException {
        Format.JSON.write(report, path);
    }

    /**
     * @throws IOException when the file is missing (a build deleted by hand), too large, or not a report
     */
    Report read() throws IOException {
        if (Files.size(path) > MAX_BYTES) {
            throw new IOException(path + " is larger than " + (MAX_BYTES >> 20) + " MB");
        }
        try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return new ReportJsonReader().read(in);
        }
    }
}
