package io.ascent.core.provision.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.manifest.ManifestLoader;
import io.ascent.core.manifest.Resource;
import io.ascent.core.report.Item;
import io.ascent.core.report.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A run's fresh namespace holds only what its manifests create: what pods refer to is checked before a cluster. */
class PodReferencesTest {

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              template:
                spec:
                  serviceAccountName: runner
                  volumes:
                    - name: settings
                      configMap: {name: settings}
                    - name: tls
                      secret: {secretName: web-tls}
                    - name: ca
                      configMap: {name: kube-root-ca.crt}
                    - name: maybe
                      secret: {secretName: maybe, optional: true}
                  containers:
                    - name: app
                      image: app:1
                      env:
                        - name: PASSWORD
                          valueFrom:
                            secretKeyRef: {name: db, key: password}
                        - name: MODE
                          valueFrom:
                            configMapKeyRef: {name: modes, key: mode, optional: true}
                      envFrom:
                        - configMapRef: {name: common}
                        - secretRef: {name: tokens}
            """;

    private static List<Resource> parse(String yaml) {
        return new ManifestLoader().parse(yaml, "deploy/web.yaml").resources();
    }

    @Test
    void shouldFailAServiceAccountTheManifestsDoNotCreateAtItsLine() {
        List<Item> items = PodReferences.check(parse(DEPLOYMENT), "run-ns");

        Item account = items.get(0);
        assertThat(account.status()).isEqualTo(Status.FAIL);
        assertThat(account.id()).isEqualTo("provision.references");
        assertThat(account.location().toString()).isEqualTo("deploy/web.yaml:8:27");
        assertThat(account.message()).isEqualTo("Deployment/web: its pods run as ServiceAccount 'runner', which the "
                + "manifests do not create; the API server refuses every pod in the run's fresh namespace");
        assertThat(account.remediation()).contains("add a ServiceAccount named runner");
    }

    @Test
    void shouldWarnOfEachConfigMapAndSecretAContainerReadsThatTheManifestsDoNotCreate() {
        List<Item> warnings = PodReferences.check(parse(DEPLOYMENT), "run-ns").stream()
                .filter(item -> item.status() == Status.WARN).toList();

        assertThat(warnings).extracting(item -> item.key() + " @ " + item.location()).containsExactly(
                "Deployment/web/configmap/settings @ deploy/web.yaml:11:29",
                "Deployment/web/secret/web-tls @ deploy/web.yaml:13:32",
                "Deployment/web/secret/db @ deploy/web.yaml:24:38",
                "Deployment/web/configmap/common @ deploy/web.yaml:29:36",
                "Deployment/web/secret/tokens @ deploy/web.yaml:30:33");
        assertThat(warnings.get(0).message()).contains("ConfigMap 'settings'", "CreateContainerConfigError");
    }

    @Test
    void shouldAcceptWhatTheManifestsCreateInThePodsNamespace() {
        String created = DEPLOYMENT + """
                ---
                apiVersion: v1
                kind: ServiceAccount
                metadata: {name: runner}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: settings, namespace: run-ns}
                ---
                apiVersion: v1
                kind: Secret
                metadata: {name: web-tls}
                ---
                apiVersion: v1
                kind: Secret
                metadata: {name: db}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: common}
                ---
                apiVersion: v1
                kind: Secret
                metadata: {name: tokens, namespace: elsewhere}
                """;

        assertThat(PodReferences.check(parse(created), "run-ns")).extracting(Item::key)
                .as("a Secret of another namespace does not count").containsExactly("Deployment/web/secret/tokens");
    }

    @Test
    void shouldAcceptTheDefaultServiceAccountAndTheDeprecatedFieldName() {
        assertThat(PodReferences.check(parse(pod("serviceAccountName: default")), "ns")).isEmpty();
        assertThat(PodReferences.check(parse(pod("serviceAccount: legacy")), "ns")).extracting(Item::key)
                .containsExactly("Pod/one/serviceaccount/legacy");
        assertThat(PodReferences.check(parse(pod("hostname: one")), "ns")).isEmpty();
    }

    private static String pod(String specLine) {
        return """
                apiVersion: v1
                kind: Pod
                metadata: {name: one}
                spec:
                  %s
                  containers:
                    - {name: app, image: app:1}
                """.formatted(specLine);
    }
}
