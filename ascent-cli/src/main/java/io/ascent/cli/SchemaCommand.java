package io.ascent.cli;

import io.ascent.core.checklist.ChecklistSchema;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ascent schema}: prints the checklist's JSON Schema. */
@Command(name = "schema", mixinStandardHelpOptions = true,
        description = {"Print the JSON Schema (draft-07) of ascent.yaml.",
            "Editors use it with: # yaml-language-server: $schema=" + ChecklistSchema.ID})
final class SchemaCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(ChecklistSchema.text());
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
