package io.ascent.cli;

import io.ascent.core.jsonschema.NearestName;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Bad command lines, in Ascent's words: what is wrong, the nearest name when it looks like a typo, how to get help;
 * exit status 2 and no stack trace. picocli's own texts ("Unmatched argument at index 0") name its parser, not the
 * user's mistake.
 */
final class UsageErrorHandler implements CommandLine.IParameterExceptionHandler {

    @Override
    public int handleParseException(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        CommandSpec spec = command.getCommandSpec();
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            err.println("ascent: " + describe(spec, unmatched.getUnmatched().get(0)));
        } else {
            err.println("ascent: " + e.getMessage());
        }
        err.println("Run '" + spec.qualifiedName() + " --help' for usage.");
        return ExitCodes.INVALID_INPUT;
    }

    /** One sentence about the first word nobody asked for: an option, a command, or an extra argument. */
    static String describe(CommandSpec spec, String word) {
        if (word.startsWith("-")) {
            String name = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
            List<String> options = new ArrayList<>();
            for (OptionSpec option : spec.options()) {
                options.addAll(List.of(option.names()));
            }
            return "unknown option '" + name + "'" + suggestion(name, options, spec.qualifiedName());
        }
        if (!spec.subcommands().isEmpty()) {
            List<String> commands = new ArrayList<>(spec.subcommands().keySet());
            return "unknown command '" + word + "'" + suggestion(word, commands, spec.qualifiedName())
                    + " (commands: " + String.join(", ", commands) + ")";
        }
        return "unexpected argument '" + word + "' for '" + spec.qualifiedName() + "'";
    }

    private static String suggestion(String word, List<String> names, String command) {
        String nearest = NearestName.of(word, names);
        return nearest == null ? " for '" + command + "'" : "; did you mean '" + nearest + "'?";
    }
}
