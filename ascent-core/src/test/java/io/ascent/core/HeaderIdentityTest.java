package io.ascent.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.progress.ProgressListener;
import io.ascent.core.report.Report;
import io.ascent.core.report.ReportHeader;
import io.ascent.core.repo.RepositoryIdentity;
import io.ascent.core.run.RunRecorder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.StoredConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report header's repository and commit are read on a thread of their own while the run reads its checklist,
 * and every report still names them: also a run cancelled while the read was still going.
 */
class HeaderIdentityTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T10:00:00Z"), ZoneOffset.UTC);
    private static final String CHECKLIST = """
            apiVersion: ascent.dev/v1
            kind: Checklist
            metadata:
              name: app
            """;

    @TempDir
    Path dir;

    @Test
    void shouldNameTheOriginAndTheCommitAtHeadInTheHeader() throws Exception {
        String commit;
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            Files.writeString(dir.resolve("ascent.yaml"), CHECKLIST);
            git.add().addFilepattern("ascent.yaml").call();
            commit = git.commit().setMessage("first").setSign(false).setAuthor("a", "a@example.com")
                    .setCommitter("a", "a@example.com").call().name();
            StoredConfig config = git.getRepository().getConfig();
            config.setString("remote", "origin", "url", "https://bot:ghp_secret@example.com/team/app.git");
            config.save();
        }

        Report report = new Ascent(CLOCK, List.of()).validate(ValidateOptions.of(dir), ProgressListener.SILENT);

        assertThat(report.header().repository()).isEqualTo("https://***@example.com/team/app.git");
        assertThat(report.header().commit()).isEqualTo(commit);
        Report noGit = new Ascent(CLOCK, List.of()).validate(ValidateOptions.builder(dir).noGit(true).build(),
                ProgressListener.SILENT);
        assertThat(noGit.header().repository()).isEqualTo(dir.getFileName().toString());
        assertThat(noGit.header().commit()).isNull();
    }

    @Test
    void shouldReadOnAnotherThreadAndWaitForItThroughAnInterrupt() throws Exception {
        Thread caller = Thread.currentThread();
        AtomicReference<Thread> readOn = new AtomicReference<>();
        CountDownLatch release = new CountDownLatch(1);
        HeaderIdentity identity = HeaderIdentity.start(ValidateOptions.of(dir), dir, path -> {
            readOn.set(Thread.currentThread());
            try {
                release.await(); // held until the caller waits for it
            } catch (InterruptedException e) {
                return Optional.empty();
            }
            return Optional.of(new RepositoryIdentity("team/app", "0123456789abcdef0123456789abcdef01234567"));
        });
        // Released once the caller waits: a wait an interrupt cuts short never gets here, and the header stays empty.
        Thread releaser = new Thread(() -> {
            while (caller.getState() != Thread.State.WAITING) {
                Thread.onSpinWait();
            }
            release.countDown();
        });
        releaser.setDaemon(true);
        releaser.start();
        RunRecorder run = new RunRecorder("app", ProgressListener.SILENT, CLOCK);

        caller.interrupt(); // the run was cancelled while the header was being read
        try {
            identity.applyTo(run);
            assertThat(Thread.currentThread().isInterrupted()).as("the interrupt is kept").isTrue();
        } finally {
            Thread.interrupted();
            release.countDown();
        }

        assertThat(readOn.get()).isNotNull().isNotSameAs(caller);
        assertThat(run.report().header())
                .isEqualTo(new ReportHeader("team/app", "0123456789abcdef0123456789abcdef01234567", null));
    }
}
