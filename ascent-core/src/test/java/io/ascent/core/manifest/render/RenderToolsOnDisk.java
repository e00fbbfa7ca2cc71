package io.ascent.core.manifest.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.provision.command.CommandResult;
import io.ascent.core.provision.command.CommandRunner;
import io.ascent.core.provision.command.ProcessCommandRunner;
import io.ascent.core.provision.command.RenderToolRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * The real helm and kustomize that {@code testing/render-tools/build.sh} builds into the cache. CI
 * ({@code .ci/run}) builds them and sets {@value #REQUIRED}, so that a missing tool fails the tests there instead of
 * skipping them; on a laptop without them the tests are skipped.
 */
final class RenderToolsOnDisk {
    static final String REQUIRED = "ASCENT_REQUIRE_RENDER_TOOLS";
    static final String DIRECTORY = "ASCENT_RENDER_TOOLS";
    /** Keep in step with testing/render-tools/build.sh. */
    static final String PINNED = "helm-v3.22.0_kustomize-v5.8.1";

    private RenderToolsOnDisk() {
    }

    static Path directory() {
        String given = System.getenv(DIRECTORY);
        Path bin = given != null && !given.isBlank() ? Path.of(given)
                : Path.of(System.getProperty("user.home"), ".cache", "ascent", "render-tools", PINNED);
        boolean present = Files.isExecutable(bin.resolve("helm")) && Files.isExecutable(bin.resolve("kustomize"));
        String required = System.getenv(REQUIRED);
        if (required != null && required.trim().toLowerCase(Locale.ROOT).equals("true")) {
            assertThat(present).as("helm and kustomize in " + bin + " (" + REQUIRED + "=true; build them with "
                    + "testing/render-tools/build.sh)").isTrue();
        }
        Assumptions.assumeTrue(present, "helm and kustomize are not built in " + bin
                + "; run testing/render-tools/build.sh (CI sets " + REQUIRED + "=true and fails instead)");
        return bin;
    }

    /**
     * Runs {@code helm} and {@code kustomize} from {@link #directory()}, and answers that no other program (kubectl)
     * is installed, so that the real kustomize is the one used.
     */
    static ManifestRenderer renderer() {
        Path bin = directory();
        CommandRunner processes = new ProcessCommandRunner(System.getenv(), ManifestRenderer.MAX_OUTPUT_BYTES + 1);
        CommandRunner onDisk = new CommandRunner() {
            @Override
            public CommandResult run(List<String> argv, Map<String, String> environment, Duration timeout)
                    throws InterruptedException {
                List<String> local = local(argv);
                return local == null ? CommandResult.notInstalled(argv) : processes.run(local, environment, timeout);
            }

            /** As the engine runs them: the output streamed to its file. */
            @Override
            public CommandResult runTo(List<String> argv, Map<String, String> environment, Duration timeout,
                    Path output, long maxBytes) throws InterruptedException {
                List<String> local = local(argv);
                return local == null ? CommandResult.notInstalled(argv)
                        : processes.runTo(local, environment, timeout, output, maxBytes);
            }

            private List<String> local(List<String> argv) {
                Path program = bin.resolve(argv.get(0));
                if (!Files.isExecutable(program)) {
                    return null;
                }
                List<String> local = new ArrayList<>(argv);
                local.set(0, program.toString());
                return local;
            }
        };
        return new ManifestRenderer(new RenderToolRunner(onDisk), Duration.ofMinutes(2));
    }
}
