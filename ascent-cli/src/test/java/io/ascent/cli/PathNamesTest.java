package io.ascent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A request's resolved paths named back as the user wrote them, as whole paths only. */
class PathNamesTest {
    private static final PrintWriter NOWHERE = new PrintWriter(new StringWriter());
    private static final Invocation REQUEST = new Invocation(Path.of("/home/dev"), Map.of(), NOWHERE, NOWHERE, false,
            Invocation.ofProcess(NOWHERE, NOWHERE).stop());

    @Test
    void shouldNameAResolvedPathAndThePathsUnderItAsWritten() {
        PathNames names = PathNames.of(REQUEST, Path.of("app"), "kube/config", null, "./kind");

        assertThat(names.name("'/home/dev/app' is not a directory")).isEqualTo("'app' is not a directory");
        assertThat(names.name("wrote /home/dev/app/ascent.yaml; read it")).isEqualTo("wrote app/ascent.yaml; read it");
        assertThat(names.name("/home/dev/app:3:1: x")).isEqualTo("app:3:1: x");
        assertThat(names.name("the kubeconfig /home/dev/kube/config does not exist"))
                .isEqualTo("the kubeconfig kube/config does not exist");
        assertThat(names.name("(/home/dev/./kind was not found)")).isEqualTo("(./kind was not found)");
    }

    @Test
    void shouldLeaveLongerNamesAndOtherFoldersAlone() {
        PathNames names = PathNames.of(REQUEST, "app");

        assertThat(names.name("/home/dev/app2 /home/dev/app.bak /x/home/dev/app /home/dev/apps/x"))
                .isEqualTo("/home/dev/app2 /home/dev/app.bak /x/home/dev/app /home/dev/apps/x");
    }

    @Test
    void shouldNameNothingForAbsolutePathsOrTheProcessesOwnRun() {
        assertThat(PathNames.of(REQUEST, "/home/dev/app").name("/home/dev/app")).isEqualTo("/home/dev/app");
        assertThat(PathNames.of(Invocation.ofProcess(NOWHERE, NOWHERE), "app")).isSameAs(PathNames.NONE);
    }

    @Test
    void shouldNameWhatIsPrintedThroughTheWriter() {
        StringWriter text = new StringWriter();
        PrintWriter err = PathNames.of(REQUEST, "app").name(new PrintWriter(text));

        err.println("ascent: reading /home/dev/app/deploy");
        err.printf("%s done%n", "/home/dev/app");

        assertThat(text.toString()).isEqualTo("ascent: reading app/deploy" + System.lineSeparator() + "app done"
                + System.lineSeparator());
    }
}
