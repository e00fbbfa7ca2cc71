package io.ascent.core.provision.command;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the program a bare command name means on the run's {@code PATH}, by the rules Go's {@code os/exec.LookPath}
 * has followed since Go 1.19 (and so kubectl, kind and Helm): the first folder of {@code PATH} holding the program
 * wins, and when that folder is a relative entry (an empty entry being {@code .} on Unix) the program is
 * <em>refused</em>, not run. A relative entry is resolved against the JVM's working directory, which on a Jenkins
 * agent is the agent's, not the build's workspace: whatever program that folder happens to hold would run.
 *
 * <p>On Windows, {@code PATH} (any case) is split at {@code ;} (quotes removed, empty entries skipped) and each
 * extension of {@code PATHEXT} (any case; {@value #DEFAULT_PATHEXT} when unset) is tried after the name, as
 * {@code LookPath} does. The current folder is never searched implicitly (as with
 * {@code NoDefaultCurrentDirectoryInExePath}; Go refuses a program found there anyway).
 */
public final class CommandLookup {

    /** The extensions tried on Windows when {@code PATHEXT} is unset or empty, Go's and cmd.exe's defaults. */
    public static final String DEFAULT_PATHEXT = ".COM;.EXE;.BAT;.CMD";

    private final OperatingSystem system;

    public CommandLookup(OperatingSystem system) {
        this.system = system;
    }

    /** What a lookup found. */
    public sealed interface Resolution {
        /** The program to run, or empty when it is not found or refused. */
        default Optional<Path> program() {
            return Optional.empty();
        }
    }

    /** The program, found through an absolute folder of {@code PATH} (or named with its folder). */
    public record Found(Path file) implements Resolution {
        @Override
        public Optional<Path> program() {
            return Optional.of(file);
        }
    }

    /** No folder of {@code PATH} holds the program. */
    public record Missing() implements Resolution {
    }

    /**
     * The first folder of {@code PATH} holding the program is the relative entry {@code entry} ({@code ""} for an
     * empty one): refused.
     */
    public record Relative(String command, String entry, Path file) implements Resolution {
        /** Why the program is not run: names the command, the entry and the file it would have been. */
        public String message() {
            return command + " was found as " + file + " through the relative PATH entry "
                    + (entry.isEmpty() ? "'' (an empty entry, the current folder)" : "'" + entry + "'")
                    + ", which is resolved against the current folder (on a Jenkins agent the agent's, not the "
                    + "workspace): Ascent does not run a program found that way";
        }

        /** What to do about it. */
        public String fix() {
            return "make that PATH entry absolute (or remove it) so " + command + " is found in a fixed folder, "
                    + "or name " + command + " by its absolute path";
        }
    }

    /** Whether {@code command} names a file by its folder (then {@code PATH} is not searched). */
    public boolean hasFolder(String command) {
        return system == OperatingSystem.WINDOWS ? command.matches(".*[:\\\\/].*") : command.contains("/");
    }

    /**
     * Looks {@code command} up in {@code environment} (its {@code PATH}, and on Windows its {@code PATHEXT}). A
     * command with a folder is not searched for: it is {@link Found} as named (on Windows with the first
     * {@code PATHEXT} extension that names a file, when the name as given does not).
     */
    public Resolution find(String command, Map<String, String> environment) {
        List<String> extensions = extensions(environment);
        if (hasFolder(command)) {
            try {
                return Optional.ofNullable(program(command, extensions)).<Resolution>map(Found::new)
                        .orElse(new Found(Path.of(command)));
            } catch (InvalidPathException e) {
                return new Missing();
            }
        }
        String path = ChildEnvironment.get(environment, "PATH", system);
        if (path == null) {
            return new Missing();
        }
        for (String entry : entries(path)) {
            String folder = entry;
            if (folder.isEmpty()) {
                if (system == OperatingSystem.WINDOWS) {
                    continue; // Go and PowerShell skip an empty entry on Windows
                }
                folder = "."; // POSIX: an empty entry is the current folder
            }
            Path file;
            try {
                file = program(Path.of(folder).resolve(command).toString(), extensions);
            } catch (InvalidPathException e) {
                continue; // an entry that names no folder on this system holds nothing
            }
            if (file != null) {
                return Path.of(folder).isAbsolute() ? new Found(file) : new Relative(command, entry, file);
            }
        }
        return new Missing();
    }

    /** The file {@code name} runs as, or null: on Windows a file named so or with an extension; elsewhere executable. */
    private Path program(String name, List<String> extensions) {
        if (system != OperatingSystem.WINDOWS) {
            Path file = Path.of(name);
            return Files.isRegularFile(file) && Files.isExecutable(file) ? file : null;
        }
        if (hasExtension(name) && Files.isRegularFile(Path.of(name))) {
            return Path.of(name);
        }
        // go on with the extensions even when it has one, so "tool.bat.exe" is found for "tool.bat"
        for (String extension : extensions) {
            Path file = Path.of(name + extension);
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        return null;
    }

    private static boolean hasExtension(String name) {
        int dot = name.lastIndexOf('.');
        return dot >= 0 && Math.max(name.lastIndexOf(':'), Math.max(name.lastIndexOf('\\'), name.lastIndexOf('/')))
                < dot;
    }

    /** {@code PATHEXT}'s extensions, lower case with their dot; none on Unix. */
    private List<String> extensions(Map<String, String> environment) {
        if (system != OperatingSystem.WINDOWS) {
            return List.of();
        }
        String value = ChildEnvironment.get(environment, "PATHEXT", system);
        List<String> extensions = new ArrayList<>();
        for (String extension : (value == null || value.isEmpty() ? DEFAULT_PATHEXT : value).split(";")) {
            if (!extension.isEmpty()) {
                extensions.add((extension.startsWith(".") ? "" : ".") + extension.toLowerCase(Locale.ROOT));
            }
        }
        return extensions;
    }

    /** {@code PATH}'s entries: split at {@code :} on Unix; at {@code ;} outside double quotes on Windows, quotes removed. */
    private List<String> entries(String path) {
        if (system != OperatingSystem.WINDOWS) {
            return List.of(path.split(":", -1));
        }
        List<String> entries = new ArrayList<>();
        StringBuilder entry = new StringBuilder();
        boolean quoted = false;
        for (char c : path.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ';' && !quoted) {
                entries.add(entry.toString());
                entry.setLength(0);
            } else {
                entry.append(c);
            }
        }
        entries.add(entry.toString());
        return entries;
    }
}
