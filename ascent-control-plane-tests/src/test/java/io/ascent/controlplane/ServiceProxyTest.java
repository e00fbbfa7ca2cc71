package io.ascent.controlplane;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.apis.DiscoveryV1Api;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1EndpointSlice;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServicePort;
import io.kubernetes.client.openapi.models.V1ServiceSpec;
import io.kubernetes.client.custom.IntOrString;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The API server's service proxy reaching an application. The proxy refuses
 * loopback targets, so the stand-in application listens in a network namespace
 * at {@link NetworkNamespace#NAMESPACE_ADDRESS}, and kwok publishes that address
 * as the pod's IP through the {@link KwokStageLabels#POD_IP} annotation.
 */
@ExtendWith(ControlPlaneExtension.class)
class ServiceProxyTest {

    private static final int APPLICATION_PORT = 8080;

    @Test
    void shouldReachApplicationThroughApiServerServiceProxy(ClusterAccess cluster) throws Exception {
        requireNetworkNamespaces();
        String greeting = "stand-in-" + UUID.randomUUID();
        Path work = Path.of(System.getProperty(HarnessLocations.WORK_PROPERTY, "target/control-plane"));
        NetworkNamespace network = NetworkNamespace.create();
        Process application = null;
        try {
            application = network.exec(List.of(javaExecutable(), "-cp", testClassesDirectory(),
                            ApplicationStandIn.class.getName(), NetworkNamespace.NAMESPACE_ADDRESS,
                            Integer.toString(APPLICATION_PORT), greeting),
                    work.resolve("logs-application-stand-in.log").toAbsolutePath());
            awaitListening(application);
            publishApplication(cluster);

            String path = "/api/v1/namespaces/" + cluster.namespace() + "/services/stand-in:80/proxy/greeting";
            Request request = new Request.Builder().url(cluster.client().getBasePath() + path).get().build();
            try (Response response = cluster.client().getHttpClient().newCall(request).execute()) {
                assertThat(response.code()).isEqualTo(200);
                assertThat(response.body().string()).isEqualTo(greeting + " /greeting");
            }
        } finally {
            if (application != null) {
                application.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            network.close();
        }
        assertThat(network.exists()).as("network namespace removed").isFalse();
        assertThat(network.hostInterfaceExists()).as("host end of the veth pair removed").isFalse();
        assertThat(application.isAlive()).as("stand-in application stopped").isFalse();
    }

    private static void publishApplication(ClusterAccess cluster) throws Exception {
        CoreV1Api core = new CoreV1Api(cluster.client());
        String namespace = cluster.namespace();
        core.createNamespacedPod(namespace, new V1Pod()
                .metadata(new V1ObjectMeta().name("stand-in")
                        .labels(Map.of("app", "stand-in"))
                        .annotations(Map.of(KwokStageLabels.POD_IP, NetworkNamespace.NAMESPACE_ADDRESS)))
                .spec(new V1PodSpec()
                        // client-java sends its empty default map, which admission refuses
                        // (kubernetes-client/java#3076).
                        .overhead(null)
                        .containers(List.of(new V1Container().name("app")
                        .image("registry.invalid/app:1")
                        .ports(List.of(new V1ContainerPort().name("http").containerPort(APPLICATION_PORT)))))))
                .execute();
        core.createNamespacedService(namespace, new V1Service()
                .metadata(new V1ObjectMeta().name("stand-in"))
                .spec(new V1ServiceSpec().selector(Map.of("app", "stand-in"))
                        .ports(List.of(new V1ServicePort().name("http").port(80)
                                .targetPort(new IntOrString("http"))))))
                .execute();
        DiscoveryV1Api discovery = new DiscoveryV1Api(cluster.client());
        Eventually.await("an EndpointSlice of stand-in with ready endpoint " + NetworkNamespace.NAMESPACE_ADDRESS,
                Duration.ofSeconds(60),
                () -> discovery.listNamespacedEndpointSlice(namespace)
                        .labelSelector("kubernetes.io/service-name=stand-in").execute().getItems(),
                slices -> slices.stream().anyMatch(ServiceProxyTest::hasReadyApplicationEndpoint));
    }

    private static boolean hasReadyApplicationEndpoint(V1EndpointSlice slice) {
        return slice.getEndpoints() != null && slice.getEndpoints().stream().anyMatch(endpoint ->
                endpoint.getAddresses().contains(NetworkNamespace.NAMESPACE_ADDRESS)
                        && endpoint.getConditions() != null
                        && Boolean.TRUE.equals(endpoint.getConditions().getReady()))
                && slice.getPorts() != null && slice.getPorts().stream()
                .anyMatch(port -> Integer.valueOf(APPLICATION_PORT).equals(port.getPort()));
    }

    /** Polls from the host end of the veth pair until the stand-in accepts connections. */
    private static void awaitListening(Process application) throws Exception {
        Eventually.await("stand-in application listening on " + NetworkNamespace.NAMESPACE_ADDRESS, Duration.ofSeconds(30),
                () -> {
                    if (!application.isAlive()) {
                        throw new IllegalStateException("stand-in application exited " + application.exitValue());
                    }
                    try (Socket socket = new Socket()) {
                        socket.connect(new InetSocketAddress(NetworkNamespace.NAMESPACE_ADDRESS, APPLICATION_PORT), 500);
                        return true;
                    } catch (IOException e) {
                        return false;
                    }
                },
                listening -> listening);
    }

    private static void requireNetworkNamespaces() {
        Optional<String> reason = NetworkNamespace.unavailableReason();
        if (reason.isPresent()) {
            String message = "The service proxy test needs a network namespace: " + reason.get();
            if (ControlPlaneRequirement.isRequired()) {
                throw new IllegalStateException(message);
            }
            Assumptions.abort(message);
        }
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static String testClassesDirectory() throws Exception {
        return Path.of(ApplicationStandIn.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
