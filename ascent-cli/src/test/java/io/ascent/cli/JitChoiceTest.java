package io.ascent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class JitChoiceTest {

    @Test
    void shouldChooseOnlyForAJvmThatRunsC2() {
        assertThat(JitChoice.hasC2("mixed mode, sharing")).isTrue();
        assertThat(JitChoice.hasC2("mixed mode")).isTrue();
        // The launcher's -XX:TieredStopAtLevel=1, and -Xint: nothing to exclude, and no management to start.
        assertThat(JitChoice.hasC2("mixed mode, emulated-client, sharing")).isFalse();
        assertThat(JitChoice.hasC2("interpreted mode, sharing")).isFalse();
    }

    @Test
    void shouldExcludeEveryMethodFromC2InAJvmStartedWithItsDefaults() throws Exception {
        // A JVM of its own: the directive holds for the whole process, and this one runs the other tests.
        Process probe = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), JitChoiceProbe.class.getName()))
                .redirectErrorStream(true).start();
        String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(probe.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(output).startsWith("applied true");
        String c2 = output.substring(output.indexOf("matching: *.*"));
        c2 = c2.substring(c2.indexOf("c2 directives:"));
        assertThat(c2).as(output).contains("Exclude:true");
    }
}
