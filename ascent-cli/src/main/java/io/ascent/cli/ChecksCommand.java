package io.ascent.cli;

import io.ascent.core.catalog.CheckCatalog;
import io.ascent.core.jsonschema.NearestName;
import io.ascent.core.report.CheckDescription;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ascent checks [ID]}: the built-in checks, from the engine's own catalog. */
@Command(name = "checks", mixinStandardHelpOptions = true,
        description = {"List every check and repository rule, or explain one (ID).",
            "The list gives id, default severity and title; one check's explanation says",
            "what it looks at, why it matters, how to fix a finding, how to switch it off, exempt or waive it."})
final class ChecksCommand implements Callable<Integer> {
    private static final int WIDTH = 100;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "ID", description = "A check id, such as manifest.probes.")
    private String id;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (id == null) {
            list(out);
            return ExitCodes.OK;
        }
        Optional<CheckDescription> description = CheckCatalog.find(id);
        if (description.isEmpty()) {
            String nearest = NearestName.of(id, CheckCatalog.ids());
            spec.commandLine().getErr().println("ascent checks: unknown check '" + id + "'"
                    + (nearest == null ? "" : "; did you mean '" + nearest + "'?")
                    + " Run 'ascent checks' for the list.");
            return ExitCodes.INVALID_INPUT;
        }
        explain(description.get(), out);
        return ExitCodes.OK;
    }

    private static void list(PrintWriter out) {
        List<CheckDescription> all = CheckCatalog.all();
        int idWidth = all.stream().mapToInt(d -> d.id().length()).max().orElse(0);
        String area = null;
        for (CheckDescription d : all) {
            if (!d.area().equals(area)) {
                area = d.area();
                out.println((area.equals(all.get(0).area()) ? "" : "\n") + area + ":");
            }
            out.printf("  %-" + idWidth + "s  %-7s  %s%n", d.id(), d.defaultSeverity().label(), d.title());
        }
        out.println();
        out.println("Run 'ascent checks ID' for what a check looks at, why it matters, how to fix a finding,");
        out.println("and how to switch it off, change its severity, exempt or waive it.");
        out.flush();
    }

    private static void explain(CheckDescription d, PrintWriter out) {
        out.println(d.id() + ": " + d.title());
        out.println("Area: " + d.area() + "; default severity: " + d.defaultSeverity().label());
        out.println();
        paragraph(out, "Looks at: ", d.explanation().looksAt());
        paragraph(out, "Why: ", d.explanation().why());
        paragraph(out, "Fix: ", d.explanation().fix());
        out.println("Settings:");
        for (String line : d.control()) {
            paragraph(out, "  - ", line);
        }
        out.flush();
    }

    /** Prints {@code label + text} wrapped at word boundaries, continuation lines indented under the text. */
    private static void paragraph(PrintWriter out, String label, String text) {
        String indent = " ".repeat(label.length());
        StringBuilder line = new StringBuilder(label);
        int start = line.length();
        for (String word : text.split(" ")) {
            if (line.length() > start && line.length() + 1 + word.length() > WIDTH) {
                out.println(line);
                line = new StringBuilder(indent);
                start = line.length();
            }
            if (line.length() > start) {
                line.append(' ');
            }
            line.append(word);
        }
        out.println(line);
    }
}
