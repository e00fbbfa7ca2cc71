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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** An aborted build: the provisioning thread is interrupted mid-rollout. */
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
        AtomicReference<Report> result = new AtomicReference<>();
        AtomicBoolean flagAfterwards = new AtomicBoolean();
        Thread run = new Thread(() -> {
            result.set(new Ascent().provision(ProvisionOptions.builder(app).noGit(true)
                    .kubeconfig(cluster.kubeconfig()).workDirectory(temp.resolve("work")).build(), progress));
            flagAfterwards.set(Thread.currentThread().isInterrupted());
        }, "provision-under-test");
        run.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (progress.lines.stream().noneMatch(line -> line.startsWith("deploy: applied Deployment/stuck"))) {
            assertThat(System.nanoTime()).as("the rollout starts; progress: " + progress.lines).isLessThan(deadline);
            assertThat(run.isAlive()).as("still running; progress: " + progress.lines).isTrue();
            TimeUnit.MILLISECONDS.sleep(50);
        }
        long interruptedAt = System.nanoTime();
        run.interrupt();
        run.join(Duration.ofSeconds(90).toMillis());

        assertThat(run.isAlive()).as("the run returned after the interruption").isFalse();
        Duration stopping = Duration.ofNanos(System.nanoTime() - interruptedAt);
        Report report = result.get();
        assertThat(report.interrupted()).isTrue();
        assertThat(report.verdict()).isEqualTo(Verdict.INTERRUPTED);
        assertThat(report.phases()).anyMatch(p -> p.name().equals("deploy")
                && p.outcome() == PhaseRecord.Outcome.INTERRUPTED);
        assertThat(report.log()).anyMatch(entry -> entry.message().startsWith("interrupted during deploy"));
        assertThat(report.items()).anyMatch(item -> item.id().equals("provision.phase") && "deploy".equals(item.key())
                && item.message().equals("interrupted during deploy") && item.status() == Status.FAIL);
        assertThat(phase(report, "teardown").status()).as(describe(report)).isEqualTo(Status.PASS);
        assertThat(namespaceExists(cluster, runNamespace(report))).as("namespace deleted").isFalse();
        assertThat(flagAfterwards.get()).as("the interrupt flag is set again for the caller").isTrue();
        assertThat(stopping).as("stopped well before the 5m deadline").isLessThan(Duration.ofSeconds(60));
    }
}
