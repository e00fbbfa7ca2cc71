package io.ascent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ascent} launcher script at the repository's root: which JVM it runs, and which class-data archive or
 * ahead-of-time cache it records and maps. It runs on a copy of the script in a fake checkout (a jar newer than its
 * sources, so nothing is built) with fake JDKs: each is a folder with a {@code release} file and a {@code bin/java}
 * script that appends its arguments to a log and creates the archive a training run would record.
 */
class LauncherScriptTest {
    /** Records one line per start: the arguments, space-separated; creates what a training run records. */
    private static final String FAKE_JAVA = """
            #!/usr/bin/env bash
            echo "$0 $*" >> "$FAKE_JAVA_LOG"
            for arg in "$@"; do
              case "$arg" in
                -XX:AOTCacheOutput=*) : > "${arg#*=}" ;;
                -XX:ArchiveClassesAtExit=*) : > "${arg#*=}" ;;
              esac
            done
            """;

    @TempDir
    Path work;
    private Path checkout;
    private Path target;
    private Path log;

    @BeforeEach
    void fakeCheckout() throws IOException {
        checkout = FakeCheckout.create(work);
        target = checkout.resolve("ascent-cli/target");
        log = work.resolve("java.log");
    }

    @Test
    void shouldRecordAndMapAnAheadOfTimeCacheWithAJdkOfRelease25OrLater() throws Exception {
        Path java = fakeJdk("jdk-25", "25.0.3");

        List<String> starts = launch(java, "--version");

        assertThat(starts).hasSize(2);
        assertThat(starts.get(0)).startsWith(java + " ")
                .contains("-XX:AOTCacheOutput=" + target.resolve("ascent-25.aot"))
                .contains("-XX:+UseCompactObjectHeaders", "-Xlog:aot*=off", "-Xlog:cds*=off")
                .contains("io.ascent.cli.StartupTraining " + checkout.resolve("examples/hello-web"))
                .doesNotContain("ArchiveClassesAtExit");
        assertThat(starts.get(1)).startsWith(java + " ")
                .contains("-XX:AOTCache=" + target.resolve("ascent-25.aot"))
                .contains("-XX:+UseCompactObjectHeaders", "-Xlog:aot*=off", "-Xlog:cds*=off")
                .endsWith("-jar " + target.resolve("ascent.jar") + " --version")
                .doesNotContain("SharedArchiveFile", "-Xshare");
    }

    @Test
    void shouldRecordAndMapAClassDataArchiveWithJava17() throws Exception {
        Path java = fakeJdk("jdk-17", "17.0.15");

        List<String> starts = launch(java, "--version");

        assertThat(starts).hasSize(2);
        assertThat(starts.get(0)).contains("-XX:ArchiveClassesAtExit=" + target.resolve("ascent.jsa"))
                .contains("io.ascent.cli.StartupTraining").doesNotContain("AOTCache", "UseCompactObjectHeaders");
        assertThat(starts.get(1)).contains("-XX:SharedArchiveFile=" + target.resolve("ascent.jsa"))
                .contains("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xms16m")
                .doesNotContain("AOTCache", "UseCompactObjectHeaders")
                .endsWith("-jar " + target.resolve("ascent.jar") + " --version");
    }

