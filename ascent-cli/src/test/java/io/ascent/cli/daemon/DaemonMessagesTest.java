package io.ascent.cli.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.SoftAssertions;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every message that names a path the user gave reads the same from the resident engine as from the plain command
 * line: the engine resolves relative paths against the client's directory, but says them as the user typed them.
 * The same command lines run in two copies of one directory, once by the plain command line started there, once as
 * requests from there, and must print the same words and end with the same status.
 */
@Timeout(300)
class DaemonMessagesTest {

    /** Command lines that print a path the user gave: missing folders, files written, files that are not there. */
    private static final List<List<String>> COMMANDS = List.of(
            List.of("validate", "missing"),
            List.of("validate", "file.txt", "--no-git"),
            List.of("validate", ".", "--no-git"),
            List.of("validate", "./app/", "--no-git", "-v"),
            List.of("validate", "app", "--no-git", "--checklist", "nope.yaml"),
            List.of("validate", "app", "--no-git", "--checklist", "sub/../app/ascent.yaml"),
            List.of("validate", "app", "--no-git", "-f", "json", "-f", "text", "-o", "out/"),
            List.of("init", "empty"),
            List.of("init", "empty"),
            List.of("init", "missing"),
            List.of("init", "file.txt"),
            List.of("baseline", "app", "--no-git"),
            List.of("baseline", "missing", "--no-git"),
            List.of("doctor", "missing", "--driver", "existing"),
            List.of("doctor", "app", "--driver", "existing", "--kubeconfig", "nope.yaml"),
            List.of("provision", "missing", "--no-git", "--dry-run"),
            List.of("provision", "app", "--no-git", "--driver", "existing", "--kubeconfig", "nope.yaml"),
            List.of("provision", "app", "--no-git", "--driver", "kind", "--kind", "./nokind"),
            List.of("gc", "--kubeconfig", "nope.yaml", "--dry-run"));

    @TempDir
    Path dir;

    @Test
    void shouldNameEveryPathAsTheCommandLineDoes() throws Exception {
        // one name for both (a report names the repository's folder)
        Path plain = tree(dir.resolve("plain").resolve("app-repo"));
        Path engine = tree(dir.resolve("engine").resolve("app-repo"));
        Map<String, String> env = new HashMap<>();
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("HOME", Files.createDirectories(dir.resolve("home")).toString());
        env.put("XDG_CACHE_HOME", dir.resolve("cache").toString());

        List<JSONObject> expected = plainRuns(plain, env);
        List<DaemonClient.Answer> answers = new ArrayList<>();
        try (InProcessDaemon daemon = InProcessDaemon.start(dir.resolve("rt").resolve("d.sock"), "10m")) {
            for (List<String> command : COMMANDS) {
                answers.add(DaemonClient.run(daemon.socket, engine, env, command.toArray(String[]::new)));
            }
        }

        SoftAssertions softly = new SoftAssertions();
        for (int i = 0; i < COMMANDS.size(); i++) {
            String words = String.join(" ", COMMANDS.get(i));
            DaemonClient.Answer answer = answers.get(i);
            softly.assertThat(same(answer.out(), engine)).as(words + ": standard output")
                    .isEqualTo(same(expected.get(i).getString("out"), plain));
            softly.assertThat(same(answer.err(), engine)).as(words + ": standard error")
                    .isEqualTo(same(expected.get(i).getString("err"), plain));
            softly.assertThat(answer.status()).as(words + ": " + answer.err())
                    .isEqualTo(expected.get(i).getInt("status"));
        }
        softly.assertAll();
        assertThat(answers.get(COMMANDS.indexOf(List.of("init", "empty"))).out())
                .startsWith("ascent init: wrote empty/ascent.yaml;");
        assertThat(engine.resolve("empty/ascent.yaml")).exists();
        assertThat(engine.resolve("app/.ascent-baseline.json")).exists();
    }

    /** One directory as both runs start with it: an application, an empty folder, a file. */
    private static Path tree(Path root) throws Exception {
        Files.createDirectories(root.resolve("app/deploy"));
        Files.createDirectories(root.resolve("empty"));
        Files.createDirectories(root.resolve("sub"));
        Files.writeString(root.resolve("file.txt"), "not a folder\n");
        Files.writeString(root.resolve("app/ascent.yaml"), """
                apiVersion: ascent.dev/v1
                kind: Checklist
                metadata:
                  name: app
                kubernetes:
                  version: "1.30"
                  manifests: [deploy/]
                provision:
                  cluster:
                    driver: existing
                """);
        Files.writeString(root.resolve("app/deploy/web.yaml"), """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web}
                spec:
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: web}}
                    spec:
                      containers: [{name: web, image: nginx}]
                """);
        return root;
    }

    /** What the plain command line printed for each command, run in {@code cwd} by a JVM started there. */
    private List<JSONObject> plainRuns(Path cwd, Map<String, String> env) throws Exception {
        Path commands = Files.writeString(dir.resolve("commands.json"), new JSONArray(COMMANDS).toString());
        Path results = dir.resolve("results.json");
        ProcessBuilder builder = new ProcessBuilder(List.of(ChildDaemon.java(), "-cp",
                System.getProperty("java.class.path"), PlainRuns.class.getName(), commands.toString(),
                results.toString())).directory(cwd.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("plain.log").toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        Process process = builder.start();
        assertThat(process.waitFor(240, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(dir.resolve("plain.log"))).isZero();
        JSONArray array = new JSONArray(Files.readString(results, StandardCharsets.UTF_8));
        List<JSONObject> list = new ArrayList<>();
        for (int i = 0; i < array.length(); i++) {
            list.add(array.getJSONObject(i));
        }
        return list;
    }

    /**
     * The text with what differs between any two runs made alike: durations, times, work folders, free disk space,
     * and the two copies' own folders (where the command line itself names an absolute path: {@code --checklist}).
     */
    private static String same(String text, Path root) {
        return text.replace(root.toString(), "ROOT").replaceAll("[0-9]+(\\.[0-9]+)? ?(ms|s)\\b", "T")
                .replaceAll("\\[ *T\\]", "[T]").replaceAll("ascent-work\\.[-a-z0-9]+", "WORK")
                .replaceAll("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]+Z", "TIME")
                .replaceAll("[0-9.]+ GiB free of [0-9.]+ GiB \\([0-9]+ %\\)", "FREE");
    }
}
