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

    /** Widgets whose spec.size must be positive. */
    private static final String POSITIVE_SIZE_CRD = crd("""
            type: object
            properties:
              size: {type: integer}
            x-kubernetes-validations:
            - rule: self.size > 0
            """);

    private List<Item> run(String manifests) {
        return run("1.31", manifests);
    }

    private List<Item> run(String version, String manifests) {
        return new ManifestWorkspace(repository)
                .checklist("kubernetes:\n  version: \"" + version + "\"\n  manifests: [deploy/]\n")
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
                properties:
                  owner: {type: string}
                  missing: {type: string}
                  size: {type: integer}
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
        assertThat(items).as(describe(items)).extracting(Item::message).containsExactlyInAnyOrder(
                "Widget/v: <root>: Invalid value: name starts with w-",
                "the API server refuses the rule '!has(self.metadata.labels)' of CustomResourceDefinition"
                        + " widgets.example.dev (deploy/all.yaml:20:18), and the CustomResourceDefinition with it: it"
                        + " does not compile against its schema: undefined field 'labels'");
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
                properties:
                  size: {type: integer}
                  memory: {type: string}
                x-kubernetes-validations:
                - rule: self == oldSelf
                  message: immutable
                - rule: "authorizer.group('').resource('pods').check('get').allowed()"
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
                        + " CustomResourceDefinition widgets.example.dev (deploy/all.yaml:22:23) was not evaluated:"
                        + " it is a transition rule (it reads oldSelf): it judges a change to an object that already"
                        + " exists, and a manifest has no old object"),
                org.assertj.core.groups.Tuple.tuple(Status.SKIP, "the rule"
                        + " 'authorizer.group('').resource('pods').check('get').allowed()' of CustomResourceDefinition"
                        + " widgets.example.dev (deploy/all.yaml:24:23) was not evaluated: it uses the Kubernetes"
                        + " authorizer library (authorizer), which asks the API server's authorizer what the requesting"
                        + " user may do: that cannot be judged offline"),
                org.assertj.core.groups.Tuple.tuple(Status.FAIL,
                        "Widget/w: spec: Invalid value: failed rule: self.size > 2"));
        assertThat(items.stream().filter(i -> i.status() == Status.SKIP).map(i -> i.location().line()))
                .containsExactlyInAnyOrder(22, 24);
    }

    @Test
    void shouldFailDuplicateItemsOfSetAndMapListsAtTheDuplicate() {
        List<Item> items = run(crd("""
                type: object
                properties:
                  hosts:
                    type: array
                    x-kubernetes-list-type: set
                    items: {type: string}
                  ports:
                    type: array
                    x-kubernetes-list-type: map
                    x-kubernetes-list-map-keys: [port, protocol]
                    items:
                      type: object
                      properties:
                        port: {type: integer}
                        protocol: {type: string}
                """) + """
                apiVersion: example.dev/v1
                kind: Widget
                metadata: {name: w}
                spec:
                  hosts: [a.example, b.example, a.example]
                  ports:
                  - {port: 80, protocol: TCP}
                  - {port: 80, protocol: UDP}
                  - {port: 80, protocol: TCP}
                ---
                apiVersion: example.dev/v1
                kind: Widget
                metadata: {name: fine}
                spec:
                  hosts: [a.example, b.example]
                  ports: [{port: 80, protocol: TCP}, {port: 443, protocol: TCP}]
                """);
        assertThat(items).as(describe(items))
                .extracting(Item::status, Item::message, i -> i.location().line(), i -> i.location().column())
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(Status.FAIL,
                                "Widget/w: spec.hosts[2]: Duplicate value: \"a.example\"", 37, 33),
                        org.assertj.core.groups.Tuple.tuple(Status.FAIL,
                                "Widget/w: spec.ports[2]: Duplicate value: {\"port\":80,\"protocol\":\"TCP\"}",
                                41, 5));
        assertThat(items).allSatisfy(item -> assertThat(item.remediation())
                .contains("make the items of this list unique", "x-kubernetes-list-type"));
    }

    /**
     * What apiextensions-apiserver v0.37.0's CRD validation answers for these rules: the same four refused (fields
     * kept by x-kubernetes-preserve-unknown-fields are invisible to rules), int-or-string is dyn.
     */
    @Test
    void shouldTypeSelfFromTheSchemaAndFailRulesTheApiServerWouldNotCompile() {
        List<Item> items = run(crd("""
                type: object
                properties:
                  replicas: {type: integer}
                  port: {x-kubernetes-int-or-string: true}
                  extra: {type: object, x-kubernetes-preserve-unknown-fields: true}
                  labels: {type: object, additionalProperties: {type: string}}
                  hosts: {type: array, items: {type: string}}
                x-kubernetes-validations:
                - rule: self.replicas > 'a'
                - rule: self.replica > 1
                - rule: self.hosts.all(h, h > 1)
                - rule: self.labels.all(k, self.labels[k].size() < 64) && self.replicas >= 1
                - rule: self.port == 80 || self.port == 'http'
                - rule: has(self.extra.anything) || true
                """) + """
                apiVersion: example.dev/v1
                kind: Widget
                metadata: {name: w}
                spec: {replicas: 2, port: http, labels: {a: b}, hosts: [x]}
                """);
        assertThat(items).as(describe(items)).extracting(Item::status, Item::message, i -> i.location().line())
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(Status.FAIL, refused("self.replicas > 'a'", "25:23",
                                "found no matching overload for '_>_' applied to '(int, string)'"), 25),
                        org.assertj.core.groups.Tuple.tuple(Status.FAIL, refused("self.replica > 1", "26:23",
                                "undefined field 'replica'"), 26),
                        org.assertj.core.groups.Tuple.tuple(Status.FAIL, refused("self.hosts.all(h, h > 1)", "27:23",
                                "found no matching overload for '_>_' applied to '(string, int)'"), 27),
                        org.assertj.core.groups.Tuple.tuple(Status.FAIL, refused("has(self.extra.anything) || true",
                                "30:23", "undefined field 'anything'"), 30));
    }

    /** The message of a rule of widgets.example.dev that does not compile against its schema. */
    private static String refused(String rule, String at, String error) {
        return "the API server refuses the rule '" + rule + "' of CustomResourceDefinition widgets.example.dev"
                + " (deploy/all.yaml:" + at + "), and the CustomResourceDefinition with it: it does not compile against"
                + " its schema: " + error;
    }

    /** A CRD alone, whose {@code hosts} (strings) carry {@code rule}. */
    private List<Item> runHostsRule(String rule) {
        return run(crd("""
                type: object
                properties:
                  hosts:
                    type: array
                    items: {type: string}
                    x-kubernetes-validations:
                    - rule: %s
                """.formatted(rule)));
    }

    @Test
    void shouldCompileEveryRuleOfACrdEvenWithoutCustomResources() {
        List<Item> broken = runHostsRule("self.all(h, !isIP(h.name))");
        assertThat(broken).as(describe(broken)).singleElement().satisfies(item -> {
            assertThat(item.status()).isEqualTo(Status.FAIL);
            assertThat(item.message()).isEqualTo(refused("self.all(h, !isIP(h.name))", "23:27",
                    "type 'string' does not support field selection"));
            assertThat(item.location().line()).isEqualTo(23);
        });
        List<Item> fine = runHostsRule("self.all(h, !isIP(h))");
        assertThat(fine).as(describe(fine)).singleElement().satisfies(item -> assertThat(item.message())
                .isEqualTo("no custom resource of a CRD with validation rules or list types among the manifests"));
    }

    @Test
    void shouldRefuseALibraryTheTargetApiServerDoesNotOfferYet() {
        // Gateway API's TLSRoute: applying it to a 1.30 API server fails with "undeclared reference to 'isIP'"
        List<Item> at130 = run("1.30", crd("""
                type: object
                properties:
                  hosts:
                    type: array
                    items: {type: string}
                    x-kubernetes-validations:
                    - rule: self.all(h, !isIP(h))
                """));
        assertThat(at130).as(describe(at130)).singleElement().satisfies(item -> {
            assertThat(item.status()).isEqualTo(Status.FAIL);
            assertThat(item.message()).isEqualTo("the API server refuses the rule 'self.all(h, !isIP(h))' of"
                    + " CustomResourceDefinition widgets.example.dev (deploy/all.yaml:23:27), and the"
                    + " CustomResourceDefinition with it: it calls isIP(), of the kubernetes.net.ip library, which the"
                    + " API server offers to new CRD rules from Kubernetes 1.31 (the library came in 1.30; the target"
                    + " is 1.30)");
        });
        assertThat(runHostsRule("self.all(h, !isIP(h))")).as("the same CRD at 1.31").singleElement()
                .satisfies(item -> assertThat(item.status()).isEqualTo(Status.PASS));
    }

    /** One rule per Kubernetes library Ascent implements: quantity, URL, IP, CIDR, semver and format. */
    private static final String EVERY_LIBRARY = crd("""
            type: object
            properties:
              memory: {type: string}
              endpoint: {type: string}
              address: {type: string}
              network: {type: string}
              version: {type: string}
              name: {type: string}
            x-kubernetes-validations:
            - rule: "quantity(self.memory).isLessThan(quantity('2Gi'))"
              message: memory must be below 2Gi
            - rule: "isURL(self.endpoint) && url(self.endpoint).getScheme() == 'https'"
              message: endpoint must be an https URL
            - rule: "isIP(self.address) && ip(self.address).family() == 4"
              message: address must be IPv4
            - rule: "cidr(self.network).containsIP(self.address)"
              message: address must be in the network
            - rule: "semver(self.version).isGreaterThan(semver('1.0.0'))"
              message: version must be above 1.0.0
            - rule: "!format.dns1123Label().validate(self.name).hasValue()"
              messageExpression: "format.dns1123Label().validate(self.name).value().join(', ')"
            """);

    /** Widget {@code w} satisfying every rule of {@link #EVERY_LIBRARY} but, perhaps, the memory one. */
    private List<Item> runEveryLibrary(String memory) {
        return run("1.34", EVERY_LIBRARY + """
                apiVersion: example.dev/v1
                kind: Widget
                metadata: {name: w}
                spec: {memory: "%s", endpoint: "https://example.com/x", address: 10.0.0.5, network: 10.0.0.0/8,
                       version: 1.2.0, name: web}
                """.formatted(memory));
    }

    @Test
    void shouldJudgeRulesOfEveryKubernetesLibrary() {
        List<Item> good = runEveryLibrary("1Gi");
        assertThat(good).as(describe(good)).singleElement().satisfies(item -> {
            assertThat(item.status()).isEqualTo(Status.PASS);
            assertThat(item.message()).isEqualTo("1 custom resource satisfies the validation rules of its CRD");
        });

        List<Item> bad = run("1.34", EVERY_LIBRARY + """
                apiVersion: example.dev/v1
                kind: Widget
                metadata: {name: bad}
                spec: {memory: 4Gi, endpoint: "http://example.com", address: "2001:db8::1", network: 10.0.0.0/8,
                       version: 0.9.0, name: Web_1}
                """);
        assertThat(bad).as(describe(bad)).extracting(Item::status, Item::message).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(Status.FAIL, "Widget/bad: spec: Invalid value: memory must be"
                        + " below 2Gi"),
                org.assertj.core.groups.Tuple.tuple(Status.FAIL, "Widget/bad: spec: Invalid value: endpoint must be"
                        + " an https URL"),
                org.assertj.core.groups.Tuple.tuple(Status.FAIL, "Widget/bad: spec: Invalid value: address must be"
                        + " IPv4"),
                org.assertj.core.groups.Tuple.tuple(Status.FAIL, "Widget/bad: spec: Invalid value: address must be"
                        + " in the network"),
                org.assertj.core.groups.Tuple.tuple(Status.FAIL, "Widget/bad: spec: Invalid value: version must be"
                        + " above 1.0.0"),
                org.assertj.core.groups.Tuple.tuple(Status.FAIL, "Widget/bad: spec: Invalid value: a lowercase RFC"
                        + " 1123 label must consist of lower case alphanumeric characters or '-', and must start and"
                        + " end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for"
                        + " validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"));
    }

    @Test
    void shouldFailARuleWhoseLibraryCallFailsWithTheApiServersError() {
        List<Item> items = runEveryLibrary("1Gb");
        assertThat(items).as(describe(items)).singleElement().satisfies(item -> {
            assertThat(item.status()).isEqualTo(Status.FAIL);
            assertThat(item.message()).isEqualTo("Widget/w: spec: Invalid value: quantities must match the regular"
                    + " expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$' evaluating rule:"
                    + " quantity(self.memory).isLessThan(quantity('2Gi'))");
        });
    }

    @Test
    @Timeout(30)
    void shouldSkipRatherThanParseAQuantityOfThousandsOfDigits() {
        List<Item> items = runEveryLibrary("1".repeat(200_000) + ".5");
        assertThat(items).as(describe(items)).extracting(Item::status, Item::message).contains(
                org.assertj.core.groups.Tuple.tuple(Status.SKIP, "the rule"
                        + " 'quantity(self.memory).isLessThan(quantity('2Gi'))' of CustomResourceDefinition"
                        + " widgets.example.dev (deploy/all.yaml:26:23) was not evaluated: it was not evaluated to the"
                        + " end: a quantity of 200002 characters is longer than the 1000 Ascent parses"));
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
    void shouldJudgeACustomResourceListedBeforeItsCrd() {
        List<Item> items = run("""
                apiVersion: example.dev/v1
                kind: Widget
                metadata: {name: w}
                spec: {size: 0}
                ---
                """ + POSITIVE_SIZE_CRD);
        assertThat(items).as(describe(items)).singleElement().satisfies(item -> {
            assertThat(item.status()).isEqualTo(Status.FAIL);
            assertThat(item.message()).isEqualTo("Widget/w: spec: Invalid value: failed rule: self.size > 0");
            assertThat(item.location().line()).isEqualTo(4);
            assertThat(item.title()).isEqualTo("Custom resources satisfy their CRDs' validation rules and list types");
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
                """ + POSITIVE_SIZE_CRD + """
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
