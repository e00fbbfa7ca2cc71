package io.ascent.controlplane.provision;

import static io.ascent.controlplane.provision.ProvisionFixtures.describe;
import static io.ascent.controlplane.provision.ProvisionFixtures.items;
import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.controlplane.ApplicationStandIn;
import io.ascent.controlplane.ClusterAccess;
import io.ascent.controlplane.ControlPlaneExtension;
import io.ascent.controlplane.ControlPlaneRequirement;
import io.ascent.controlplane.KwokStageLabels;
import io.ascent.controlplane.NetworkNamespace;
import io.ascent.core.Ascent;
import io.ascent.core.provision.ProvisionOptions;
import io.ascent.core.report.Item;
import io.ascent.core.report.Report;
import io.ascent.core.report.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * An {@code http} smoke test end to end: the API server's service proxy reaches a stand-in application in a network
 * namespace, whose address kwok publishes as the pod's IP (the pattern of {@code ServiceProxyTest}).
 */
@ExtendWith(ControlPlaneExtension.class)
class HttpSmokeTestTest {

    @TempDir
    Path temp;

    @Test
    void shouldPassAnHttpTestThroughTheServiceProxyAndFailOneWithTheWrongBody(ClusterAccess cluster) throws Exception {
        Optional<String> reason = NetworkNamespace.unavailableReason();
        if (reason.isPresent()) {
            if (ControlPlaneRequirement.isRequired()) {
                throw new IllegalStateException("the http smoke test needs a network namespace: " + reason.get());
            }
            Assumptions.abort("the http smoke test needs a network namespace: " + reason.get());
        }
        String greeting = "stand-in-" + UUID.randomUUID();
        Path app = ProvisionFixtures.application(temp.resolve("standin"), "standin", "", "2m");
        Path deployment = app.resolve("deploy/deployment.yaml");
        Files.writeString(deployment, Files.readString(deployment).replace("      labels: {app: standin}\n",
                "      labels: {app: standin}\n      annotations: {" + KwokStageLabels.POD_IP + ": "
                        + NetworkNamespace.NAMESPACE_ADDRESS + "}\n"));
        Files.writeString(app.resolve("deploy/service.yaml"), """
                apiVersion: v1
                kind: Service
                metadata:
                  name: standin
                spec:
                  selector: {app: standin}
                  ports:
                    - {name: http, port: 80, targetPort: 8080}
                """);
        Files.writeString(app.resolve("ascent.yaml"), Files.readString(app.resolve("ascent.yaml")) + """
                  tests:
                    - name: greeting
                      timeout: 30s
                      http: {service: standin, port: http, path: /greeting, expectBody: "%s /greeting"}
                    - name: wrong-body
                      timeout: 2s
                      http: {service: standin, port: 80, path: /other, expectBody: "not there"}
                """.formatted(greeting));
        NetworkNamespace network = NetworkNamespace.create();
        Process application = null;
        try {
            application = network.exec(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
                            Path.of(ApplicationStandIn.class.getProtectionDomain().getCodeSource().getLocation()
                                    .toURI()).toString(), ApplicationStandIn.class.getName(),
                            NetworkNamespace.NAMESPACE_ADDRESS, "8080", greeting),
                    temp.resolve("stand-in.log"));
            Report report = new Ascent().provision(ProvisionOptions.builder(app).noGit(true)
                    .kubeconfig(cluster.kubeconfig()).workDirectory(temp.resolve("work")).build(),
                    new ProvisionFixtures.RecordingProgress());

            List<Item> tests = items(report, "provision.test");
            assertThat(tests).as(describe(report)).hasSize(2);
            assertThat(tests.get(0).status()).as(describe(report)).isEqualTo(Status.PASS);
            assertThat(tests.get(0).message()).startsWith("greeting: GET /greeting on standin:http answered 200 with '");
            assertThat(tests.get(0).location().toString()).startsWith("ascent.yaml:");
            assertThat(tests.get(1).status()).isEqualTo(Status.FAIL);
            assertThat(tests.get(1).message()).contains("wrong-body: GET /other on standin:80 through the API server's "
                    + "service proxy failed after").contains("answered 200 without 'not there' in its body: " + greeting
                    + " /other");
        } finally {
            if (application != null) {
                application.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            network.close();
        }
    }
}
