package io.ascent.core.repo;

import io.ascent.core.workspace.ConfinedFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * With {@code --no-git}: the files on disk under the application directory stand in for the HEAD tree. Nothing is
 * ignored except {@code .git} and special files (named pipes, devices, sockets: git cannot hold them, and opening a
 * named pipe would block the run forever); a folder holding its own {@code .git} is a nested repository and is
 * recorded as a gitlink, as git would. Files are opened through {@link ConfinedFiles}, so a file swapped for a link
 * out of the repository or a pipe after the walk is refused, not read.
 */
public final class DiskTreeReader {

    private DiskTreeReader() {
    }

    public static RepositoryTree read(Path repositoryRoot, Path applicationDir) throws IOException, InterruptedException {
        Path root = repositoryRoot.toAbsolutePath().normalize();
        Path app = applicationDir.toAbsolutePath().normalize();
        String scope = root.relativize(app).toString().replace('\\', '/');
        List<TreeEntry> entries = new ArrayList<>();
        boolean[] interrupted = {false};
        Files.walkFileTree(app, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (Thread.currentThread().isInterrupted()) {
                    interrupted[0] = true;
                    return FileVisitResult.TERMINATE;
                }
                if (dir.getFileName() != null && dir.getFileName().toString().equals(".git")) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                if (!dir.equals(app) && Files.exists(dir.resolve(".git"), LinkOption.NOFOLLOW_LINKS)) {
                    entries.add(new TreeEntry(display(root, dir), TreeEntry.Kind.GITLINK, null));
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (attrs.isOther()) {
                    return FileVisitResult.CONTINUE;
                }
                if (!file.getFileName().toString().equals(".git")) {
                    entries.add(new TreeEntry(display(root, file), kind(file, attrs), null));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        if (interrupted[0] || Thread.interrupted()) {
            throw new InterruptedException("reading the files on disk was interrupted");
        }
        entries.sort(Comparator.comparing(TreeEntry::path));
        return new RepositoryTree(RepositoryTree.Source.DISK, "files on disk (--no-git)", scope, entries,
                path -> lookup(root, path), () -> new DiskBlobReader(root));
    }

    private static Optional<TreeEntry> lookup(Path root, String path) throws IOException {
        Path file = root.resolve(path);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class,
                LinkOption.NOFOLLOW_LINKS);
        if (attributes.isDirectory() || attributes.isOther()) {
            return Optional.empty();
        }
        return Optional.of(new TreeEntry(path, kind(file, attributes), null));
    }

    private static TreeEntry.Kind kind(Path file, BasicFileAttributes attrs) throws IOException {
        if (attrs.isSymbolicLink()) {
            return TreeEntry.Kind.SYMLINK;
        }
        try {
            PosixFileAttributes posix = Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            // git records a file as executable when its owner may execute it.
            return posix.permissions().contains(PosixFilePermission.OWNER_EXECUTE)
                    ? TreeEntry.Kind.EXECUTABLE : TreeEntry.Kind.FILE;
        } catch (UnsupportedOperationException notPosix) {
            // Windows file systems have no execute bit; there every file counts as not executable, as git sees it
            // with core.fileMode=false.
            return TreeEntry.Kind.FILE;
        }
    }

    private static String display(Path root, Path path) {
        return root.relativize(path).toString().replace('\\', '/');
    }

    private static final class DiskBlobReader implements BlobReader {
        private final Path root;
        // The rules read files as streams and bound what they read themselves, as they do for git blobs.
        private final ConfinedFiles files;

        DiskBlobReader(Path root) {
            this.root = root;
            this.files = ConfinedFiles.under(root, Long.MAX_VALUE);
        }

        @Override
        public long size(TreeEntry entry) throws IOException {
            Path file = root.resolve(entry.path());
            if (entry.kind() == TreeEntry.Kind.SYMLINK) {
                return Files.readSymbolicLink(file).toString().getBytes(StandardCharsets.UTF_8).length;
            }
            return Files.size(files.check(file));
        }

        @Override
        public InputStream open(TreeEntry entry) throws IOException {
            Path file = root.resolve(entry.path());
            if (entry.kind() == TreeEntry.Kind.SYMLINK) {
                return new ByteArrayInputStream(
                        Files.readSymbolicLink(file).toString().getBytes(StandardCharsets.UTF_8));
            }
            return files.open(file);
        }

        @Override
        public void close() {
            // Nothing held open between calls.
        }
    }
}
