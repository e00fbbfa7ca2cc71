package io.ascent.core.manifest.api;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the table's line format by hand: one row per line, tab-separated, {@code #} comment lines, one header line.
 * No library: the built-in table is read on the first manifest check of every run, and this is faster to load
 * than YAML or JSON and readable in a diff.
 */
final class ApiLifecycleTsv {

    static final String HEADER = "apiVersion\tkind\tintroduced\tdeprecated\tremoved\treplacement\tcomponent\tsource\tnote";
    private static final int COLUMNS = 9;

    private ApiLifecycleTsv() {
    }

    /**
     * @param in   the text; not closed
     * @param name how errors name the input, such as a file name
     * @throws IllegalArgumentException {@code name:line: problem} for the first bad line
     */
    static List<ApiLifecycle> read(BufferedReader in, String name) throws IOException {
        List<ApiLifecycle> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        boolean headerSeen = false;
        int lineNumber = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            lineNumber++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (!headerSeen) {
                if (!line.strip().equals(HEADER)) {
                    throw error(name, lineNumber, "expected the header line '" + HEADER.replace("\t", "<TAB>") + "'");
                }
                headerSeen = true;
                continue;
            }
            ApiLifecycle row;
            try {
                row = parseRow(line);
            } catch (IllegalArgumentException e) {
                throw error(name, lineNumber, e.getMessage());
            }
            if (!seen.add(row.apiVersion() + " " + row.kind())) {
                throw error(name, lineNumber, row.displayName() + " appears twice");
            }
            rows.add(row);
        }
        if (!headerSeen) {
            throw error(name, lineNumber, "no header line; expected '" + HEADER.replace("\t", "<TAB>") + "'");
        }
        return rows;
    }

    private static IllegalArgumentException error(String name, int line, String problem) {
        return new IllegalArgumentException(name + ":" + line + ": " + problem);
    }

    private static ApiLifecycle parseRow(String line) {
        String[] f = line.split("\t", -1);
        // A trailing empty note may lose its tab in a hand edit; anything else is a real mistake.
        if (f.length != COLUMNS && f.length != COLUMNS - 1) {
            throw new IllegalArgumentException("expected " + COLUMNS + " tab-separated fields, found " + f.length);
        }
        String apiVersion = f[0].strip();
        if (!ApiVersions.isWellFormed(apiVersion)) {
            throw new IllegalArgumentException("apiVersion '" + f[0] + "' is not of the form v1 or group/version");
        }
        String kind = required(f[1], "kind");
        String introducedText = required(f[2], "introduced");
        boolean exact = !introducedText.startsWith("<=");
        KubernetesVersion introduced = KubernetesVersion.parse(exact ? introducedText : introducedText.substring(2));
        KubernetesVersion deprecated = optionalVersion(f[3]);
        KubernetesVersion removed = optionalVersion(f[4]);
        String replacementApiVersion = null;
        String replacementKind = null;
        String replacement = f[5].strip();
        if (!replacement.isEmpty()) {
            String[] parts = replacement.split(" ", -1);
            if (parts.length != 2 || !ApiVersions.isWellFormed(parts[0]) || parts[1].isEmpty()) {
                throw new IllegalArgumentException("replacement '" + replacement + "' is not of the form 'apiVersion Kind'");
            }
            replacementApiVersion = parts[0];
            replacementKind = parts[1];
        }
        String component = required(f[6], "component");
        String source = required(f[7], "source");
        String note = f.length == COLUMNS ? f[8].strip() : "";
        return new ApiLifecycle(ApiVersions.group(apiVersion), ApiVersions.version(apiVersion), kind, introduced, exact,
                deprecated, removed, replacementApiVersion, replacementKind, component, source, note);
    }

    private static String required(String field, String column) {
        String s = field.strip();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("column '" + column + "' is empty");
        }
        return s;
    }

    private static KubernetesVersion optionalVersion(String field) {
        String s = field.strip();
        return s.isEmpty() ? null : KubernetesVersion.parse(s);
    }
}
