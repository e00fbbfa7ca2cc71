package io.ascent.cli.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TrainingApiServer.start(notAFolder,
                scratch.resolve("kubeconfig"), "")).isInstanceOf(java.io.IOException.class);
        assertThat(scratch.resolve("kubeconfig")).doesNotExist();
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
