package io.ascent.core.provision.kind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ascent.core.progress.ProgressListener;
import io.ascent.core.provision.ClusterRequest;
import io.ascent.core.provision.KindConfigFile;
import io.ascent.core.provision.ProvisionException;
import io.ascent.core.provision.command.CommandResult;
import io.ascent.core.report.Item;
import io.ascent.core.report.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kind driver's side of the host policy: {@code checkRequest} returns its items, the dry-run plan shows what
 * Ascent changed, and {@code create} never runs kind with a refused configuration.
 */
class KindDriverRequestTest {

    private static final String IMAGE =
            "kindest/node:v1.31.14@sha256:6f86cf509dbb42767b6e79debc3f2c32e4ee01386f0489b3b2be24b0a55aac2b";

    @TempDir
    Path repo;

    private final List<List<String>> commands = new ArrayList<>();
    private final KindDriver driver = new KindDriver((argv, environment, timeout) -> {
        commands.add(argv);
        return new CommandResult(argv, 0, "kind v0.31.0 go1.25.5 linux/amd64", "", false, false);
    }, "kind", KindNodeImages.builtIn(), java.util.Map.of());

    private ClusterRequest request(String nodes) throws Exception {
        Path file = Files.writeString(repo.resolve("kind.yaml"), "apiVersion: kind.x-k8s.io/v1alpha4\n"
                + "kind: Cluster\nnodes:\n  - role: control-plane\n" + nodes);
        return new ClusterRequest("ascent-20261130-010203-abcdef", Optional.of("1.31"), Optional.of(IMAGE),
                Optional.of(new KindConfigFile(file, "kind.yaml", repo, repo)), Optional.empty(), Optional.empty(),
                repo.resolve("work"), Duration.ofMinutes(5), Map.of());
    }

    @Test
    void shouldReturnThePolicysItemsAndShowWhatAscentWroteInThePlan() throws Exception {
        ClusterRequest request = request("    extraPortMappings:\n      - containerPort: 80\n        hostPort: 80\n");

        List<Item> items = driver.checkRequest(request);
        List<String> plan = driver.plan(request);

        assertThat(items).singleElement().satisfies(item -> {
            assertThat(item.status()).isEqualTo(Status.WARN);
            assertThat(item.location()).hasToString("kind.yaml:7:19");
        });
        assertThat(plan).contains("  |       - listenAddress: 127.0.0.1", "  changed by Ascent's host policy: "
                + "kind.yaml:6:9: nodes[0].extraPortMappings[0]: listenAddress 127.0.0.1 written by Ascent (kind "
                + "would publish the port on every interface of the build agent)");
        assertThat(commands).as("judging and planning run nothing").isEmpty();
    }

    @Test
    void shouldNeverRunKindWithARefusedConfiguration() throws Exception {
        ClusterRequest request = request("    extraMounts:\n      - containerPath: /host\n        hostPath: /\n");

        assertThat(driver.checkRequest(request)).extracting(Item::status).containsExactly(Status.ERROR);
        assertThat(driver.plan(request)).anyMatch(line -> line.startsWith("  (not written: kind.yaml:7:19: "
                + "nodes[0].extraMounts[0].hostPath '/' is outside the repository"));
        assertThatThrownBy(() -> driver.create(request, ProgressListener.SILENT))
                .isInstanceOf(ProvisionException.class).hasMessageStartingWith("kind.yaml:7:19: ");
        assertThat(commands).noneMatch(argv -> argv.contains("create"));
        assertThat(repo.resolve("work/kind-config.yaml")).doesNotExist();
    }
}
