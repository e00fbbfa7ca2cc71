package io.ascent.cli.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The variables that hold paths mean the client's directory when relative: the resident engine, and the children it
 * starts, work in another one.
 */
class RequestEnvironmentTest {
    private static final Path CWD = Path.of("/home/dev/project");

    @Test
    void shouldResolveRelativeEntriesOfPathVariablesAgainstTheClientsDirectory() {
        Map<String, String> env = RequestEnvironment.of(Map.of("PATH", "bin:/usr/bin::tools/../x",
                "KUBECONFIG", "kube/a:/etc/b", "ASCENT_KIND", "./kind", "XDG_CACHE_HOME", "cache"), CWD);

        assertThat(env).containsEntry("PATH", "/home/dev/project/bin:/usr/bin:/home/dev/project:"
                + "/home/dev/project/tools/../x")
                .containsEntry("KUBECONFIG", "/home/dev/project/kube/a:/etc/b")
                .containsEntry("ASCENT_KIND", "/home/dev/project/./kind")
                .containsEntry("XDG_CACHE_HOME", "/home/dev/project/cache");
    }

    @Test
    void shouldPassEveryOtherVariableAsItCame() {
        Map<String, String> given = Map.of("ASCENT_GIT_TOKEN", "relative/looking", "HOME", "/home/dev", "EMPTY", "",
                "KUBECONFIG", "");

        assertThat(RequestEnvironment.of(given, CWD)).isEqualTo(given);
    }
}
