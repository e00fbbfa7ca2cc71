package io.ascent.core.provision.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Go's {@code exec.LookPath} rules on both systems, whatever system runs the test. */
class CommandLookupTest {
    @TempDir
    Path dir;

    private static final CommandLookup UNIX = new CommandLookup(OperatingSystem.UNIX);
    private static final CommandLookup WINDOWS = new CommandLookup(OperatingSystem.WINDOWS);

    @Test
    void shouldFindTheFirstExecutableOnPathSkippingFilesThatCannotBeRun() throws Exception {
        Path first = Files.createDirectories(dir.resolve("first"));
        Path second = Files.createDirectories(dir.resolve("second"));
        Files.writeString(first.resolve("kind"), "not executable");
        Path kind = executable(second.resolve("kind"));

        CommandLookup.Resolution found = UNIX.find("kind", Map.of("PATH", first + ":" + second));

        assertThat(found).isEqualTo(new CommandLookup.Found(kind));
    }

    @Test
    void shouldRefuseAProgramFoundThroughARelativeEntryNamingTheEntry() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        executable(bin.resolve("kind"));
        String relative = Path.of("").toAbsolutePath().relativize(bin).toString();
        Path later = Files.createDirectories(dir.resolve("later"));
        executable(later.resolve("kind"));

        // Go refuses the first match when its folder is relative, even if a later absolute folder has the program
        CommandLookup.Resolution found = UNIX.find("kind", Map.of("PATH", relative + ":" + later));

