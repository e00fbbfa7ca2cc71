package io.ascent.core.manifest.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.manifest.CrdYaml;
import io.ascent.core.manifest.ManifestWorkspace;
import io.ascent.core.report.Item;
import io.ascent.core.report.Status;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code manifest.validation-rules} end to end through the manifest step: CRDs modelled on real ones (Gateway API,
 * cert-manager, ClusterAPI), written at test time, and custom resources that satisfy or break their rules.
 */
class ValidationRulesCheckTest {
    private static final String ID = ValidationRulesCheck.ID;

    @TempDir
    Path repository;

    /** A CRD of group example.dev, kind Widget, whose spec schema is {@code spec}. */
    private static String crd(String spec) {
        return CrdYaml.of("example.dev", "Widget", "widgets",
                CrdYaml.version("v1", true, "type: object\nproperties:\n  spec:\n" + spec.indent(6))) + "---\n";
    }

    private List<Item> run(String manifests) {
        return new ManifestWorkspace(repository)
                .checklist("kubernetes:\n  version: \"1.31\"\n  manifests: [deploy/]\n")
                .write("deploy/all.yaml", manifests)
                .validate(ID, Optional.empty());
    }

    private static String describe(List<Item> items) {
        return items.stream().map(i -> i.status() + " " + i.location() + " " + i.message())
                .collect(Collectors.joining("\n", "\n", "\n"));
    }

    @Test
    void shouldUseMessageExpressionReasonAndFieldPath() {
        List<Item> items = run(crd("""
                type: object
                properties:
                  replicas: {type: integer}
                  max: {type: integer}
                x-kubernetes-validations:
                - rule: self.replicas <= self.max
                  messageExpression: "'replicas (' + string(self.replicas) + ') exceed max ' + string(self.max)"
                  message: not used
                  reason: FieldValueForbidden
                  fieldPath: .replicas
                """) + """
                apiVersion: example.dev/v1
                kind: Widget
                metadata: {name: w}
                spec:
                  replicas: 5
                  max: 3
                """);
        assertThat(items).as(describe(items)).singleElement().satisfies(item -> {
            assertThat(item.status()).isEqualTo(Status.FAIL);
            assertThat(item.message()).isEqualTo("Widget/w: spec.replicas: Forbidden: replicas (5) exceed max 3");
            assertThat(item.location().line()).isEqualTo(32);
            assertThat(item.location().column()).isEqualTo(13);
            assertThat(item.remediation()).contains("self.replicas <= self.max", "widgets.example.dev");
        });
    }

    @Test
    void shouldFallBackToMessageWhenTheMessageExpressionFailsAndSayRequiredValue() {
        List<Item> items = run(crd("""
                type: object
                x-kubernetes-validations:
                - rule: has(self.owner)
                  messageExpression: self.missing
                  message: owner is required
                  reason: FieldValueRequired
                """) + """
                apiVersion: example.dev/v1
                kind: Widget
                metadata: {name: w}
                spec: {size: 1}
                """);
        assertThat(items).as(describe(items)).singleElement()
                .satisfies(item -> assertThat(item.message()).isEqualTo("Widget/w: spec: Required value: owner is required"));
    }

    @Test
    void shouldApplyRulesToEveryItemAndMapValueAndScalar() {
        List<Item> items = run(crd("""
                type: object
                properties:
                  ports:
                    type: array
                    items:
                      type: integer
                      x-kubernetes-validations:
                      - {rule: self > 1024, message: must be unprivileged}
                  labels:
                    type: object
                    additionalProperties:
                      type: string
                      x-kubernetes-validations:
                      - {rule: self.size() <= 5, message: too long}
                    x-kubernetes-validations:
                    - {rule: "self.all(k, k.matches('^[a-z]+$'))", message: lowercase keys only}
                  ratio:
                    type: number
                    x-kubernetes-validations:
                    - {rule: self < 1.0, message: below one}
                """) + """
                apiVersion: example.dev/v1
                kind: Widget
                metadata: {name: w}
                spec:
                  ports: [8080, 80]
                  labels: {app: web, Tier: frontend}
                  ratio: 1
                """);
        assertThat(items).as(describe(items)).extracting(Item::message).containsExactlyInAnyOrder(
                "Widget/w: spec.ports[1]: Invalid value: must be unprivileged",
                "Widget/w: spec.labels: Invalid value: lowercase keys only",
                "Widget/w: spec.labels[Tier]: Invalid value: too long",
                "Widget/w: spec.ratio: Invalid value: below one");
        assertThat(items).extracting(i -> i.location().line() + ":" + i.location().column())
                .containsExactlyInAnyOrder("42:17", "43:11", "43:28", "44:10");
    }

