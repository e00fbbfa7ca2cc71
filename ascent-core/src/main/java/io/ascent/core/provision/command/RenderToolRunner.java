package io.ascent.core.provision.command;

import io.ascent.core.manifest.render.ManifestRenderer;
import io.ascent.core.manifest.render.ToolRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Runs Kustomize and Helm as child processes for {@link ManifestRenderer}, keeping as much output as a render may print. */
public final class RenderToolRunner implements ToolRunner {
    private final CommandRunner commands;

    /**
     * Processes of the run's {@code environment} (Helm's and Kustomize's {@code PATH}, {@code HOME}, proxy) whose
     * output goes to a file ({@link #runTo}); what they keep in memory (standard error, and the output of
     * {@link #run}) is bounded at {@link ManifestRenderer#MAX_OUTPUT_BYTES} and one byte more.
     */
    public RenderToolRunner(Map<String, String> environment) {
        this(new ProcessCommandRunner(environment, ManifestRenderer.MAX_OUTPUT_BYTES + 1));
    }

    public RenderToolRunner(CommandRunner commands) {
        this.commands = commands;
    }

    /**
     * The renderer the engine uses: these processes in the run's {@code environment}, {@link ManifestRenderer#TIMEOUT}
     * per render.
     */
    public static ManifestRenderer renderer(Map<String, String> environment) {
        return new ManifestRenderer(new RenderToolRunner(environment), ManifestRenderer.TIMEOUT);
    }

    @Override
    public ToolRun run(List<String> argv, Map<String, String> environment, Duration timeout)
            throws InterruptedException {
        return of(commands.run(argv, environment, timeout));
    }

    /** Streams the output to {@code output} as the tool prints it ({@link CommandRunner#runTo}). */
    @Override
    public ToolRun runTo(List<String> argv, Map<String, String> environment, Duration timeout, Path output,
            long maxBytes) throws InterruptedException {
        return of(commands.runTo(argv, environment, timeout, output, maxBytes));
    }

    private static ToolRun of(CommandResult result) {
        return new ToolRun(result.exitCode(), result.stdout(), result.notFound() ? result.refusal() : result.stderr(),
                result.notFound(), result.timedOut());
    }
}
