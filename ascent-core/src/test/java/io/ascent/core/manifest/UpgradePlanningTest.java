package io.ascent.core.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.report.Item;
import io.ascent.core.report.Status;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several target versions: findings that depend on the version are one item per finding, naming the versions it
 * holds on and the first breaking release; what holds everywhere says so once.
 */
class UpgradePlanningTest {
    private static final String FLOW_SCHEMA = """
            apiVersion: flowcontrol.apiserver.k8s.io/v1beta3
            kind: FlowSchema
            metadata: {name: health}
            spec:
              priorityLevelConfiguration: {name: exempt}
            ---
            apiVersion: policy/v1beta1
            kind: PodDisruptionBudget
            metadata: {name: web}
            spec: {minAvailable: 1, selector: {matchLabels: {app: web}}}
            """;

    @TempDir
    Path repository;

    private List<Item> validate(String id, String manifests, String versions) {
        return new ManifestWorkspace(repository)
                .checklist("kubernetes:\n  version: \"" + versions + "\"\n  manifests: [deploy/]\n")
                .write("deploy/all.yaml", manifests)
                .validate(id, Optional.empty());
    }

    @Test
    void shouldReportEachApiFindingOnceWithTheVersionsItHoldsOnAndTheFirstBreakingRelease() {
        List<Item> items = validate("manifest.api-version", FLOW_SCHEMA, "1.29..1.33");

        assertThat(items).extracting(Item::status, Item::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Status.WARN, "on 1.29..1.31 of 1.29..1.33:"
                        + " FlowSchema/health: flowcontrol.apiserver.k8s.io/v1beta3 FlowSchema is deprecated since"
                        + " Kubernetes 1.29 and removed in 1.32; use flowcontrol.apiserver.k8s.io/v1 FlowSchema"),
                org.assertj.core.groups.Tuple.tuple(Status.FAIL, "on 1.29..1.33 (every target version):"
                        + " PodDisruptionBudget/web: policy/v1beta1 PodDisruptionBudget was removed in Kubernetes"
                        + " 1.25; use policy/v1 PodDisruptionBudget"),
                org.assertj.core.groups.Tuple.tuple(Status.FAIL, "from 1.32 (on 1.32, 1.33 of 1.29..1.33):"
                        + " FlowSchema/health: flowcontrol.apiserver.k8s.io/v1beta3 FlowSchema was removed in"
                        + " Kubernetes 1.32; use flowcontrol.apiserver.k8s.io/v1 FlowSchema"));
        assertThat(items).allSatisfy(item -> assertThat(item.location().line()).isIn(1, 7));
    }

    @Test
    void shouldSayOnceThatEveryTargetVersionPasses() {
        List<Item> items = validate("manifest.api-version", """
                apiVersion: flowcontrol.apiserver.k8s.io/v1
                kind: FlowSchema
                metadata: {name: health}
                spec:
                  priorityLevelConfiguration: {name: exempt}
                """, "1.30, 1.32");

        assertThat(items).singleElement().satisfies(item -> {
            assertThat(item.status()).isEqualTo(Status.PASS);
            assertThat(item.message()).endsWith(" (on each of 1.30, 1.32)");
        });
    }

    @Test
    void shouldGroupSchemaFindingsByVersionToo() {
        List<Item> items = validate("manifest.schema", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web}
                spec:
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: web}}
                    spec:
                      containers: [{name: web, image: nginx:1.27, lifecycle: {stopSignal: SIGTERM}}]
                """, "1.32..1.33");

        assertThat(items).extracting(Item::status, Item::message).containsExactly(org.assertj.core.groups.Tuple.tuple(
                Status.FAIL, "on 1.32 of 1.32, 1.33: Deployment/web: unknown property 'stopSignal' in"
                        + " spec.template.spec.containers[0].lifecycle. Allowed: postStart, preStop"));
    }
}
