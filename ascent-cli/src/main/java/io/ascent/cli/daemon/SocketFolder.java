package io.ascent.cli.daemon;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The folder the resident engine's socket lives in, which only its user may enter: whoever can open the socket can
 * run commands as that user, in any directory, with any environment. The folder is refused when it is a symbolic
 * link (someone else could point it elsewhere), is owned by another user, or grants any group or other permission.
 * The client checks the same before it connects.
 */
final class SocketFolder {
    private SocketFolder() {
    }

    /** Thrown for a folder that is not the user's alone; the message names the problem and the fix. */
    static final class UntrustedException extends Exception {
        private static final long serialVersionUID = 1L;

        UntrustedException(String message) {
            super(message);
        }
    }

    /**
     * Creates {@code folder} (mode 0700) when it is missing, then checks it.
     *
     * @throws UntrustedException when it is a link, another user's, or open to group or others
     * @throws IOException        when it cannot be created or read
     */
    static void ensureTrusted(Path folder, int uid) throws IOException, UntrustedException {
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            try {
                Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            } catch (FileAlreadyExistsException e) {
                // made by someone else meanwhile: checked below like any other
            }
        }
        check(folder, uid);
    }

    /** Checks {@code folder} without creating it. */
    static void check(Path folder, int uid) throws IOException, UntrustedException {
        if (Files.isSymbolicLink(folder)) {
            throw new UntrustedException("the socket folder " + folder + " is a symbolic link; remove it (the resident"
                    + " engine makes it again, as a folder only you can enter)");
        }
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            throw new UntrustedException("the socket folder " + folder + " is not a folder; remove it");
        }
        int owner = (Integer) Files.getAttribute(folder, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        if (owner != uid) {
            throw new UntrustedException("the socket folder " + folder + " belongs to uid " + owner + ", not to you"
                    + " (uid " + uid + "); remove it or set XDG_RUNTIME_DIR to a folder of your own");
        }
        int mode = (Integer) Files.getAttribute(folder, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 07777;
        if ((mode & 077) != 0) {
            throw new UntrustedException("the socket folder " + folder + " has mode " + String.format("%04o", mode)
                    + ", which lets others in; run: chmod 700 " + folder);
        }
    }

    /** This process's user id. */
    static int currentUid() throws IOException {
        // /proc/self belongs to the process's user; the JDK's own way (com.sun.security.auth.module.UnixSystem)
        // needs a module a trimmed runtime may leave out.
        Path self = Path.of("/proc/self");
        if (Files.exists(self)) {
            return (Integer) Files.getAttribute(self, "unix:uid");
        }
        Path probe = Files.createTempFile("ascent-uid-", "");
        try {
            return (Integer) Files.getAttribute(probe, "unix:uid");
        } finally {
            Files.deleteIfExists(probe);
        }
    }
}
