package io.ascent.core.provision;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A small web application for provisioner tests that need no cluster: it passes static validation. */
public final class WebApplication {

    private WebApplication() {
    }

    /**
     * Writes the application into {@code app}: a Deployment, a Service {@code web} with port {@code http} 80, and a
     * checklist targeting {@code version} with {@code driver} and these smoke tests (YAML list items, or empty).
     */
    public static void write(Path app, String driver, String version, String tests) throws IOException {
        Files.createDirectories(app.resolve("deploy"));
        Files.writeString(app.resolve("ascent.yaml"), """
                apiVersion: ascent.dev/v1
                kind: Checklist
                metadata:
                  name: web
                kubernetes:
                  version: "%s"
                  manifests: [deploy/]
                  checks:
                    manifest.pod-disruption-budget: {enabled: false}
                provision:
                  cluster:
                    driver: %s
                  tests:
                """.formatted(version, driver) + (tests.isEmpty() ? "    []\n" : tests));
        Files.writeString(app.resolve("deploy/service.yaml"), """
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                spec:
                  selector: {app: web}
                  ports:
                    - {name: http, port: 80, targetPort: 8080}
                """);
        Files.writeString(app.resolve("deploy/deployment.yaml"), """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                spec:
                  replicas: 1
                  selector:
                    matchLabels: {app: web}
                  template:
                    metadata:
                      labels: {app: web}
                    spec:
                      securityContext: {runAsNonRoot: true, runAsUser: 1000, seccompProfile: {type: RuntimeDefault}}
                      containers:
                        - name: app
                          image: registry.invalid/web:1.0.0
                          ports: [{name: http, containerPort: 8080}]
                          readinessProbe: {httpGet: {path: /, port: 8080}}
                          livenessProbe: {httpGet: {path: /, port: 8080}}
                          resources:
                            requests: {cpu: 10m, memory: 16Mi}
                            limits: {cpu: 100m, memory: 32Mi}
                          securityContext:
                            allowPrivilegeEscalation: false
                            readOnlyRootFilesystem: true
                            capabilities: {drop: [ALL]}
                """);
    }
}