    @Test
    void shouldGiveValidateTheCacheOfItsOwnTrainingAndRecordAgainAfterABuild() throws Exception {
        Path java = fakeJdk("jdk-25", "25");
        Map<String, String> env = Map.of("ASCENT_JAVA", java.toString());

        assertThat(run(env, "validate", "app")).isZero();
        assertThat(run(env, "validate", "app")).isZero();
        Files.setLastModifiedTime(target.resolve("ascent-validate-25.aot"),
                FileTime.from(Instant.now().minusSeconds(60)));
        assertThat(run(env, "validate", "app")).isZero();

        List<String> starts = Files.readAllLines(log);
        assertThat(starts).hasSize(5);
        assertThat(starts.get(0)).contains("-XX:AOTCacheOutput=" + target.resolve("ascent-validate-25.aot"))
                .matches(".* -cp " + Pattern.quote(target.resolve("ascent-validate.jar").toString())
                        + " io\\.ascent\\.cli\\.StartupTraining "
                        + Pattern.quote(checkout.resolve("examples/hello-web").toString()) + " \\S+ validate");
        assertThat(starts.get(1)).contains("-XX:AOTCache=" + target.resolve("ascent-validate-25.aot"))
                .endsWith("-jar " + target.resolve("ascent-validate.jar") + " validate app");
        assertThat(starts.get(2)).contains("-XX:AOTCache=").endsWith(" validate app");
        assertThat(starts.get(3)).as("the cache older than the jar is recorded again")
                .contains("-XX:AOTCacheOutput=" + target.resolve("ascent-validate-25.aot"));
        assertThat(starts.get(4)).contains("-XX:AOTCache=").endsWith(" validate app");
    }

    @Test
    void shouldRunValidateFromItsOwnJarWithAnArchiveRecordedFromItAndEveryOtherCommandFromTheWholeJar()
            throws Exception {
        Path java = fakeJdk("jdk-17", "17.0.15");
        Map<String, String> env = Map.of("ASCENT_JAVA", java.toString());

        assertThat(run(env, "validate", "app")).isZero();
        assertThat(run(env, "gc", "--dry-run")).isZero();

        List<String> starts = Files.readAllLines(log);
        assertThat(starts).hasSize(4);
        assertThat(starts.get(0)).contains("-XX:ArchiveClassesAtExit=" + target.resolve("ascent-validate.jsa"))
                .contains("-cp " + target.resolve("ascent-validate.jar") + " io.ascent.cli.StartupTraining");
        assertThat(starts.get(1)).contains("-XX:SharedArchiveFile=" + target.resolve("ascent-validate.jsa"))
                .endsWith("-jar " + target.resolve("ascent-validate.jar") + " validate app");
        assertThat(starts.get(2)).contains("-XX:ArchiveClassesAtExit=" + target.resolve("ascent.jsa"))
                .contains("-cp " + target.resolve("ascent.jar") + " io.ascent.cli.StartupTraining");
        assertThat(starts.get(3)).contains("-XX:SharedArchiveFile=" + target.resolve("ascent.jsa"))
                .endsWith("-jar " + target.resolve("ascent.jar") + " gc --dry-run");
        assertThat(starts.subList(0, 2)).as("validate: one compiler thread, its training too")
                .allSatisfy(start -> assertThat(start).contains("-XX:CICompilerCount=1"));
        assertThat(starts.subList(2, 4)).allSatisfy(start -> assertThat(start).doesNotContain("CICompilerCount"));
    }

    @Test
    void shouldBuildWhenValidatesJarIsMissingOrOlderThanTheWholeJarButNotOtherwise() throws Exception {
        Path java = fakeJdk("jdk-17", "17.0.15");
        Map<String, String> env = Map.of("ASCENT_JAVA", java.toString());
        Path builds = work.resolve("builds.log");
        // The build as Maven's package leaves it: ascent.jar, then validate's jar.
        Path mvnw = Files.writeString(checkout.resolve("mvnw"), """
                #!/usr/bin/env bash
                echo "$*" >> "%s"
                echo jar > ascent-cli/target/ascent.jar
                echo jar > ascent-cli/target/ascent-validate.jar
                """.formatted(builds));
        Files.setPosixFilePermissions(mvnw, PosixFilePermissions.fromString("rwxr-xr-x"));
        FakeCheckout.ageAnHour(mvnw);

        assertThat(run(env, "validate", "app")).isZero();
        assertThat(builds).as("up to date: nothing built").doesNotExist();

        Files.delete(target.resolve("ascent-validate.jar"));
        assertThat(run(env, "validate", "app")).isZero();
        assertThat(Files.readAllLines(builds)).as("validate's jar missing").hasSize(1);
        assertThat(target.resolve("ascent-validate.jar")).exists();

        Files.setLastModifiedTime(target.resolve("ascent-validate.jar"),
                FileTime.from(Instant.now().minusSeconds(60)));
        assertThat(run(env, "--version")).isZero();
        assertThat(Files.readAllLines(builds)).as("validate's jar older than the whole jar").hasSize(2);

        assertThat(run(env, "validate", "app")).isZero();
        assertThat(Files.readAllLines(builds)).as("up to date again").hasSize(2);
    }

