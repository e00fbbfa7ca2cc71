package io.ascent.controlplane;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Node;
import io.kubernetes.client.openapi.models.V1NodeCondition;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Registers the Nodes kwok pretends to be the kubelet of, and waits until kwok
 * has reported them Ready: only then can the scheduler place pods.
 */
final class FakeNodes {

    static final String NAME_PREFIX = "ascent-fake-node-";

    private FakeNodes() {
    }

    static void createReady(ApiClient client, int count, Duration timeout, List<ComponentProcess> components)
            throws IOException, InterruptedException {
        CoreV1Api core = new CoreV1Api(client);
        try {
            for (int i = 0; i < count; i++) {
                String name = NAME_PREFIX + i;
                core.createNode(new V1Node().metadata(new V1ObjectMeta()
                                .name(name)
                                .labels(Map.of(
                                        ControlPlane.FAKE_NODE_LABEL, ControlPlane.FAKE_NODE_LABEL_VALUE,
                                        "kubernetes.io/hostname", name,
                                        "kubernetes.io/os", "linux",
                                        "kubernetes.io/arch", "amd64"))
                                .annotations(Map.of("kwok.x-k8s.io/node", "fake"))))
                        .execute();
            }
            Instant deadline = Instant.now().plus(timeout);
            while (readyCount(core) < count) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IOException(count + " fake nodes were not Ready within " + timeout
                            + "; see the kwok log");
                }
                for (ComponentProcess component : components) {
                    component.requireAlive();
                }
                Thread.sleep(200);
            }
        } catch (ApiException e) {
            throw new IOException("could not register fake nodes: " + e.getCode() + " " + e.getResponseBody(), e);
        }
    }

    private static long readyCount(CoreV1Api core) throws ApiException {
        return core.listNode()
                .labelSelector(ControlPlane.FAKE_NODE_LABEL + "=" + ControlPlane.FAKE_NODE_LABEL_VALUE)
                .execute()
                .getItems().stream()
                .filter(FakeNodes::isReady)
                .count();
    }

    private static boolean isReady(V1Node node) {
        if (node.getStatus() == null || node.getStatus().getConditions() == null) {
            return false;
        }
        for (V1NodeCondition condition : node.getStatus().getConditions()) {
            if ("Ready".equals(condition.getType()) && "True".equals(condition.getStatus())) {
                return true;
            }
        }
        return false;
    }
}
