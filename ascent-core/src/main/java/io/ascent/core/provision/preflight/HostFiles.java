package io.ascent.core.provision.preflight;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/** Reads what preflight needs from this machine's file system; tests substitute recorded files. */
public interface HostFiles {

    /** The first few KiB of a small file ({@code /proc/1/comm}, {@code /proc/sys/fs/inotify/…}), if readable. */
    Optional<String> read(Path path);

    boolean exists(Path path);

    /** Bytes free for an unprivileged writer on the file system holding {@code path}, if it exists. */
    OptionalLong usableSpace(Path path);

    /** Size of the file system holding {@code path}, if it exists. */
    OptionalLong totalSpace(Path path);
}
