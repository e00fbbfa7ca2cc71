package io.ascent.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A run's paths: the process's own run keeps them exactly as given (its reports name them so, and the JVM resolves
 * them in its own directory); a request of the resident engine resolves them against the client's directory.
 */
class InvocationTest {
    private static final PrintWriter NOWHERE = new PrintWriter(new StringWriter());

    @Test
    void shouldKeepPathsAsGivenForTheProcessesOwnRun() {
        Invocation process = Invocation.ofProcess(NOWHERE, NOWHERE);

        assertThat(process.isProcess()).isTrue();
        assertThat(process.path("examples/hello-web")).isEqualTo(Path.of("examples/hello-web"));
        assertThat(process.path(Path.of("."))).isEqualTo(Path.of("."));
        assertThat(process.path("/etc/x")).isEqualTo(Path.of("/etc/x"));
        assertThat(process.environment()).isEqualTo(System.getenv());
    }

    @Test
    void shouldResolveRelativePathsAgainstARequestsDirectory() {
        Invocation request = new Invocation(Path.of("/home/dev/app"), Map.of("A", "1"), NOWHERE, NOWHERE, true,
                Invocation.ofProcess(NOWHERE, NOWHERE).stop());

        assertThat(request.isProcess()).isFalse();
        assertThat(request.path("deploy/x.yaml")).isEqualTo(Path.of("/home/dev/app/deploy/x.yaml"));
        assertThat(request.path(Path.of("/etc/x"))).isEqualTo(Path.of("/etc/x"));
        assertThat(request.variable("A")).isEqualTo("1");
        assertThat(request.variable("PATH")).isNull();
    }

    @Test
    void shouldRefuseARelativeDirectory() {
        assertThatThrownBy(() -> new Invocation(Path.of("app"), Map.of(), NOWHERE, NOWHERE, false,
                Invocation.ofProcess(NOWHERE, NOWHERE).stop()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be absolute");
    }
}