    @Test
    void shouldSeeTheRootWithEscapedNamesAndOnlyNameInMetadata() {
        List<Item> items = run("""
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata: {name: widgets.example.dev}
                spec:
                  group: example.dev
                  names: {kind: Widget, plural: widgets}
                  versions:
                  - name: v1
                    schema:
                      openAPIV3Schema:
                        type: object
                        properties:
                          spec:
                            type: object
                            properties:
                              x-port: {type: integer}
                              namespace: {type: string}
                        x-kubernetes-validations:
                        - {rule: "self.metadata.name.startsWith('w-')", message: name starts with w-}
                        - {rule: "!has(self.metadata.labels)", message: labels are hidden from rules}
                        - {rule: self.spec.x__dash__port == 80 && self.spec.__namespace__ == 'a', message: escaped}
                ---
                apiVersion: example.dev/v1
                kind: Widget
                metadata: {name: v, labels: {a: b}}
                spec: {x-port: 80, namespace: a}
                """);
        assertThat(items).as(describe(items)).extracting(Item::message)
                .containsExactly("Widget/v: <root>: Invalid value: name starts with w-");
    }

    @Test
    void shouldReadDurationsAndTimestampsByTheirFormat() {
        List<Item> items = run(crd("""
                type: object
                properties:
                  timeout: {type: string, format: duration}
                  notAfter: {type: string, format: date-time}
                x-kubernetes-validations:
                - {rule: "self.timeout <= duration('1m30s')", message: at most 90s}
                - {rule: "self.notAfter > timestamp('2026-01-01T00:00:00Z')", message: expired}
                """) + """
                apiVersion: example.dev/v1
                kind: Widget
                metadata: {name: w}
                spec: {timeout: 2m, notAfter: "2025-06-01T00:00:00Z"}
                """);
        assertThat(items).as(describe(items)).extracting(Item::message).containsExactly(
                "Widget/w: spec: Invalid value: at most 90s", "Widget/w: spec: Invalid value: expired");
    }

    @Test
    void shouldEvaluateTheKubernetesListAndRegexFunctions() {
        List<Item> items = run(crd("""
                type: object
                properties:
                  versions: {type: array, items: {type: integer}}
                  image: {type: string}
                x-kubernetes-validations:
                - {rule: self.versions.isSorted(), message: sorted}
                - {rule: self.versions.sum() == 6 && self.versions.max() == 3 && self.versions.min() == 1, message: sum}
                - {rule: "self.versions.indexOf(3) == 1 && self.versions.lastIndexOf(9) == -1", message: index}
                - {rule: "self.image.find('[0-9]+') == '1' && self.image.findAll('[a-z]+') == ['web', 'v']", message: regex}
                """) + """
                apiVersion: example.dev/v1
                kind: Widget
                metadata: {name: w}
                spec: {versions: [1, 3, 2], image: web:v1}
                """);
        assertThat(items).as(describe(items)).extracting(Item::message)
                .containsExactly("Widget/w: spec: Invalid value: sorted");
    }

    @Test
    void shouldReportARuntimeErrorAsTheApiServerDoes() {
        List<Item> items = run(crd("""
                type: object
                properties:
                  port: {type: integer}
                x-kubernetes-validations:
                - rule: self.port > 0
                """) + """
                apiVersion: example.dev/v1
                kind: Widget
                metadata: {name: w}
                spec: {size: 1}
                """);
        assertThat(items).as(describe(items)).singleElement().satisfies(item -> {
            assertThat(item.status()).isEqualTo(Status.FAIL);
            assertThat(item.message()).contains("port", "evaluating rule: self.port > 0");
        });
    }

