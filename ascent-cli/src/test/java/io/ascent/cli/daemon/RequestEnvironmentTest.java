package io.ascent.cli.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.provision.command.ChildProcess;
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

        assertThat(env).containsEntry("KUBECONFIG", "/home/dev/project/kube/a:/etc/b")
                .containsEntry("ASCENT_KIND", "/home/dev/project/./kind")
                .containsEntry("XDG_CACHE_HOME", "/home/dev/project/cache");
    }

    @Test
    void shouldLeaveRelativePathEntriesRelativeSoThatTheRunRefusesThemAsTheCommandLineDoes() {
        Map<String, String> env = RequestEnvironment.of(Map.of("PATH", "bin:/usr/bin::tools"), CWD);

        assertThat(env).containsEntry("PATH", "bin:/usr/bin::tools");
    }

    @Test
    void shouldPassEveryOtherVariableAsItCame() {
        Map<String, String> given = Map.of("ASCENT_GIT_TOKEN", "relative/looking", "HOME", "/home/dev", "EMPTY", "",
                "KUBECONFIG", "");

        Map<String, String> env = new java.util.HashMap<>(RequestEnvironment.of(given, CWD));

        assertThat(env.remove(ChildProcess.WORKING_DIRECTORY)).isEqualTo("/home/dev/project");
        assertThat(env).isEqualTo(given);
    }

    @Test
    void shouldStartChildrenInTheClientsDirectoryWhateverTheClientSentUnderThatName() {
        Map<String, String> env = RequestEnvironment.of(Map.of(ChildProcess.WORKING_DIRECTORY, "/elsewhere"), CWD);

        assertThat(env).containsEntry(ChildProcess.WORKING_DIRECTORY, "/home/dev/project");
    }
}