    @Test
    void shouldRecordAgainAfterTheLauncherChangedButNotOtherwise() throws Exception {
        Path java = fakeJdk("jdk-17", "17");
        Map<String, String> env = Map.of("ASCENT_JAVA", java.toString());
        Instant now = Instant.now();

        assertThat(run(env, "--version")).isZero();
        Files.setLastModifiedTime(target.resolve("ascent.jar"), FileTime.from(now.minusSeconds(120)));
        Files.setLastModifiedTime(checkout.resolve("ascent"), FileTime.from(now.minusSeconds(120)));
        Files.setLastModifiedTime(target.resolve("ascent.jsa"), FileTime.from(now.minusSeconds(60)));
        assertThat(run(env, "--version")).isZero();
        Files.setLastModifiedTime(checkout.resolve("ascent"), FileTime.from(now));
        assertThat(run(env, "--version")).isZero();

        List<String> starts = Files.readAllLines(log);
        assertThat(starts).hasSize(5);
        assertThat(starts.get(2)).contains("-XX:SharedArchiveFile=");
        assertThat(starts.get(3)).as("the archive older than the launcher is recorded again")
                .contains("-XX:ArchiveClassesAtExit=");
        assertThat(starts.get(4)).contains("-XX:SharedArchiveFile=");
    }

    @Test
    void shouldRunTheJavaOnThePathWithoutAscentJavaAndReadTheReleaseOfTheJdkItLinksTo() throws Exception {
        Path java = fakeJdk("jdk-25", "25.0.3");
        Path bin = Files.createDirectories(work.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("java"), java); // as /usr/bin/java -> /etc/alternatives/java -> a JDK

        assertThat(run(Map.of("PATH", bin + ":" + System.getenv("PATH")), "--version")).isZero();

        List<String> starts = Files.readAllLines(log);
        assertThat(starts).hasSize(2);
        assertThat(starts.get(1)).startsWith(bin.resolve("java") + " ")
                .contains("-XX:AOTCache=" + target.resolve("ascent-25.aot"));
    }

    /** A JDK folder with its release file; returns its {@code bin/java}. */
    private Path fakeJdk(String name, String version) throws IOException {
        Path home = work.resolve(name);
        Path java = home.resolve("bin/java");
        Files.createDirectories(java.getParent());
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + version + "\"\n");
        Files.writeString(java, FAKE_JAVA);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return java;
    }

    /** Runs the launcher with {@code ASCENT_JAVA} naming JAVA; returns every JVM start logged so far. */
    private List<String> launch(Path java, String... args) throws Exception {
        assertThat(run(Map.of("ASCENT_JAVA", java.toString()), args)).isZero();
        return Files.readAllLines(log);
    }

    private int run(Map<String, String> environment, String... args) throws Exception {
        ProcessBuilder builder = new ProcessBuilder();
        builder.command().add("bash");
        builder.command().add(checkout.resolve("ascent").toString());
        builder.command().addAll(List.of(args));
        builder.environment().remove("ASCENT_JAVA");
        builder.environment().remove("ASCENT_DAEMON"); // the direct run is under test, whatever the developer's shell
        builder.environment().putAll(environment);
        builder.environment().put("FAKE_JAVA_LOG", log.toString());
        Process process = builder.directory(work.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(output).isTrue();
        return process.exitValue();
    }
}