    @Test
    void shouldSkipTransitionRulesAndRulesUsingLibrariesAscentLacksNamingThem() {
        List<Item> items = run(crd("""
                type: object
                x-kubernetes-validations:
                - rule: self == oldSelf
                  message: immutable
                - rule: "quantity(self.memory).isGreaterThan(quantity('1Gi'))"
                - rule: "!oldSelf.hasValue() || self.size >= oldSelf.value().size"
                  optionalOldSelf: true
                - rule: "self.size > 2"
                """) + """
                apiVersion: example.dev/v1
                kind: Widget
                metadata: {name: w}
                spec: {size: 1, memory: 2Gi}
                ---
                apiVersion: example.dev/v1
                kind: Widget
                metadata: {name: w2}
                spec: {size: 3, memory: 2Gi}
                """);
        assertThat(items).as(describe(items)).extracting(Item::status, Item::message).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(Status.SKIP, "the rule 'self == oldSelf' of"
                        + " CustomResourceDefinition widgets.example.dev (deploy/all.yaml:19:23) was not evaluated:"
                        + " it is a transition rule (it reads oldSelf): it judges a change to an object that already"
                        + " exists, and a manifest has no old object"),
                org.assertj.core.groups.Tuple.tuple(Status.SKIP, "the rule"
                        + " 'quantity(self.memory).isGreaterThan(quantity('1Gi'))' of CustomResourceDefinition"
                        + " widgets.example.dev (deploy/all.yaml:21:23) was not evaluated: it does not compile in"
                        + " Ascent's CEL environment: undeclared reference to 'quantity' (in container ''); undeclared"
                        + " reference to 'isGreaterThan' (in container '') (Ascent implements the Kubernetes list and regex libraries; url, ip, cidr, quantity,"
                        + " semver, format and authorizer functions are not evaluated)"),
                org.assertj.core.groups.Tuple.tuple(Status.FAIL,
                        "Widget/w: spec: Invalid value: failed rule: self.size > 2"));
        assertThat(items.stream().filter(i -> i.status() == Status.SKIP).map(i -> i.location().line()))
                .containsExactlyInAnyOrder(19, 21);
    }

    @Test
    @Timeout(30)
    void shouldStopAHostileRuleWithinItsBudgetAndSayWhy() {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            list.append(i == 0 ? "" : ", ").append(i);
        }
        long started = System.nanoTime();
        List<Item> items = run(crd("""
                type: object
                properties:
                  l: {type: array, items: {type: integer}}
                x-kubernetes-validations:
                - rule: self.l.all(a, self.l.all(b, self.l.all(c, a + b + c >= 0)))
                """) + """
                apiVersion: example.dev/v1
                kind: Widget
                metadata: {name: w}
                spec: {l: [%s]}
                """.formatted(list));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
        assertThat(items).as(describe(items)).anySatisfy(item -> {
            assertThat(item.status()).isEqualTo(Status.SKIP);
            assertThat(item.message()).contains("was not evaluated: its evaluation was stopped: it took more than"
                    + " 1000000 evaluation steps on one value");
        });
    }

    @Test
    void shouldPassWhenEveryRuleHoldsAndIgnoreKindsWithoutRules() {
        List<Item> items = run("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: c}
                ---
                apiVersion: other.dev/v1
                kind: Gadget
                metadata: {name: g}
                ---
                """ + crd("""
                type: object
                x-kubernetes-validations:
                - rule: self.size > 0
                """) + """
                apiVersion: example.dev/v1
                kind: Widget
                metadata: {name: w}
                spec: {size: 1}
                """);
        assertThat(items).as(describe(items)).singleElement().satisfies(item -> {
            assertThat(item.status()).isEqualTo(Status.PASS);
            assertThat(item.message()).isEqualTo("1 custom resource satisfies the validation rules of its CRD");
        });
    }
}
