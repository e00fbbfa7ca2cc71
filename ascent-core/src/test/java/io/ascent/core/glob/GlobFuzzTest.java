package io.ascent.core.glob;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Fuzzes both pattern languages: any text either compiles or is refused with a {@link GlobSyntaxException} (which
 * the checklist reports at its line), never another exception, and matching a long path stays fast. The default
 * test run replays the seeds; the {@code fuzz-globs} execution fuzzes for a bounded time.
 */
class GlobFuzzTest {

    @FuzzTest(maxDuration = "20s")
    void shouldCompileOrRefuseAndMatchInBoundedTime(FuzzedDataProvider data) {
        String pattern = data.consumeString(100);
        String path = data.consumeRemainingAsString().repeat(50);
        compileOrRefuse(pattern, () -> Glob.compile(pattern)::matches, path);
        compileOrRefuse(pattern, () -> PathPattern.compile(pattern)::matchingPrefix, path);
    }

    private static void compileOrRefuse(String pattern, Supplier<Function<String, ?>> compile, String path) {
        try {
            Function<String, ?> matcher = compile.get();
            long start = System.nanoTime();
            matcher.apply(path);
            assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
        } catch (GlobSyntaxException expected) {
            assertThat(expected.index()).isBetween(0, pattern.length());
        }
    }
}
