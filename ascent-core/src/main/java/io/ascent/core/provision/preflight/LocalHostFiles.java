package io.ascent.core.provision.preflight;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/** {@link HostFiles} of the machine Ascent runs on. Reads at most {@link #LIMIT} bytes of a file. */
public final class LocalHostFiles implements HostFiles {

    private static final int LIMIT = 4096;

    @Override
    public Optional<String> read(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            return Optional.of(new String(in.readNBytes(LIMIT), StandardCharsets.UTF_8));
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
