package io.ascent.cli.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ascent.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingApiServerTest {

    /** Tests run in the module directory; the examples sit at the repository root. */
    private static final Path HELLO_WEB = Path.of("..", "examples", "hello-web").toAbsolutePath().normalize();

    @Test
    void shouldTakeAWholeProvisionThroughItsNormalPathOverTlsWithTheClientCertificate(@TempDir Path scratch)
            throws Exception {
        Path kubeconfig = scratch.resolve("kubeconfig");
        Path report = scratch.resolve("report.json");
        try (TrainingApiServer server = TrainingApiServer.start(scratch, kubeconfig, "Hello from Ascent")) {
            StringWriter err = new StringWriter();
            int status = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "provision",
                    HELLO_WEB.toString(), "--no-git", "--driver", "existing", "--kubeconfig", kubeconfig.toString(),
                    "--timeout", "60s", "-f", "json", "-o", report.toString());

            assertThat(status).as(err.toString()).isZero();
            assertThat(server.requests()).isGreaterThan(15);
            assertThat(server.authenticatedRequests()).isEqualTo(server.requests());
        }
        JSONObject json = new JSONObject(Files.readString(report, StandardCharsets.UTF_8));
        assertThat(json.getString("verdict")).isEqualTo("PASSED");
        // every phase of a real run went through: the access review, apply, the rollout's and the Job's watches,
        // the http tests through the service proxy, the Job's log and the namespace's deletion
        assertThat(passed(json)).contains("provision.preflight.server", "provision.preflight.access",
                "provision.cluster", "provision.apply", "provision.rollout", "provision.test", "provision.teardown");
        assertThat(messages(json, "provision.rollout")).singleElement().asString()
                .contains("successfully rolled out (2 of 2 replicas available)");
        assertThat(messages(json, "provision.test")).hasSize(3)
                .anySatisfy(m -> assertThat(m).contains("answered 200 with 'Hello from Ascent'"))
                .anySatisfy(m -> assertThat(m).contains("Job/hello-web-content complete").contains("log lines"));
    }

    @Test
    void shouldNotStartWhenItsKeysCannotBeMade(@TempDir Path scratch) throws Exception {
        Path notAFolder = Files.writeString(scratch.resolve("file"), "x");

        assertThatThrownBy(() -> TrainingApiServer.start(notAFolder,
                scratch.resolve("kubeconfig"), "")).isInstanceOf(IOException.class);
        assertThat(scratch.resolve("kubeconfig")).doesNotExist();
    }

    @Test
    void shouldRefuseAClientWithoutTheTrainingCertificate(@TempDir Path scratch) throws Exception {
        Path kubeconfig = scratch.resolve("kubeconfig");
        try (TrainingApiServer server = TrainingApiServer.start(scratch, kubeconfig, "")) {
            String text = Files.readString(kubeconfig, StandardCharsets.UTF_8);
            String authority = text.replaceAll("(?s).*certificate-authority-data: (\\S+).*", "$1");
            String address = text.replaceAll("(?s).*server: (\\S+).*", "$1");
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry("ca", CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(Base64.getDecoder()
                            .decode(authority))));
            TrustManagerFactory trust = TrustManagerFactory.getInstance(
                    TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, trust.getTrustManagers(), null); // trusts the server, has no client key
            HttpClient client = HttpClient.newBuilder().sslContext(tls).build();

            assertThatThrownBy(() -> client.send(HttpRequest
                    .newBuilder(URI.create(address + "/version")).build(),
                    HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
            assertThat(server.requests()).isZero();
        }
    }

    private static List<String> passed(JSONObject report) {
        List<String> ids = new ArrayList<>();
        JSONArray items = report.getJSONArray("items");
        for (int i = 0; i < items.length(); i++) {
            JSONObject item = items.getJSONObject(i);
            if (item.getString("status").equals("PASS")) {
                ids.add(item.getString("id"));
            }
        }
        return ids;
    }

    private static List<String> messages(JSONObject report, String id) {
        List<String> messages = new ArrayList<>();
        JSONArray items = report.getJSONArray("items");
        for (int i = 0; i < items.length(); i++) {
            if (items.getJSONObject(i).getString("id").equals(id)) {
                messages.add(items.getJSONObject(i).getString("message"));
            }
        }
        return messages;
    }
}
