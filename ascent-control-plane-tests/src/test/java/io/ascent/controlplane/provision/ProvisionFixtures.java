package io.ascent.controlplane.provision;

import io.ascent.controlplane.ClusterAccess;
import io.ascent.core.progress.ProgressListener;
import io.ascent.core.report.Item;
import io.ascent.core.report.Report;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/** Application directories generated for the provisioner's tests, and what the tests read back from reports. */
final class ProvisionFixtures {

    /** The project's example application. */
    static final Path HELLO_WEB = Path.of(System.getProperty("ascent.examples", "../examples")).resolve("hello-web");

    private ProvisionFixtures() {
    }

    /**
     * A copy of hello-web without its two {@code http} tests: the fake nodes' pod addresses lead nowhere, so only
     * the Job test can pass here ({@code ServiceProxyHttpTestTest} covers http tests with a reachable stand-in).
     */
    static Path helloWebWithoutHttpTests(Path into) throws IOException {
        copy(HELLO_WEB, into);
        Path checklist = into.resolve("ascent.yaml");
        String text = Files.readString(checklist);
        int start = text.indexOf("    - name: homepage");
        int end = text.indexOf("    - name: content-check");
        Files.writeString(checklist, text.substring(0, start) + text.substring(end));
        return into;
    }

    /**
     * A minimal application: one Deployment (whose pod template carries {@code podLabels}) and a checklist that
     * deploys it with {@code timeout}, with no smoke tests.
     */
    static Path application(Path into, String name, String podLabels, String timeout) throws IOException {
        Files.createDirectories(into.resolve("deploy"));
        Files.writeString(into.resolve("ascent.yaml"), """
                apiVersion: ascent.dev/v1
                kind: Checklist
                metadata:
                  name: %s
                kubernetes:
                  version: "1.35"
                  manifests: [deploy/]
                  checks:
                    manifest.pod-disruption-budget: {enabled: false}
                    manifest.read-only-root-filesystem: {enabled: false}
                provision:
                  cluster:
                    driver: existing
                  deploy:
                    timeout: %s
                """.formatted(name, timeout));
        Files.writeString(into.resolve("deploy/deployment.yaml"), deployment(name, "", podLabels));
        return into;
    }

    /**
     * {@link #application} whose checklist asks for PodSecurity {@code restricted} and whose container keeps the
     * default capabilities instead of dropping them all: the restricted level refuses it. {@code manifest.pod-security}
     * would find it before anything is created, so the checklist switches that check off: these tests prove what the
     * cluster itself enforces.
     */
    static Path applicationBreakingRestricted(Path into, String name) throws IOException {
        Path app = application(into, name, "", "3m");
        Path checklist = app.resolve("ascent.yaml");
        Files.writeString(checklist, Files.readString(checklist).replace("    driver: existing\n",
                "    driver: existing\n    podSecurity: restricted\n").replace("  checks:\n",
                "  checks:\n    manifest.pod-security: {enabled: false}\n"));
        Path deployment = app.resolve("deploy/deployment.yaml");
        Files.writeString(deployment, Files.readString(deployment).replace("capabilities: {drop: [ALL]}",
                "capabilities: {drop: [NET_RAW]}"));
        return app;
    }

    /**
     * A Deployment of one replica that every static check passes, named {@code name} (a Helm template may give
     * {@code {{ .Release.Name }}}), with {@code metadata} added under its metadata and {@code podLabels} after its
     * pods' {@code app} label.
     */
    static String deployment(String name, String metadata, String podLabels) {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: %1$s%3$s
                spec:
                  replicas: 1
                  selector:
                    matchLabels: {app: %1$s}
                  template:
                    metadata:
                      labels: {app: %1$s%2$s}
                    spec:
                      securityContext: {runAsNonRoot: true, runAsUser: 1000, seccompProfile: {type: RuntimeDefault}}
                      containers:
                        - name: app
                          image: registry.invalid/%1$s:1.0.0
                          readinessProbe: {httpGet: {path: /, port: 8080}}
                          livenessProbe: {httpGet: {path: /, port: 8080}}
                          resources:
                            requests: {cpu: 10m, memory: 16Mi}
                            limits: {cpu: 100m, memory: 32Mi}
                          securityContext:
                            allowPrivilegeEscalation: false
                            readOnlyRootFilesystem: true
                            capabilities: {drop: [ALL]}
                """.formatted(name, podLabels, metadata);
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }

    static List<Item> items(Report report, String id) {
        return report.items().stream().filter(item -> item.id().equals(id)).toList();
    }

    static Item phase(Report report, String phase) {
        return report.items().stream().filter(item -> item.id().equals("provision.phase") && phase.equals(item.key()))
                .findFirst().orElseThrow(() -> new AssertionError("no phase " + phase + " in " + describe(report)));
    }

    /** The namespace the run created, from its labelled teardown or cluster item. */
    static String runNamespace(Report report) {
        return report.items().stream().filter(item -> item.id().equals("provision.cluster"))
                .map(Item::message).map(m -> m.replaceAll(".*namespace (\\S+).*", "$1")).findFirst()
                .orElseThrow(() -> new AssertionError("no cluster item in " + describe(report)));
    }

    static boolean namespaceExists(ClusterAccess cluster, String namespace) throws ApiException {
        try {
            new CoreV1Api(cluster.client()).readNamespace(namespace).execute();
            return true;
        } catch (ApiException e) {
            if (e.getCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    static String describe(Report report) {
        StringBuilder out = new StringBuilder();
        for (Item item : report.items()) {
            if (!item.id().startsWith("provision") && item.status() == io.ascent.core.report.Status.PASS) {
                continue;
            }
            out.append(item.status()).append(' ').append(item.id()).append(' ')
                    .append(item.key() == null ? "" : item.key()).append(": ").append(item.message())
                    .append(" [").append(item.duration().toMillis()).append(" ms]\n");
        }
        return out.toString();
    }

    /** Collects progress lines, for assertions and for a failing test's message. */
    static final class RecordingProgress implements ProgressListener {
        final List<String> lines = Collections.synchronizedList(new ArrayList<>());

        /**
         * The lines so far, copied under the list's lock: a stream over {@link #lines} while the run adds to it fails
         * with a ConcurrentModificationException (a synchronized list locks its single calls, not an iteration).
         */
        List<String> snapshot() {
            synchronized (lines) {
                return new ArrayList<>(lines);
            }
        }

        @Override
        public void phaseStarted(String phase) {
            lines.add("start " + phase);
        }

        @Override
        public void phaseFinished(String phase, Duration elapsed) {
            lines.add("end " + phase + " " + elapsed.toMillis() + " ms");
        }

        @Override
        public void info(String message) {
            lines.add(message);
        }
    }
}
