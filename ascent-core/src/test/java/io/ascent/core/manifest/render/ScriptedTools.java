package io.ascent.core.manifest.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Programs that a test decides: which are installed and what each prints. Records every command line, its
 * environment, and the wrapper kustomization that was in the work folder when the tool ran.
 */
final class ScriptedTools implements ToolRunner {
    record Call(List<String> argv, Map<String, String> environment, String wrapper) {
    }

    private final Set<String> installed;
    private final Function<List<String>, ToolRun> answer;
    final List<Call> calls = new ArrayList<>();

    ScriptedTools(Set<String> installed, Function<List<String>, ToolRun> answer) {
        this.installed = installed;
        this.answer = answer;
    }

    /** Installed programs that print {@code stdout} and exit 0. */
    static ScriptedTools printing(Set<String> installed, String stdout) {
        return new ScriptedTools(installed, argv -> ToolRun.exited(0, stdout, ""));
    }

    @Override
    public ToolRun run(List<String> argv, Map<String, String> environment, Duration timeout) {
        if (!installed.contains(argv.get(0))) {
            return ToolRun.notInstalled();
        }
        String wrapper = null;
        Path last = Path.of(argv.get(argv.size() - 1));
        if (Files.isRegularFile(last.resolve("kustomization.yaml"))) {
            try {
                wrapper = Files.readString(last.resolve("kustomization.yaml"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        calls.add(new Call(argv, environment, wrapper));
        return answer.apply(argv);
    }

    ManifestRenderer renderer() {
        return new ManifestRenderer(this, Duration.ofSeconds(30));
    }
}
