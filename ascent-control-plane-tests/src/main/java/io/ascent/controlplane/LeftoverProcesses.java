package io.ascent.controlplane;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds processes still running with a control plane's work directory on their
 * command line. Every component is started with a path inside it, so this finds
 * components, and anything they started, that {@link ControlPlane#close} missed.
 */
public final class LeftoverProcesses {

    private LeftoverProcesses() {
    }

    /** "pid command line" of every live process that mentions {@code workDirectory}, this JVM excluded. */
    public static List<String> referencing(Path workDirectory) throws IOException {
        String needle = workDirectory.toAbsolutePath().normalize().toString();
        long self = ProcessHandle.current().pid();
        List<String> found = new ArrayList<>();
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                long pid = Long.parseLong(process.getFileName().toString());
                if (pid == self) {
                    continue;
                }
                String commandLine;
                try {
                    commandLine = new String(Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8)
                            .replace('\0', ' ').trim();
                } catch (IOException exitedMeanwhile) {
                    continue;
                }
                if (commandLine.contains(needle) && !isZombie(process)) {
                    found.add(pid + " " + commandLine);
                }
            }
        }
        return found;
    }

    private static boolean isZombie(Path process) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }
}
