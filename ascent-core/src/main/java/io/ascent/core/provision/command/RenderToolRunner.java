package io.ascent.core.provision.command;

import io.ascent.core.manifest.render.ManifestRenderer;
import io.ascent.core.manifest.render.ToolRunner;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Runs Kustomize and Helm as child processes for {@link ManifestRenderer}, keeping as much output as a render may print. */
public final class RenderToolRunner implements ToolRunner {
    private final CommandRunner commands;

    /** Processes that keep {@link ManifestRenderer#MAX_OUTPUT_BYTES} and one byte more, so that too much is seen. */
    public RenderToolRunner() {
        this(new ProcessCommandRunner(ManifestRenderer.MAX_OUTPUT_BYTES + 1));
    }

    public RenderToolRunner(CommandRunner commands) {
        this.commands = commands;
    }

    /** The renderer the engine uses: these processes, {@link ManifestRenderer#TIMEOUT} per render. */
    public static ManifestRenderer renderer() {
        return new ManifestRenderer(new RenderToolRunner(), ManifestRenderer.TIMEOUT);
    }

    @Override
    public ToolRun run(List<String> argv, Map<String, String> environment, Duration timeout)
            throws InterruptedException {
        CommandResult result = commands.run(argv, environment, timeout);
        return new ToolRun(result.exitCode(), result.stdout(), result.stderr(), result.notFound(), result.timedOut());
    }
}
