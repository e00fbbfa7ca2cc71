package io.ascent.controlplane.provision;

import static io.ascent.controlplane.provision.ProvisionFixtures.describe;
import static io.ascent.controlplane.provision.ProvisionFixtures.namespaceExists;
import static io.ascent.controlplane.provision.ProvisionFixtures.phase;
import static io.ascent.controlplane.provision.ProvisionFixtures.runNamespace;
import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.controlplane.ClusterAccess;
import io.ascent.controlplane.ControlPlaneExtension;
import io.ascent.controlplane.KwokStageLabels;
import io.ascent.core.Ascent;
import io.ascent.core.provision.ProvisionOptions;
import io.ascent.core.report.PhaseRecord;
import io.ascent.core.report.Report;
import io.ascent.core.report.Verdict;
import io.ascent.core.report.Status;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** An aborted build: the provisioning thread is interrupted mid-rollout, or while teardown deletes the namespace. */
@ExtendWith(ControlPlaneExtension.class)
class ProvisionInterruptionTest {

    @TempDir
    Path temp;

    @Test
    void shouldDeleteTheNamespaceAndReportInterruptedWhenTheThreadIsInterruptedMidRollout(ClusterAccess cluster)
            throws Exception {
        // No kwok stage matches this label value: the pod stays Pending for good, with no fatal reason.
        Path app = ProvisionFixtures.application(temp.resolve("stuck"), "stuck",
                ", " + KwokStageLabels.SIMULATE + ": never-ready", "5m");
        ProvisionFixtures.RecordingProgress progress = new ProvisionFixtures.RecordingProgress();
        Interrupted run = interruptWhenProgressShows("deploy: applied Deployment/stuck", progress,
                () -> new Ascent().provision(ProvisionOptions.builder(app).noGit(true)
                        .kubeconfig(cluster.kubeconfig()).workDirectory(temp.resolve("work")).build(), progress));
        Report report = run.report();
        assertThat(report.interrupted()).isTrue();
        assertThat(report.verdict()).isEqualTo(Verdict.INTERRUPTED);
        assertThat(report.phases()).anyMatch(p -> p.name().equals("deploy")
                && p.outcome() == PhaseRecord.Outcome.INTERRUPTED);
        assertThat(report.log()).anyMatch(entry -> entry.message().startsWith("interrupted during deploy"));
        assertThat(report.items()).anyMatch(item -> item.id().equals("provision.phase") && "deploy".equals(item.key())
                && item.message().equals("interrupted during deploy") && item.status() == Status.FAIL);
        assertThat(phase(report, "teardown").status()).as(describe(report)).isEqualTo(Status.PASS);
        assertThat(namespaceExists(cluster, runNamespace(report))).as("namespace deleted").isFalse();
        assertThat(run.flagAfterwards()).as("the interrupt flag is set again for the caller").isTrue();
        assertThat(run.stopping()).as("stopped well before the 5m deadline").isLessThan(Duration.ofSeconds(60));
    }

    @Test
    void shouldSeeTheNamespaceDeletionThroughAndReportInterruptedWhenInterruptedDuringTeardown(ClusterAccess cluster)
            throws Exception {
        Path app = ProvisionFixtures.application(temp.resolve("quick"), "quick", "", "5m");
        ProvisionFixtures.RecordingProgress progress = new ProvisionFixtures.RecordingProgress();
        // the namespace's pods take kwok seconds to delete: the interrupt lands while teardown waits for them
        Interrupted run = interruptWhenProgressShows("start teardown", progress,
                () -> new Ascent().provision(ProvisionOptions.builder(app).noGit(true)
                        .kubeconfig(cluster.kubeconfig()).workDirectory(temp.resolve("work")).build(), progress));

        Report report = run.report();
        String namespace = runNamespace(report);
        assertThat(progress.lines).as("the teardown saw its deletion through")
                .contains("teardown: namespace " + namespace + " deleted");
        assertTearDownFinishedAndInterrupted(report, run, "namespace " + namespace + " deleted");
        assertThat(namespaceExists(cluster, namespace)).as("namespace deleted").isFalse();
    }

    /** What an interrupt during teardown leaves: a finished teardown, a report that says interrupted, the flag. */
    static void assertTearDownFinishedAndInterrupted(Report report, Interrupted run, String released) {
        assertThat(report.verdict()).as(describe(report)).isEqualTo(Verdict.INTERRUPTED);
        assertThat(report.items()).as(describe(report)).anyMatch(item -> item.id().equals("provision.phase")
                && "teardown".equals(item.key()) && item.message().equals("interrupted during teardown"));
        assertThat(report.items()).as(describe(report)).anyMatch(item -> item.id().equals("provision.teardown")
                && item.status() == Status.PASS && item.message().equals(released));
        assertThat(describe(report)).doesNotContain("was interrupted", "may still exist");
        assertThat(run.flagAfterwards()).as("the interrupt flag is set again for the caller").isTrue();
    }

    /** A run's report, whether its thread's interrupt flag was set when it returned, and how long it took to. */
    record Interrupted(Report report, boolean flagAfterwards, Duration stopping) {
    }

    /**
     * Runs {@code provision} on a thread of its own, as a Jenkins build's executor would, interrupts that thread (an
     * aborted build) once {@code progress} shows a line starting with {@code marker}, and waits for it to return.
     */
    static Interrupted interruptWhenProgressShows(String marker, ProvisionFixtures.RecordingProgress progress,
            Supplier<Report> provision) throws InterruptedException {
        AtomicReference<Report> result = new AtomicReference<>();
        AtomicBoolean flagAfterwards = new AtomicBoolean();
        Thread run = new Thread(() -> {
            result.set(provision.get());
            flagAfterwards.set(Thread.currentThread().isInterrupted());
        }, "provision-under-test");
        run.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (progress.snapshot().stream().noneMatch(line -> line.startsWith(marker))) {
            assertThat(System.nanoTime()).as(marker + " not seen; progress: " + progress.lines).isLessThan(deadline);
            assertThat(run.isAlive()).as("still running; progress: " + progress.lines).isTrue();
            TimeUnit.MILLISECONDS.sleep(20);
        }
        long interruptedAt = System.nanoTime();
        run.interrupt();
        run.join(Duration.ofSeconds(150).toMillis());
        assertThat(run.isAlive()).as("the run returned after the interruption; progress: " + progress.lines)
                .isFalse();
        return new Interrupted(result.get(), flagAfterwards.get(), Duration.ofNanos(System.nanoTime() - interruptedAt));
    }
}
