package io.ascent.core.report.render;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A new, empty file beside a report's destination, to be written and then moved into place. Unlike
 * {@link Files#createTempFile}, which makes a file only its owner can read (0600), it gets the permissions any new
 * file gets in that folder: 0666 less the process's umask, or what the folder's default ACL says. A report is for
 * others to read (a CI publisher running as another user, a web server), so the moved file must not stay private.
 */
public final class SiblingFile {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int ATTEMPTS = 100;

    private SiblingFile() {
    }

    /**
     * Creates {@code .ascent-<random>.tmp} in {@code target}'s folder, which must exist.
     *
     * @throws IOException when the folder cannot be written
     */
    public static Path beside(Path target) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        for (int attempt = 0; ; attempt++) {
            byte[] name = new byte[8];
            RANDOM.nextBytes(name);
            Path candidate = folder.resolve(".ascent-" + HexFormat.of().formatHex(name) + ".tmp");
            try {
                // CREATE_NEW: never follows or reuses an existing file or link; the OS applies umask and default ACL.
                Files.newOutputStream(candidate, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return candidate;
            } catch (FileAlreadyExistsException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
