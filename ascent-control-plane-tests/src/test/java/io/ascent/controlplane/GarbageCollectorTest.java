package io.ascent.controlplane;

import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.GcOptions;
import io.ascent.core.progress.ProgressListener;
import io.ascent.core.provision.RunName;
import io.ascent.core.provision.gc.GarbageCollector;
import io.ascent.core.report.Item;
import io.ascent.core.report.Report;
import io.ascent.core.report.Status;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code ascent gc} deletes only what is Ascent's and older than asked: namespaces on the control plane, kind clusters of the fake kind. */
@ExtendWith(ControlPlaneExtension.class)
class GarbageCollectorTest {

    @TempDir
    Path work;

    private FakeKind kind;
    private CoreV1Api core;
    private final List<String> created = new java.util.ArrayList<>();

    @AfterEach
    void cleanUp() throws Exception {
        if (kind != null) {
            kind.stopAll();
        }
        for (String name : created) {
            try {
                core.deleteNamespace(name).execute();
            } catch (ApiException e) {
                // already gone: what the test wanted
            }
        }
    }

    private Instant namespace(String name, Map<String, String> labels) throws ApiException {
        created.add(name);
        V1Namespace made = core.createNamespace(new V1Namespace().metadata(new V1ObjectMeta().name(name).labels(labels)))
                .execute();
        return made.getMetadata().getCreationTimestamp().toInstant();
    }

