package io.ascent.core.provision.preflight;

import io.ascent.core.workspace.ConfinedFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/** {@link HostFiles} of the machine Ascent runs on. Reads files of at most {@link #LIMIT} bytes. */
public final class LocalHostFiles implements HostFiles {

    private static final int LIMIT = 4096;

    @Override
    public Optional<String> read(Path path) {
        // Fixed paths of the host (/proc, /sys), never a repository's: readable anywhere, within the limit.
        try {
            return Optional.of(new String(ConfinedFiles.anywhere(LIMIT).readAllBytes(path), StandardCharsets.UTF_8));
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean exists(Path path) {
        try {
            return Files.exists(path);
        } catch (SecurityException e) {
            return false;
        }
    }

    @Override
    public OptionalLong usableSpace(Path path) {
        try {
            return OptionalLong.of(Files.getFileStore(path).getUsableSpace());
        } catch (IOException | SecurityException e) {
            return OptionalLong.empty();
        }
    }

    @Override
    public OptionalLong totalSpace(Path path) {
        try {
            return OptionalLong.of(Files.getFileStore(path).getTotalSpace());
        } catch (IOException | SecurityException e) {
            return OptionalLong.empty();
        }
    }
}
