package io.ascent.core.provision.gc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.ascent.core.GcOptions;
import io.ascent.core.progress.ProgressListener;
import io.ascent.core.provision.command.CommandResult;
import io.ascent.core.provision.RunName;
import io.ascent.core.provision.command.CommandRunner;
import io.ascent.core.report.Item;
import io.ascent.core.report.Report;
import io.ascent.core.report.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code ascent gc} says about kind clusters when it cannot look for them, and which folders of the temporary
 * folder it removes; no kind or cluster needed.
 */
class GarbageCollectorTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC);
    private static final GcOptions COLLECT = new GcOptions(Duration.ofHours(2), false, Optional.empty(),
            Optional.empty());
    private static final CommandRunner NO_CLUSTERS = (argv, environment, timeout) ->
            CommandResult.exited(argv, 0, "", "");

    @TempDir
    Path temporary;
    @TempDir
    Path elsewhere;

    @Test
    void shouldSkipKindClustersWithTheReasonWhenKindIsNotInstalled() {
        CommandRunner noKind = (argv, environment, timeout) -> CommandResult.notInstalled(argv);

        Report report = new GarbageCollector(CLOCK, noKind, "/opt/kind/bin/kind", temporary).run(
                new GcOptions(Duration.ofHours(2), false, Optional.empty(), Optional.empty()), ProgressListener.SILENT);

        assertThat(report.items()).singleElement().satisfies(item -> {
            assertThat(item.id()).isEqualTo(GarbageCollector.CLUSTER_ID);
            assertThat(item.status()).isEqualTo(Status.SKIP);
            assertThat(item.message()).isEqualTo("'/opt/kind/bin/kind' is not installed: kind clusters were not "
                    + "looked for");
            assertThat(item.remediation()).contains("ASCENT_KIND");
        });
    }

    @Test
    void shouldReportNothingWhenKindListsNoClusterOfAscent() {
        CommandRunner kind = (argv, environment, timeout) -> CommandResult.exited(argv, 0, "team-cluster\n", "");

        Report report = new GarbageCollector(CLOCK, kind, "kind", temporary).run(
                new GcOptions(Duration.ofHours(2), false, Optional.empty(), Optional.empty()), ProgressListener.SILENT);

        assertThat(report.items()).extracting(Item::status).doesNotContain(Status.SKIP, Status.FAIL);
    }

    @Test
    void shouldRemoveOnlyTheOldWorkFoldersAndKindLogsOfAscentRunsOwnedByTheUser() throws IOException {
        Path old = folderWithKubeconfig("ascent-20261130-090000-k3f9qz-4821093349");
        Path logs = folderWithKubeconfig("ascent-20261130-090000-k3f9qz-4821093349-kind-logs");
        Path outside = Files.writeString(elsewhere.resolve("precious"), "not Ascent's\n");
        Files.createSymbolicLink(old.resolve("link-out"), outside); // removed as a link, never followed
        List<Path> kept = List.of(
                folderWithKubeconfig("ascent-20261130-110000-abcdef-17"), // younger than two hours
                folderWithKubeconfig("ascent-dev-17"), // a person's name, not a run's
                folderWithKubeconfig("ascent-provision-17"),
                folderWithKubeconfig("ascent-20261130-090000-k3f9qz"), // not made by createTempDirectory
                folderWithKubeconfig("ascent-20261130-090000-k3f9qz-17-notes"),
                folderWithKubeconfig("team-a-20261130-090000-k3f9qz-17"), // not recognisably Ascent's in TMP
                Files.writeString(temporary.resolve("ascent-20261130-090000-aaaaaa-17"), "a file\n"),
                Files.createSymbolicLink(temporary.resolve("ascent-20261130-090000-bbbbbb-17"), elsewhere));

        Report report = new GarbageCollector(CLOCK, NO_CLUSTERS, "kind", temporary).run(COLLECT,
                ProgressListener.SILENT);

        assertThat(old).doesNotExist();
        assertThat(logs).doesNotExist();
        assertThat(kept).allSatisfy(path -> assertThat(path).exists());
        assertThat(outside).hasContent("not Ascent's");
        assertRemovedThreeHoursOld(report, old, logs, "ascent-20261130-090000-k3f9qz");
    }

    @Test
    void shouldRemoveTheOldWorkFolderOfARunWithANamespacePrefixAndNoLookAlike() throws IOException {
        Path old = folderWithKubeconfig("ascent-work.hello-web-20261130-090000-k3f9qz-4821093349");
        Path logs = folderWithKubeconfig("ascent-work.hello-web-20261130-090000-k3f9qz-4821093349-kind-logs");
        Path target = Files.createDirectory(elsewhere.resolve("target"));
        Path precious = Files.writeString(target.resolve("precious"), "not Ascent's\n");
        List<Path> kept = List.of(
                folderWithKubeconfig("ascent-work.hello-web-20261130-110000-abcdef-17"), // younger than two hours
                folderWithKubeconfig("hello-web-20261130-090000-k3f9qz-17"), // no mark: could be anyone's
                folderWithKubeconfig("ascent-work-hello-web-20261130-090000-k3f9qz-17"), // not the mark
                folderWithKubeconfig("ascent-work.hello-web-17"), // the mark, but no run's name after it
                folderWithKubeconfig("ascent-work.Hello-20261130-090000-k3f9qz-17"), // no DNS label
                folderWithKubeconfig("ascent-work.hello-web-20261130-090000-k3f9qz"), // not made by createTempDirectory
                Files.writeString(temporary.resolve("ascent-work.team-20261130-090000-aaaaaa-17"), "a file\n"),
                Files.createSymbolicLink(temporary.resolve("ascent-work.team-20261130-090000-bbbbbb-17"), target));

        Report report = new GarbageCollector(CLOCK, NO_CLUSTERS, "kind", temporary).run(COLLECT,
                ProgressListener.SILENT);

        assertThat(old).doesNotExist();
        assertThat(logs).doesNotExist();
        assertThat(kept).allSatisfy(path -> assertThat(path).exists());
        assertThat(precious).as("a link to a folder is never followed").hasContent("not Ascent's\n");
        assertRemovedThreeHoursOld(report, old, logs, "hello-web-20261130-090000-k3f9qz");
    }

    @Test
    void shouldRecogniseTheWorkFolderAProvisionMakesWhateverItsPrefix() throws IOException {
        Clock started = Clock.fixed(Instant.parse("2026-11-30T09:00:00Z"), ZoneOffset.UTC);
        Path prefixed = Files.createTempDirectory(temporary, RunName.next(started, "team-a-").workFolderPrefix());
        Path plain = Files.createTempDirectory(temporary, RunName.next(started).workFolderPrefix());

        new GarbageCollector(CLOCK, NO_CLUSTERS, "kind", temporary).run(COLLECT, ProgressListener.SILENT);

        assertThat(prefixed).doesNotExist();
        assertThat(plain).doesNotExist();
    }

    @Test
    void shouldListWithoutRemovingOnADryRun() throws IOException {
        Path old = folderWithKubeconfig("ascent-20261130-090000-k3f9qz-4821093349");

        Report report = new GarbageCollector(CLOCK, NO_CLUSTERS, "kind", temporary).run(
                new GcOptions(Duration.ofHours(2), true, Optional.empty(), Optional.empty()), ProgressListener.SILENT);

        assertThat(old.resolve("kubeconfig")).exists();
        assertThat(report.items()).filteredOn(i -> i.id().equals(WorkFolders.ID)).singleElement()
                .satisfies(item -> {
                    assertThat(item.status()).isEqualTo(Status.INFO);
                    assertThat(item.message()).startsWith("would remove work folder " + old);
                });
    }

    @Test
    void shouldLeaveAnotherUsersFoldersAlone() throws IOException {
        Path old = folderWithKubeconfig("ascent-20261130-090000-k3f9qz-4821093349");
        UserPrincipal me = Files.getOwner(old);
        // A uid no file here has: the lookup takes a number where no account has the name.
        UserPrincipal someoneElse = temporary.getFileSystem().getUserPrincipalLookupService()
                .lookupPrincipalByName(me.getName().equals("65533") ? "65532" : "65533");
        assertThat(someoneElse).isNotEqualTo(me);

        Report report = new GarbageCollector(CLOCK, NO_CLUSTERS, "kind",
                new WorkFolders(temporary, Optional.of(someoneElse)), System.getenv()).run(COLLECT, ProgressListener.SILENT);

        assertThat(old.resolve("kubeconfig")).exists();
        assertThat(report.items()).noneMatch(i -> i.id().equals(WorkFolders.ID));
    }

    @Test
    void shouldKeepTheWorkFolderOfAClusterThatCouldNotBeDeleted() throws IOException {
        Path old = folderWithKubeconfig("ascent-20261130-090000-k3f9qz-4821093349");
        CommandRunner stuck = (argv, environment, timeout) -> argv.contains("get")
                ? CommandResult.exited(argv, 0, "ascent-20261130-090000-k3f9qz\n", "")
                : CommandResult.exited(argv, 1, "", "ERROR: failed to delete cluster");

        Report report = new GarbageCollector(CLOCK, stuck, "kind", temporary).run(COLLECT, ProgressListener.SILENT);

        assertThat(old.resolve("kubeconfig")).as("the kubeconfig that reaches the cluster left").exists();
        assertThat(report.items()).extracting(Item::id).containsExactly(GarbageCollector.CLUSTER_ID);
    }

    /** The report's work-folder items: the removal of {@code work} and then of {@code logs}, both of {@code run}. */
    private static void assertRemovedThreeHoursOld(Report report, Path work, Path logs, String run) {
        assertThat(report.items()).filteredOn(i -> i.id().equals(WorkFolders.ID))
                .extracting(Item::status, Item::message)
                .containsExactly(
                        tuple(Status.PASS, "removed work folder " + work + " (run " + run + ", created 3h0m ago)"),
                        tuple(Status.PASS, "removed kind's exported logs " + logs + " (run " + run
                                + ", created 3h0m ago)"));
    }

    private Path folderWithKubeconfig(String name) throws IOException {
        Path folder = Files.createDirectory(temporary.resolve(name));
        Files.writeString(folder.resolve("kubeconfig"), "apiVersion: v1\n");
        return folder;
    }
}