    private boolean live(String name) throws ApiException {
        try {
            V1Namespace namespace = core.readNamespace(name).execute();
            return namespace.getMetadata().getDeletionTimestamp() == null;
        } catch (ApiException e) {
            if (e.getCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    @Test
    void shouldDeleteOnlyAscentNamespacesOlderThanAsked(ClusterAccess cluster, ControlPlaneBinaries binaries)
            throws Exception {
        core = new CoreV1Api(cluster.client());
        kind = new FakeKind(binaries, "gc-ns-" + System.nanoTime());
        String suffix = Long.toString(System.nanoTime() % 100000);
        RunName oldRun = RunName.next(Clock.systemUTC());
        namespace("old-" + suffix, oldRun.labels());
        // the checklist's namespacePrefix: still Ascent's, by its two labels
        RunName oldPrefixed = RunName.next(Clock.systemUTC(), "team-a");
        namespace("old-prefixed-" + suffix, oldPrefixed.labels());
        namespace("not-ours-" + suffix, Map.of());
        namespace("foreign-label-" + suffix, Map.of(RunName.RUN_LABEL, "my-own-run"));
        Thread.sleep(2100);
        Instant young = namespace("young-" + suffix, RunName.next(Clock.systemUTC()).labels());
        // "now" is an hour after the young one: older than 1h plus 1s means created before young - 1 s
        Clock clock = Clock.fixed(young.plus(Duration.ofHours(1)), ZoneOffset.UTC);
        GarbageCollector gc = new GarbageCollector(clock, kind.runner(), kind.executable.toString(), work);
        GcOptions options = new GcOptions(Duration.ofHours(1).plusSeconds(1), true, Optional.of(cluster.kubeconfig()),
                Optional.empty());

        Report dryRun = gc.run(options, ProgressListener.SILENT);

        assertThat(dryRun.items()).filteredOn(i -> i.message().contains(suffix)).extracting(Item::status, Item::key)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(Status.INFO, "old-" + suffix),
                        org.assertj.core.groups.Tuple.tuple(Status.INFO, "old-prefixed-" + suffix));
        assertThat(live("old-" + suffix)).isTrue();

        Report collected = gc.run(new GcOptions(options.olderThan(), false, options.kubeconfig(), Optional.empty()),
                ProgressListener.SILENT);

        assertThat(collected.items()).filteredOn(i -> i.message().contains(suffix)).hasSize(2)
                .allSatisfy(item -> assertThat(item.status()).isEqualTo(Status.PASS))
                .anySatisfy(item -> assertThat(item.message())
                        .startsWith("deleted namespace old-" + suffix + " (run " + oldRun + ","))
                .anySatisfy(item -> assertThat(item.message())
                        .startsWith("deleted namespace old-prefixed-" + suffix + " (run " + oldPrefixed + ","));
        assertThat(live("old-" + suffix)).isFalse();
        assertThat(live("old-prefixed-" + suffix)).isFalse();
        assertThat(live("young-" + suffix)).isTrue();
        assertThat(live("not-ours-" + suffix)).isTrue();
        assertThat(live("foreign-label-" + suffix)).isTrue();
    }

    @Test
    void shouldRecogniseTheNamespaceTheExistingDriverCreatedByConstruction(ClusterAccess cluster,
            ControlPlaneBinaries binaries) throws Exception {
        core = new CoreV1Api(cluster.client());
        kind = new FakeKind(binaries, "gc-existing-" + System.nanoTime());
        RunName run = RunName.next(Clock.systemUTC(), "team-a-");
        io.ascent.core.provision.existing.ExistingClusterDriver driver =
                new io.ascent.core.provision.existing.ExistingClusterDriver(
                        new io.ascent.core.provision.kube.KubeConnections(System.getenv()));
        io.ascent.core.provision.ProvisionedCluster made = driver.create(new io.ascent.core.provision.ClusterRequest(
                run.value(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(cluster.kubeconfig()),
                Optional.empty(), work.resolve("run"), Duration.ofMinutes(1), run.labels()), ProgressListener.SILENT);
        created.add(made.namespace());
        Clock later = Clock.fixed(Instant.now().plus(Duration.ofHours(3)), ZoneOffset.UTC);

        Report dryRun = new GarbageCollector(later, kind.runner(), kind.executable.toString(), work).run(new GcOptions(
                Duration.ofHours(2), true, Optional.of(cluster.kubeconfig()), Optional.empty()), ProgressListener.SILENT);

        assertThat(made.namespace()).isEqualTo(run.value());
        assertThat(dryRun.items()).filteredOn(i -> run.value().equals(i.key())).singleElement()
                .satisfies(item -> assertThat(item.status()).as(item.message()).isEqualTo(Status.INFO));
        driver.delete(made, ProgressListener.SILENT);
    }

    @Test
    void shouldDeleteOnlyAscentKindClustersOlderThanAsked(ClusterAccess cluster, ControlPlaneBinaries binaries)
            throws Exception {
        core = new CoreV1Api(cluster.client());
        kind = new FakeKind(binaries, "gc-kind-" + System.nanoTime());
        kind.env.put("FAKE_KIND_SHARED_KUBECONFIG", cluster.kubeconfig().toString());
        String old = "ascent-20261129-220000-abc123";
        String young = "ascent-20261130-013000-def456";
        for (String name : List.of(old, young, "ascent-dev", "my-cluster")) {
            assertThat(kind.runner().run(List.of(kind.executable.toString(), "create", "cluster", "--name", name,
                    "--kubeconfig", work.resolve(name).toString()), Duration.ofMinutes(1)).succeeded()).isTrue();
        }
        Clock clock = Clock.fixed(Instant.parse("2026-11-30T02:00:00Z"), ZoneOffset.UTC);
        GarbageCollector gc = new GarbageCollector(clock, kind.runner(), kind.executable.toString(), work);

        Report report = gc.run(new GcOptions(Duration.ofHours(2), false, Optional.empty(), Optional.empty()),
                ProgressListener.SILENT);

        assertThat(report.items()).extracting(Item::status, Item::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Status.PASS, "deleted kind cluster " + old + " (created 4h0m ago)"));
        assertThat(kind.clusters()).containsExactlyInAnyOrder(young, "ascent-dev", "my-cluster");
        assertThat(report.log()).anySatisfy(entry -> assertThat(entry.message())
                .isEqualTo("kept 1 Ascent kind cluster(s) younger than asked"));
    }
}