        assertThat(found).isInstanceOf(CommandLookup.Relative.class);
        CommandLookup.Relative refused = (CommandLookup.Relative) found;
        assertThat(refused.entry()).isEqualTo(relative);
        assertThat(refused.program()).isEmpty();
        assertThat(refused.message()).contains("kind", "'" + relative + "'", "relative PATH entry")
                .contains("does not run");
        assertThat(refused.fix()).contains("absolute");
    }

    @Test
    void shouldTreatAnEmptyUnixEntryAsTheCurrentFolderAndRefuseWhatItHolds() throws Exception {
        String name = "ascent-lookup-test-" + ProcessHandle.current().pid();
        Path inWorkingFolder = Path.of(name).toAbsolutePath();
        executable(inWorkingFolder);
        try {
            CommandLookup.Resolution found = UNIX.find(name, Map.of("PATH", dir + "::/nonexistent"));

            assertThat(found).isInstanceOf(CommandLookup.Relative.class);
            assertThat(((CommandLookup.Relative) found).entry()).isEmpty();
            assertThat(((CommandLookup.Relative) found).message()).contains("an empty entry");
        } finally {
            Files.delete(inWorkingFolder);
        }
    }

    @Test
    void shouldFindAProgramInAnAbsoluteFolderWhenARelativeEntryBeforeItDoesNotHoldIt() throws Exception {
        Path kind = executable(Files.createDirectories(dir.resolve("abs")).resolve("kind"));

        assertThat(UNIX.find("kind", Map.of("PATH", "no-such-relative-folder::" + kind.getParent())))
                .isEqualTo(new CommandLookup.Found(kind));
    }

    @Test
    void shouldNotFindAnythingWhenPathIsUnsetOrOnlyNamedInAnotherCaseOnUnix() throws Exception {
        executable(dir.resolve("kind"));

        assertThat(UNIX.find("kind", Map.of())).isInstanceOf(CommandLookup.Missing.class);
        assertThat(UNIX.find("kind", Map.of("Path", dir.toString()))).isInstanceOf(CommandLookup.Missing.class);
    }

    @Test
    void shouldReadPathAndPathextWhateverTheCaseOfTheirNamesOnWindows() throws Exception {
        Files.writeString(dir.resolve("kind.exe"), "MZ");

        CommandLookup.Resolution found = WINDOWS.find("kind", Map.of("Path", dir.toString(), "PathExt", ".EXE"));

        assertThat(found).isEqualTo(new CommandLookup.Found(dir.resolve("kind.exe")));
    }

    @Test
    void shouldTryEachPathextExtensionInOrderOnWindows() throws Exception {
        Files.writeString(dir.resolve("helm.cmd"), "@echo off");
        Files.writeString(dir.resolve("helm.exe"), "MZ");

        assertThat(WINDOWS.find("helm", Map.of("PATH", dir.toString(), "PATHEXT", "CMD;.EXE")).program())
                .contains(dir.resolve("helm.cmd"));
        assertThat(WINDOWS.find("helm", Map.of("PATH", dir.toString(), "PATHEXT", ".EXE;.CMD")).program())
                .contains(dir.resolve("helm.exe"));
        assertThat(WINDOWS.find("helm", Map.of("PATH", dir.toString(), "PATHEXT", ".COM")).program()).isEmpty();
    }

    @Test
    void shouldUseGosDefaultExtensionsWhenPathextIsUnsetOrEmptyOnWindows() throws Exception {
        Files.writeString(dir.resolve("docker.bat"), "@echo off");

        assertThat(WINDOWS.find("docker", Map.of("PATH", dir.toString())).program()).contains(dir.resolve("docker.bat"));
        assertThat(WINDOWS.find("docker", Map.of("PATH", dir.toString(), "PATHEXT", "")).program())
                .contains(dir.resolve("docker.bat"));
        assertThat(CommandLookup.DEFAULT_PATHEXT).isEqualTo(".COM;.EXE;.BAT;.CMD");
    }

    @Test
    void shouldRunANameWithItsExtensionAsGivenOnWindows() throws Exception {
        Files.writeString(dir.resolve("kind.exe"), "MZ");
        Files.writeString(dir.resolve("tool.bat.exe"), "MZ");

        assertThat(WINDOWS.find("kind.exe", Map.of("PATH", dir.toString())).program()).contains(dir.resolve("kind.exe"));
        assertThat(WINDOWS.find("tool.bat", Map.of("PATH", dir.toString())).program())
                .contains(dir.resolve("tool.bat.exe"));
    }

    @Test
    void shouldSplitAtSemicolonsOutsideQuotesAndSkipEmptyEntriesOnWindows() throws Exception {
        Path odd = Files.createDirectories(dir.resolve("a;b"));
        Files.writeString(odd.resolve("kubectl.exe"), "MZ");

        assertThat(WINDOWS.find("kubectl", Map.of("PATH", ";\"" + odd + "\";")).program())
                .contains(odd.resolve("kubectl.exe"));
    }

    @Test
    void shouldNotSearchTheCurrentFolderForAnEmptyEntryOnWindows() throws Exception {
        String name = "ascent-lookup-win-" + ProcessHandle.current().pid();
        Path inWorkingFolder = Path.of(name + ".exe").toAbsolutePath();
        Files.writeString(inWorkingFolder, "MZ");
        try {
            assertThat(WINDOWS.find(name, Map.of("PATH", ";" + dir))).isInstanceOf(CommandLookup.Missing.class);
        } finally {
            Files.delete(inWorkingFolder);
        }
    }

    @Test
    void shouldRefuseAProgramFoundThroughARelativeEntryOnWindows() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("tools"));
        Files.writeString(bin.resolve("kind.exe"), "MZ");
        String relative = Path.of("").toAbsolutePath().relativize(bin).toString();

        assertThat(WINDOWS.find("kind", Map.of("PATH", relative))).isInstanceOf(CommandLookup.Relative.class);
    }

    @Test
    void shouldTakeANameWithAFolderAsGivenWithoutSearching() throws Exception {
        assertThat(UNIX.hasFolder("./kind")).isTrue();
        assertThat(UNIX.hasFolder("kind")).isFalse();
        assertThat(UNIX.hasFolder("C:kind")).isFalse();
        assertThat(WINDOWS.hasFolder("C:kind")).isTrue();
        assertThat(WINDOWS.hasFolder("tools\\kind")).isTrue();
        Files.writeString(dir.resolve("kind.exe"), "MZ");
        assertThat(WINDOWS.find(dir.resolve("kind").toString(), Map.of()).program()).contains(dir.resolve("kind.exe"));
        assertThat(UNIX.find(dir.resolve("kind").toString(), Map.of()).program()).contains(dir.resolve("kind"));
    }

    private static Path executable(Path file) throws Exception {
        Files.writeString(file, "#!/bin/sh\necho \"$@\"\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}
