package io.ascent.jenkins.config;

import io.ascent.core.report.render.Format;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The report formats setting: a comma-separated list of format labels, such as {@code json,junit,sarif}. */
public final class ReportFormats {

    /** What a build writes unless configured otherwise: everything CI tools read. */
    public static final String DEFAULT = "json,junit,sarif,markdown";

    private ReportFormats() {
    }

    /**
     * @throws IllegalArgumentException naming the unknown label and the known ones
     */
    public static List<Format> parse(String text) {
        List<Format> formats = new ArrayList<>();
        for (String label : (text == null ? "" : text).split(",")) {
            String trimmed = label.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            Format format = Arrays.stream(Format.values()).filter(f -> f.label().equals(trimmed)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown report format '" + trimmed
                            + "'; known: " + Arrays.stream(Format.values()).map(Format::label)
                            .collect(Collectors.joining(", "))));
            if (!formats.contains(format)) {
                formats.add(format);
            }
        }
        // The build page reads the JSON form; it is always written.
        if (!formats.contains(Format.JSON)) {
            formats.add(0, Format.JSON);
        }
        return List.copyOf(formats);
    }
}
