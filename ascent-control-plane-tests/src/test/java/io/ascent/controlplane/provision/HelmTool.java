package io.ascent.controlplane.provision;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;

/**
 * The real helm that {@code testing/render-tools/build.sh} builds into the cache, for a CLI run given it on its
 * {@code PATH}. CI ({@code .ci/run}) builds it and sets {@value #REQUIRED}, so that a missing helm fails there; on a
 * laptop without it the test is skipped (as ascent-core's render tests are).
 */
final class HelmTool {
    static final String REQUIRED = "ASCENT_REQUIRE_RENDER_TOOLS";
    /** Keep in step with testing/render-tools/build.sh (and ascent-core's RenderToolsOnDisk). */
    static final String PINNED = "helm-v3.22.0_kustomize-v5.8.1";

    private HelmTool() {
    }

    /** The folder holding {@code helm}. */
    static Path directory() {
        String given = System.getenv("ASCENT_RENDER_TOOLS");
        Path bin = given != null && !given.isBlank() ? Path.of(given)
                : Path.of(System.getProperty("user.home"), ".cache", "ascent", "render-tools", PINNED);
        boolean present = Files.isExecutable(bin.resolve("helm"));
        if ("true".equals(String.valueOf(System.getenv(REQUIRED)).trim().toLowerCase(Locale.ROOT))) {
            assertThat(present).as("helm in " + bin + " (" + REQUIRED + "=true)").isTrue();
        }
        Assumptions.assumeTrue(present, "helm is not built in " + bin + "; run testing/render-tools/build.sh");
        return bin;
    }
}
