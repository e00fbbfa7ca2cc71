package io.ascent.controlplane.provision;

import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.controlplane.ClusterAccess;
import io.ascent.controlplane.ControlPlaneExtension;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ascent provision --driver existing} of a Helm chart that writes {@code namespace: {{ .Release.Namespace }}},
 * as most charts do: rendered into the run's namespace as {@code helm install --namespace} would, so that those
 * objects and the ones naming no namespace land together in the namespace the run owns.
 */
@ExtendWith(ControlPlaneExtension.class)
class HelmReleaseNamespaceTest {

    private static final Pattern NAMESPACE = Pattern.compile("created namespace (\\S+)");

    @TempDir
    Path temp;

    @Test
    void shouldRenderAChartWithoutANamespaceIntoTheRunsNamespace(ClusterAccess cluster) throws Exception {
        int exit = provision(cluster, chart(temp.resolve("web"), ""), "always");

        String log = Files.readString(temp.resolve("stderr.txt"));
        Matcher created = NAMESPACE.matcher(log);
        assertThat(created.find()).as(log).isTrue();
        String namespace = created.group(1);
        try {
            assertThat(exit).as(log).isZero();
            assertThat(log).contains("deploy: applied ConfigMap/web-upstream in " + namespace,
                    "deploy: applied Service/web in " + namespace, "deploy: applied Deployment/web in " + namespace);
            assertThat(log).doesNotContain(" in default");
            assertThat(new JSONObject(Files.readString(temp.resolve("report.json"))).toString())
                    .contains("successfully rolled out");
            // .Release.Namespace is the run's everywhere, not only in metadata.namespace: a DNS name built from it
            // reaches the Service that was deployed.
            assertThat(new CoreV1Api(cluster.client()).readNamespacedConfigMap("web-upstream", namespace).execute()
                    .getData()).containsEntry("url", "http://web." + namespace + ".svc:8080");
        } finally {
            new CoreV1Api(cluster.client()).deleteNamespace(namespace).execute();
        }
    }

    @Test
    void shouldKeepRefusingAChartWhoseSettingNamesAnotherNamespace(ClusterAccess cluster) throws Exception {
        int exit = provision(cluster, chart(temp.resolve("web"), "\n      namespace: elsewhere"), "never");

        String log = Files.readString(temp.resolve("stderr.txt"));
        assertThat(exit).as(log).isEqualTo(1);
        assertThat(new JSONObject(Files.readString(temp.resolve("report.json"))).toString())
                .contains("Deployment/web names namespace 'elsewhere'; on an existing cluster the run deploys only "
                        + "into its own namespace");
        assertThat(log).doesNotContain("applied Deployment/web");
    }

    /**
     * Runs the CLI as a user does, with the pinned helm first on its PATH; its standard error goes to
     * {@code stderr.txt}, its JSON report to {@code report.json}.
     */
    private int provision(ClusterAccess cluster, Path app, String keep) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), "io.ascent.cli.Main", "provision", app.toString(),
                "--no-git", "--driver", "existing", "--kubeconfig", cluster.kubeconfig().toString(),
                "--keep", keep, "--format", "json", "--output", temp.resolve("report.json").toString()))
                .redirectError(temp.resolve("stderr.txt").toFile()).redirectOutput(temp.resolve("stdout.txt").toFile());
        builder.environment().merge("PATH", HelmTool.directory().toString(),
                (path, helm) -> helm + File.pathSeparator + path);
        Process cli = builder.start();
        try {
            assertThat(cli.waitFor(3, TimeUnit.MINUTES)).as("the CLI finishes").isTrue();
            return cli.exitValue();
        } finally {
            cli.destroyForcibly();
        }
    }

    /**
     * A chart whose Deployment and ConfigMap write {@code namespace: {{ .Release.Namespace }}} and whose Service
     * names none, checked by a checklist that renders it with {@code renderSetting} added to its entry.
     */
    private static Path chart(Path into, String renderSetting) throws Exception {
        Path templates = Files.createDirectories(into.resolve("chart/templates"));
        Files.writeString(into.resolve("ascent.yaml"), """
                apiVersion: ascent.dev/v1
                kind: Checklist
                metadata:
                  name: web
                kubernetes:
                  version: "1.35"
                  manifests: [chart/]
                  render:
                    - helm: chart%s
                  checks:
                    manifest.pod-disruption-budget: {enabled: false}
                    manifest.read-only-root-filesystem: {enabled: false}
                provision:
                  cluster:
                    driver: existing
                  deploy:
                    timeout: 2m
                """.formatted(renderSetting));
        Files.writeString(into.resolve("chart/Chart.yaml"), """
                apiVersion: v2
                name: web
                version: 0.1.0
                """);
        Files.writeString(templates.resolve("configmap.yaml"), """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: {{ .Release.Name }}-upstream
                  namespace: {{ .Release.Namespace }}
                data:
                  url: http://{{ .Release.Name }}.{{ .Release.Namespace }}.svc:8080
                """);
        Files.writeString(templates.resolve("service.yaml"), """
                apiVersion: v1
                kind: Service
                metadata:
                  name: {{ .Release.Name }}
                spec:
                  selector: {app: {{ .Release.Name }}}
                  ports:
                    - port: 8080
                      targetPort: 8080
                """);
        Files.writeString(templates.resolve("deployment.yaml"), ProvisionFixtures.deployment("{{ .Release.Name }}",
                "\n  namespace: {{ .Release.Namespace }}", ""));
        return into;
    }
}
