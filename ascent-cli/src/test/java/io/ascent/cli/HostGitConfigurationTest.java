package io.ascent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ascent validate}, run as its own process, reads neither the host's system nor its user git configuration
 * (docs/repository-rules.md, "What is read"): a global {@code core.excludesFile} in {@code $HOME/.gitconfig} that
 * makes {@code git status} hide a file does not hide it from {@code repo.uncommitted-changes}, and no {@code git}
 * process is started (JGit would start two to find the system file).
 */
class HostGitConfigurationTest {

    @TempDir
    Path dir;

    @Test
    void shouldJudgeByTheRepositoryAloneAndStartNoGitProcess() throws Exception {
        Path repository = Files.createDirectories(dir.resolve("repo"));
        Path home = Files.createDirectories(dir.resolve("home"));
        Files.writeString(home.resolve("ignored-everywhere"), "*.tmp\n");
        Files.writeString(home.resolve(".gitconfig"), "[core]\n\texcludesFile = " + home.resolve("ignored-everywhere")
                + "\n[user]\n\tname = test\n\temail = test@ascent.invalid\n[commit]\n\tgpgsign = false\n");
        Map<String, String> env = Map.of("HOME", home.toString(), "XDG_CONFIG_HOME", home.resolve(".config").toString());
        committedChecklist(repository, env);
        Files.writeString(repository.resolve("notes.tmp"), "scratch\n");
        // The fixture works: with this HOME, git itself does not see the file.
        assertThat(run(repository, env, List.of("git", "status", "--porcelain")).out()).isEmpty();

        // A git first on PATH (the child's: JGit looks there) that records each start, then runs the real one.
        Path starts = dir.resolve("git-starts");
        Path bin = recordingGit(repository, env, starts);

        List<String> ascent = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.home=" + home, // where JGit looks for ~/.gitconfig
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "validate", "."));
        Run validated = run(repository, Map.of("HOME", env.get("HOME"), "XDG_CONFIG_HOME", env.get("XDG_CONFIG_HOME"),
                "PATH", bin + ":" + System.getenv("PATH")), ascent);

        assertThat(validated.status()).as(validated.out()).isEqualTo(1);
        assertThat(validated.out()).contains("notes.tmp").contains("repo.uncommitted-changes");
        assertThat(starts).as("git processes started by Ascent").doesNotExist();
    }

    /**
     * {@code init} validates what it wrote without the warm-up thread of {@code validate}: the repository reads
     * themselves must apply the request {@code Main} only records (docs/performance.md, "Start-up cuts, third
     * round"), or JGit starts {@code git} to find the system configuration.
     */
    @Test
    void shouldStartNoGitProcessWhenNoWarmUpAppliesTheRequest() throws Exception {
        Path repository = Files.createDirectories(dir.resolve("repo"));
        Path home = Files.createDirectories(dir.resolve("home"));
        Map<String, String> env = Map.of("HOME", home.toString(), "XDG_CONFIG_HOME", home.resolve(".config").toString(),
                "GIT_AUTHOR_NAME", "test", "GIT_AUTHOR_EMAIL", "test@ascent.invalid", "GIT_COMMITTER_NAME", "test",
                "GIT_COMMITTER_EMAIL", "test@ascent.invalid");
        Files.writeString(repository.resolve("README.md"), "# app\n");
        run(repository, env, List.of("git", "init", "-q", "-b", "main", "."));
        run(repository, env, List.of("git", "add", "-A"));
        run(repository, env, List.of("git", "-c", "commit.gpgsign=false", "commit", "-q", "-m", "readme"));
        Path starts = dir.resolve("git-starts");
        Path bin = recordingGit(repository, env, starts);

        List<String> ascent = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.home=" + home, "-cp", System.getProperty("java.class.path"), Main.class.getName(), "init", ".");
        Map<String, String> withGit = new java.util.HashMap<>(env);
        withGit.put("PATH", bin + ":" + System.getenv("PATH"));
        Run initialised = run(repository, withGit, ascent);

        assertThat(initialised.status()).as(initialised.out()).isZero();
        assertThat(initialised.out()).contains("First validation");
        assertThat(starts).as("git processes started by Ascent").doesNotExist();
    }

    /** A folder holding a {@code git} that records each start in {@code starts}, then runs the real one. */
    private Path recordingGit(Path repository, Map<String, String> env, Path starts) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("recording-bin"));
        Path realGit = Path.of(run(repository, env, List.of("bash", "-c", "command -v git")).out().strip());
        Path fakeGit = bin.resolve("git");
        Files.writeString(fakeGit, "#!/bin/sh\necho \"$@\" >> '" + starts + "'\nexec '" + realGit + "' \"$@\"\n");
        Files.setPosixFilePermissions(fakeGit, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(run(repository, Map.of("PATH", bin + ":" + System.getenv("PATH")),
                List.of("sh", "-c", "git --version")).status()).isZero();
        assertThat(Files.readString(starts)).as("the recording git is the one PATH finds").contains("--version");
        Files.delete(starts);
        return bin;
    }

    @Test
    void shouldLeaveHomeAndConfigHomeEmpty() throws Exception {
        Path repository = Files.createDirectories(dir.resolve("repo"));
        Path gitHome = Files.createDirectories(dir.resolve("git-home"));
        Map<String, String> gitEnv = Map.of("HOME", gitHome.toString(), "XDG_CONFIG_HOME",
                gitHome.resolve(".config").toString(), "GIT_AUTHOR_NAME", "test", "GIT_AUTHOR_EMAIL",
                "test@ascent.invalid", "GIT_COMMITTER_NAME", "test", "GIT_COMMITTER_EMAIL", "test@ascent.invalid");
        committedChecklist(repository, gitEnv);
        // Fresh folders, apart from each other: JGit keeps its file-system measurements in
        // $XDG_CONFIG_HOME/jgit/config, or in ~/.jgitconfig without XDG_CONFIG_HOME.
        Path home = Files.createDirectories(dir.resolve("home"));
        Path configHome = Files.createDirectories(dir.resolve("config-home"));
        // JGit measures a file system by writing and deleting probe files in the first folder of the repository it
        // snapshots, which changes that folder's modification time.
        Map<Path, FileTime> folders = folderTimes(repository);

        List<String> ascent = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.home=" + home, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "validate", ".");
        Run validated = run(repository, Map.of("HOME", home.toString(), "XDG_CONFIG_HOME", configHome.toString()),
                ascent);

        assertThat(validated.status()).as(validated.out()).isZero();
        try (var inHome = Files.walk(home); var inConfigHome = Files.walk(configHome)) {
            assertThat(inHome.filter(path -> !path.equals(home))).as("written under HOME").isEmpty();
            assertThat(inConfigHome.filter(path -> !path.equals(configHome))).as("written under XDG_CONFIG_HOME")
                    .isEmpty();
        }
        assertThat(folderTimes(repository)).as("folders of the repository written to").isEqualTo(folders);
    }

    /** {@code ascent.yaml}, failing on uncommitted changes, committed as the only file of a new repository. */
    private static void committedChecklist(Path repository, Map<String, String> env) throws Exception {
        Files.writeString(repository.resolve("ascent.yaml"), """
                apiVersion: ascent.dev/v1
                kind: Checklist
                metadata:
                  name: app
                repository:
                  uncommittedChanges: fail
                """);
        run(repository, env, List.of("git", "init", "-q", "-b", "main", "."));
        run(repository, env, List.of("git", "add", "-A"));
        run(repository, env, List.of("git", "-c", "commit.gpgsign=false", "commit", "-q", "-m", "checklist"));
    }

    private static Map<Path, FileTime> folderTimes(Path root) throws IOException {
        try (var folders = Files.walk(root)) {
            Map<Path, FileTime> times = new TreeMap<>();
            for (Path folder : folders.filter(Files::isDirectory).toList()) {
                times.put(folder, Files.getLastModifiedTime(folder));
            }
            return times;
        }
    }

    private record Run(int status, String out) {
    }

    private static Run run(Path directory, Map<String, String> env, List<String> command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeAll(List.of("CI", "JENKINS_URL", "BUILD_NUMBER", "GIT_CONFIG_NOSYSTEM",
                "GIT_CONFIG_GLOBAL", "GIT_CONFIG_SYSTEM", "GIT_DIR", "GIT_WORK_TREE"));
        builder.environment().putAll(env);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(out).isTrue();
        return new Run(process.exitValue(), out);
    }
}
