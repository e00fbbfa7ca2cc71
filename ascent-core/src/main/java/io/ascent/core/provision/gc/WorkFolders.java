package io.ascent.core.provision.gc;

import io.ascent.core.provision.RunName;
import io.ascent.core.report.Item;
import io.ascent.core.report.Status;
import io.ascent.core.run.RunSink;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.UserPrincipal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The work folders that provisioning runs left in the temporary folder, and the kind logs they exported there. A run
 * works in {@code TMP/ascent-work.RUN-NNN} (a private folder from {@link Files#createTempDirectory}: the kind
 * cluster's kubeconfig, with its credentials, or the existing driver's) and removes it at its end, unless it keeps its
 * cluster; a killed run leaves it. After a failed cluster creation, kind's exported logs stay in
 * {@code TMP/ascent-work.RUN-NNN-kind-logs} for the user to read; after the same age they go too.
 *
 * <p>The temporary folder is shared with other users and other programs, so a folder is Ascent's only when all of
 * these hold: a direct child named exactly so, {@code RUN} a run's name ({@link RunName#parseWorkFolder}: any
 * namespace prefix, after the fixed {@value RunName#WORK_FOLDER_PREFIX}); a folder itself, not a link to one (never
 * followed); owned by the user running {@code gc}. Folders of earlier versions, named {@code TMP/RUN-NNN}, are
 * recognised only when {@code RUN} has the {@code ascent-} prefix ({@link RunName#parse}); those of runs with a
 * namespace prefix never named themselves Ascent's and are left alone. Removing never follows a link inside either: a
 * link is removed, not what it points at.
 */
final class WorkFolders {

    static final String ID = "gc.work-folder";
    private static final String TITLE = "Ascent's work folders";
    private static final String LOGS_SUFFIX = "-kind-logs";
    /**
     * {@code ascent-work.RUN} (or an earlier version's {@code RUN}), then {@link Files#createTempDirectory}'s random
     * number, then maybe the exported logs' suffix.
     */
    private static final Pattern SHAPE = Pattern.compile("(.+)-\\d{1,20}(" + LOGS_SUFFIX + ")?");

    private final Path temporary;
    private final Optional<UserPrincipal> owner;

    /** @param temporary where runs made their work folders: the JVM's {@code java.io.tmpdir} */
    WorkFolders(Path temporary) {
        this(temporary, currentUser());
    }

    /** @param owner whose folders are collected; empty where the file system knows no owners */
    WorkFolders(Path temporary, Optional<UserPrincipal> owner) {
        this.temporary = temporary;
        this.owner = owner;
    }

    /**
     * Removes (or, with {@code dryRun}, lists) the work folders of runs created before {@code cutoff}, an item each,
     * except those of {@code clustersLeft}: runs whose cluster could not be deleted keep the kubeconfig that reaches
     * it.
     *
     * @param age how long ago a run was created, as the report says it
     */
    void collect(Instant cutoff, boolean dryRun, Set<String> clustersLeft, Function<Instant, String> age,
            RunSink report) {
        if (owner.isEmpty()) {
            report.item(Item.builder(ID, TITLE).status(Status.SKIP)
                    .message("work folders in " + temporary + " were not looked for: this file system does not say "
                            + "who owns a folder")
                    .build());
            return;
        }
        int kept = 0;
        for (Ours folder : list(owner.get(), report)) {
            if (!folder.run().createdAt().isBefore(cutoff) || clustersLeft.contains(folder.run().value())) {
                kept++;
                continue;
            }
            String what = (folder.logs() ? "kind's exported logs " : "work folder ") + folder.path() + " (run "
                    + folder.run() + ", created " + age.apply(folder.run().createdAt()) + " ago)";
            if (dryRun) {
                report.item(Item.builder(ID, TITLE).status(Status.INFO).key(folder.path().toString())
                        .message("would remove " + what).build());
                continue;
            }
            try {
                removeTree(folder.path());
                report.item(Item.builder(ID, TITLE).status(Status.PASS).key(folder.path().toString())
                        .message("removed " + what).build());
            } catch (IOException e) {
                report.item(Item.builder(ID, TITLE).status(Status.FAIL).key(folder.path().toString())
                        .message("could not remove " + what + ": " + e)
                        .remediation("`rm -rf " + folder.path() + "`").build());
            }
        }
        if (kept > 0) {
            report.info("kept " + kept + " work folder(s) of Ascent runs younger than asked or whose cluster is left");
        }
    }

    private record Ours(Path path, RunName run, boolean logs) {
    }

    private List<Ours> list(UserPrincipal me, RunSink report) {
        List<Ours> ours = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(temporary)) {
            for (Path entry : entries) {
                Matcher shape = SHAPE.matcher(entry.getFileName().toString());
                if (!shape.matches()) {
                    continue;
                }
                // Ascent's fixed start, else an earlier version's folder of an ascent- run
                Optional<RunName> run = RunName.parseWorkFolder(shape.group(1)).or(() -> RunName.parse(shape.group(1)));
                if (run.isPresent() && ownFolder(entry, me)) {
                    ours.add(new Ours(entry, run.get(), shape.group(2) != null));
                }
            }
        } catch (IOException | java.nio.file.DirectoryIteratorException e) {
            report.item(Item.builder(ID, TITLE).status(Status.SKIP)
                    .message("work folders were not looked for: cannot list " + temporary + ": " + e.getMessage())
                    .build());
        }
        ours.sort(java.util.Comparator.comparing(Ours::path));
        return ours;
    }

    /** A folder, not a link to one, owned by {@code me}: anyone may name a folder or link in TMP so. */
    private static boolean ownFolder(Path entry, UserPrincipal me) {
        try {
            PosixFileAttributes attributes = Files.readAttributes(entry, PosixFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            return attributes.isDirectory() && me.equals(attributes.owner());
        } catch (IOException | UnsupportedOperationException e) {
            return false; // gone meanwhile, or unreadable: not ours to judge
        }
    }

    private static Optional<UserPrincipal> currentUser() {
        try {
            // user.name is the process's user as the JVM asked the system (getpwuid), not an environment variable.
            return Optional.of(java.nio.file.FileSystems.getDefault().getUserPrincipalLookupService()
                    .lookupPrincipalByName(System.getProperty("user.name")));
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    /** Deletes the tree depth first; links are deleted as links ({@link Files#walkFileTree} follows none). */
    private static void removeTree(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
