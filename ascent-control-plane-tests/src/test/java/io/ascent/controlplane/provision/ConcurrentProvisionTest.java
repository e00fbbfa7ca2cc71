package io.ascent.controlplane.provision;

import static io.ascent.controlplane.provision.ProvisionFixtures.describe;
import static io.ascent.controlplane.provision.ProvisionFixtures.items;
import static io.ascent.controlplane.provision.ProvisionFixtures.namespaceExists;
import static io.ascent.controlplane.provision.ProvisionFixtures.runNamespace;
import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.controlplane.ClusterAccess;
import io.ascent.controlplane.ControlPlaneExtension;
import io.ascent.core.Ascent;
import io.ascent.core.provision.ProvisionOptions;
import io.ascent.core.report.Item;
import io.ascent.core.report.Report;
import io.ascent.core.report.Verdict;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Parallel Jenkins builds against one shared cluster: eight {@code existing} runs at the same time. */
@ExtendWith(ControlPlaneExtension.class)
class ConcurrentProvisionTest {

    private static final int RUNS = 8;

    @TempDir
    Path temp;

    @Test
    void shouldGiveEightSimultaneousRunsTheirOwnNamespacesAndCleanAllUp(ClusterAccess cluster) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(RUNS);
        List<Future<Report>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < RUNS; i++) {
                Path app = ProvisionFixtures.helloWebWithoutHttpTests(temp.resolve("app-" + i));
                Path work = temp.resolve("work-" + i);
                futures.add(pool.submit(() -> new Ascent().provision(ProvisionOptions.builder(app).driver("existing")
                        .noGit(true).kubeconfig(cluster.kubeconfig()).workDirectory(work).build(),
                        new ProvisionFixtures.RecordingProgress())));
            }
            Set<String> namespaces = new HashSet<>();
            for (Future<Report> future : futures) {
                Report report = future.get(5, TimeUnit.MINUTES);
                assertThat(report.verdict()).as(describe(report)).isEqualTo(Verdict.PASSED);
                String namespace = runNamespace(report);
                namespaces.add(namespace);
                // Every object of a run was applied into its own namespace and judged there.
                assertThat(report.items()).filteredOn(item -> item.id().equals("provision.rollout"))
                        .extracting(Item::message)
                        .containsExactly("Deployment/hello-web: successfully rolled out (2 of 2 replicas available)");
                assertThat(items(report, "provision.test")).singleElement()
                        .satisfies(test -> assertThat(test.message()).contains("complete: 1 pod succeeded"));
            }
            assertThat(namespaces).hasSize(RUNS);
            for (String namespace : namespaces) {
                assertThat(namespaceExists(cluster, namespace)).as(namespace + " deleted").isFalse();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
