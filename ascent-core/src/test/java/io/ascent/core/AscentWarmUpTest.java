package io.ascent.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.report.FreshClassLoader;
import io.ascent.core.report.Redaction;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What {@link Ascent#warmUp(boolean)} loads on its own thread while the command line parses its words. */
class AscentWarmUpTest {

    @Test
    void shouldCompileTheRedactionsDetectorsBesideTheMainThread() throws Exception {
        try (FreshClassLoader loader = new FreshClassLoader(Ascent.class)) {
            Class<?> ascent = Class.forName(Ascent.class.getName(), true, loader);

            ascent.getMethod("warmUp", boolean.class).invoke(null, false);

            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!loader.loaded(Redaction.class) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(loader.loaded(Redaction.class)).isTrue();
        }
    }
}
