package io.ascent.core.manifest.schema;

import static io.ascent.core.manifest.schema.SchemaTestSupport.all;
import static io.ascent.core.manifest.schema.SchemaTestSupport.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ascent.core.jsonschema.SchemaViolation;
import io.ascent.core.manifest.api.KubernetesVersion;
import io.ascent.core.network.UrlAllowList;
import io.ascent.core.report.Location;
import java.util.List;
import java.util.Map;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/**
 * CRDs shaped like those real operators ship (controller-gen output of prometheus-operator, argo-cd's hand-kept
 * Application CRD): every keyword a structural schema may use compiles, and custom resources are validated, never
 * skipped.
 */
class OperatorCrdSchemasTest {
    private static final KubernetesVersion V1_31 = KubernetesVersion.of(1, 31);

    /** Like monitoring.coreos.com_servicemonitors.yaml: counts, defaults, list types, int-or-string, formats. */
    private static final String SERVICE_MONITOR_CRD = """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata:
              annotations:
                controller-gen.kubebuilder.io/version: v0.21.0
              name: servicemonitors.monitoring.coreos.com
            spec:
              group: monitoring.coreos.com
              names:
                categories: [prometheus-operator]
                kind: ServiceMonitor
                listKind: ServiceMonitorList
                plural: servicemonitors
                shortNames: [smon]
                singular: servicemonitor
              scope: Namespaced
              versions:
              - name: v1
                served: true
                storage: true
                schema:
                  openAPIV3Schema:
                    description: ServiceMonitor defines monitoring for a set of services.
                    type: object
                    properties:
                      apiVersion: {type: string}
                      kind: {type: string}
                      metadata: {type: object}
                      spec:
                        type: object
                        required: [endpoints, selector]
                        properties:
                          scrapeClass:
                            type: string
                            minLength: 1
                          jobLabel:
                            type: string
                            maxLength: 63
                          sampleLimit:
                            type: integer
                            format: int64
                            minimum: 0
                          scrapeProtocols:
                            type: array
                            minItems: 1
                            maxItems: 3
                            x-kubernetes-list-type: set
                            items:
                              type: string
                              enum: [PrometheusProto, OpenMetricsText0.0.1, OpenMetricsText1.0.0, PrometheusText0.0.4,
                                     PrometheusText1.0.0]
                          targetLabels:
                            type: array
                            items: {type: string}
                          podTargetLabels:
                            type: array
                            items: {type: string, nullable: true}
                          endpoints:
                            type: array
                            items:
                              type: object
                              required: [scheme]
                              properties:
                                port: {type: string}
                                targetPort:
                                  anyOf: [{type: integer}, {type: string}]
                                  x-kubernetes-int-or-string: true
                                interval:
                                  type: string
                                  pattern: ^(0|(([0-9]+)y)?(([0-9]+)w)?(([0-9]+)d)?(([0-9]+)h)?(([0-9]+)m)?(([0-9]+)s)?(([0-9]+)ms)?)$
                                scheme:
                                  type: string
                                  default: http
                                  enum: [http, https]
                                honorLabels:
                                  type: boolean
                                  default: false
                                params:
                                  type: object
                                  additionalProperties:
                                    type: array
                                    items: {type: string}
                                  minProperties: 1
                                  maxProperties: 10
                                relabelings:
                                  type: array
                                  items:
                                    type: object
                                    properties:
                                      action:
                                        type: string
                                        default: replace
                                        enum: [replace, Replace, keep, Keep, drop, Drop]
                                      sourceLabels:
                                        type: array
                                        items:
                                          type: string
                                          pattern: ^[a-zA-Z_][a-zA-Z0-9_]*$
                                  x-kubernetes-list-type: atomic
                                basicAuth:
                                  type: object
                                  nullable: true
                                  properties:
                                    username:
                                      type: object
                                      required: [key]
                                      properties:
                                        key: {type: string}
                                        name: {type: string, default: ""}
                                        optional: {type: boolean}
                                      x-kubernetes-map-type: atomic
                          selector:
                            type: object
                            properties:
                              matchLabels:
                                type: object
                                additionalProperties: {type: string}
                            x-kubernetes-map-type: atomic
                    required: [spec]
                subresources:
                  status: {}
            """;

    /** Like argo-cd's Application CRD: preserved unknown fields, nullable, date-time, embedded resources. */
    private static final String APPLICATION_CRD = """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata:
              labels:
                app.kubernetes.io/name: applications.argoproj.io
                app.kubernetes.io/part-of: argocd
              name: applications.argoproj.io
            spec:
              group: argoproj.io
              names:
                kind: Application
                listKind: ApplicationList
                plural: applications
                shortNames: [app, apps]
                singular: application
              scope: Namespaced
              versions:
              - additionalPrinterColumns:
                - jsonPath: .status.sync.status
                  name: Sync Status
                  type: string
                name: v1alpha1
                served: true
                storage: true
                subresources: {}
                schema:
                  openAPIV3Schema:
                    type: object
                    properties:
                      apiVersion: {type: string}
                      kind: {type: string}
                      metadata: {type: object}
                      operation:
                        type: object
                        properties:
                          retry:
                            type: object
                            properties:
                              limit: {type: integer, format: int64}
                              backoff:
                                type: object
                                properties:
                                  duration: {type: string}
                                  factor: {type: integer, format: int64}
                      spec:
                        type: object
                        required: [destination, project]
                        properties:
                          destination:
                            type: object
                            properties:
                              name: {type: string}
                              namespace: {type: string}
                              server: {type: string}
                          project: {type: string}
                          revisionHistoryLimit: {type: integer, format: int64}
                          source:
                            type: object
                            required: [repoURL]
                            properties:
                              repoURL: {type: string}
                              path: {type: string}
                              targetRevision: {type: string}
                              helm:
                                type: object
                                properties:
                                  valuesObject:
                                    type: object
                                    x-kubernetes-preserve-unknown-fields: true
                                  parameters:
                                    type: array
                                    items:
                                      type: object
                                      properties:
                                        forceString: {type: boolean}
                                        name: {type: string}
                                        value: {type: string}
                          syncPolicy:
                            type: object
                            properties:
                              automated:
                                type: object
                                nullable: true
                                properties:
                                  prune: {type: boolean}
                                  selfHeal: {type: boolean}
                              syncOptions:
                                type: array
                                items: {type: string}
                          ignoreDifferences:
                            type: array
                            items:
                              type: object
                              required: [kind]
                              properties:
                                group: {type: string}
                                kind: {type: string}
                                jsonPointers:
                                  type: array
                                  items: {type: string}
                      status:
                        type: object
                        properties:
                          reconciledAt: {type: string, format: date-time}
                          resources:
                            type: array
                            items:
                              type: object
                              properties:
                                live:
                                  type: object
                                  x-kubernetes-embedded-resource: true
                                  x-kubernetes-preserve-unknown-fields: true
                    required: [metadata, spec]
            """;

    private final SchemaTestSupport.RecordingFetcher network = new SchemaTestSupport.RecordingFetcher();

    private SchemaResult validate(String crd, String resource, String apiVersion, String kind) {
        return ResourceSchemaValidator.builder().fetcher(network).customResourceDefinitions(all(crd)).build()
                .validate(yaml(resource), List.of(), apiVersion, kind, V1_31);
    }

    /** A ServiceMonitor of {@code body} (everything after its kind), validated against its CRD. */
    private SchemaResult serviceMonitor(String body) {
        return validate(SERVICE_MONITOR_CRD, "apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\n" + body,
                "monitoring.coreos.com/v1", "ServiceMonitor");
    }

    private static List<SchemaViolation> violations(SchemaResult result) {
        assertThat(result).as("checked, not skipped: %s", result).isInstanceOf(SchemaResult.Checked.class);
        return ((SchemaResult.Checked) result).violations();
    }

    @Test
    void shouldValidateAServiceMonitorAgainstACrdThatUsesCountsDefaultsAndListTypes() {
        SchemaResult result = serviceMonitor("""
                metadata: {name: web, labels: {team: frontend}}
                spec:
                  scrapeClass: default
                  jobLabel: app
                  sampleLimit: 1000
                  scrapeProtocols: [PrometheusProto]
                  podTargetLabels: [team, null]
                  selector: {matchLabels: {app: web}}
                  endpoints:
                    - port: web
                      targetPort: 8080
                      interval: 30s
                      params: {module: [http_2xx]}
                      relabelings:
                        - sourceLabels: [__meta_kubernetes_pod_name]
                      basicAuth: null
                    - targetPort: metrics
                      scheme: https
                      basicAuth: {username: {key: user}}
                """);

        assertThat(violations(result)).isEmpty();
    }

    @Test
    void shouldReportEveryCountBoundOfTheCrdAtItsValue() {
        SchemaResult result = serviceMonitor("""
                metadata: {name: web}
                spec:
                  scrapeClass: ""
                  jobLabel: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
                  scrapeProtocols: []
                  selector: {}
                  endpoints:
                    - params: {}
                      interval: 30 seconds
                      scheme: ftp
                """);

        assertThat(violations(result)).extracting(SchemaViolation::pointer).containsExactly(
                "/spec/scrapeClass", "/spec/jobLabel", "/spec/scrapeProtocols", "/spec/endpoints/0/params",
                "/spec/endpoints/0/interval", "/spec/endpoints/0/scheme");
    }

    @Test
    void shouldApplyMaxItemsAndMaxPropertiesAndNullOnlyWhereNullable() {
        SchemaResult result = serviceMonitor("""
                metadata: {name: web}
                spec:
                  selector: {}
                  scrapeProtocols: [PrometheusProto, OpenMetricsText1.0.0, PrometheusText0.0.4, PrometheusText1.0.0]
                  targetLabels: [a, null]
                  endpoints:
                    - params: {a: [x], b: [x], c: [x], d: [x], e: [x], f: [x], g: [x], h: [x], i: [x], j: [x], k: [x]}
                      basicAuth: null
                """);

        assertThat(violations(result)).extracting(SchemaViolation::pointer).containsExactly(
                "/spec/scrapeProtocols", "/spec/targetLabels/1", "/spec/endpoints/0/params");
    }

    /**
     * Duplicates in a list typed as a set are the API server's list-type validation, reported once at the duplicate
     * item by manifest.validation-rules (ListTypeValidatorTest); the schema reporting them too made two FAILs of one.
     */
    @Test
    void shouldLeaveDuplicatesInAListTypedAsASetToTheListTypeCheck() {
        SchemaResult result = serviceMonitor("""
                metadata: {name: web}
                spec:
                  selector: {}
                  scrapeProtocols: [PrometheusProto, PrometheusProto]
                  targetLabels: [a, a]
                  endpoints: []
                """);

        assertThat(violations(result)).isEmpty();
    }

    @Test
    void shouldValidateAnArgoApplicationWithPreservedAndEmbeddedFields() {
        SchemaResult result = validate(APPLICATION_CRD, """
                apiVersion: argoproj.io/v1alpha1
                kind: Application
                metadata: {name: guestbook, namespace: argocd}
                spec:
                  project: default
                  destination: {server: https://kubernetes.default.svc, namespace: guestbook}
                  source:
                    repoURL: https://github.com/argoproj/argocd-example-apps.git
                    path: guestbook
                    helm:
                      valuesObject: {replicaCount: 2, image: {tag: v1}}
                      parameters: [{name: a, value: b}]
                  syncPolicy:
                    automated: null
                    syncOptions: [CreateNamespace=true]
                status:
                  reconciledAt: "2024-01-01T00:00:00Z"
                  resources:
                    - live: {apiVersion: v1, kind: ConfigMap, metadata: {name: c}, data: {a: b}}
                """, "argoproj.io/v1alpha1", "Application");

        assertThat(violations(result)).isEmpty();
    }

    @Test
    void shouldFindTheMistakesOfAnArgoApplication() {
        SchemaResult result = validate(APPLICATION_CRD, """
                apiVersion: argoproj.io/v1alpha1
                kind: Application
                metadata: {name: guestbook}
                spec:
                  destination: {server: https://kubernetes.default.svc}
                  source: {path: guestbook, targetRevison: HEAD}
                  revisionHistoryLimit: ten
                """, "argoproj.io/v1alpha1", "Application");

        assertThat(violations(result)).extracting(SchemaViolation::describe).containsExactly(
                "deploy/app.yaml:5:3: missing required property 'project' in spec",
                "deploy/app.yaml:6:11: missing required property 'repoURL' in spec.source",
                "deploy/app.yaml:6:29: unknown property 'targetRevison' in spec.source; did you mean"
                        + " 'targetRevision'? Allowed: helm, path, repoURL, targetRevision",
                "deploy/app.yaml:7:25: expected an integer but found 'ten' in spec.revisionHistoryLimit");
    }

    @Test
    void shouldReportACrdSchemaTheApiServerWouldRefuseAtTheCrd() {
        CustomResourceSchemas schemas = CustomResourceSchemas.from(all(SERVICE_MONITOR_CRD
                .replace("maxLength: 63", "maxLength: -1")), true);

        assertThat(schemas.entries()).isEmpty();
        assertThat(schemas.problems()).singleElement().satisfies(p -> {
            assertThat(p.location()).hasToString("deploy/app.yaml:1:1");
            assertThat(p.message()).contains("'maxLength' is -1; expected a count from 0");
        });
    }

    @Test
    void shouldTreatASchemaAscentCannotCompileAsItsOwnBugNotAsASkip() {
        JSONObject uncompilable = new JSONObject().put("type", "object").put("minLength", "one");
        CustomResourceSchemas schemas = CustomResourceSchemas.of(Map.of("example.com/v1 Widget",
                new CustomResourceSchemas.Entry("example.com/v1", "Widget", uncompilable, "widgets.example.com",
                        new Location("deploy/crd.yaml", 1, 1))));
        SchemaRegistry registry = new SchemaRegistry(List.of(), true, KubernetesSchemaBundle::builtIn, network,
                UrlAllowList.none(), schemas);

        assertThatThrownBy(() -> registry.lookup(V1_31, "example.com/v1", "Widget"))
                .isInstanceOf(UncompilableSchemaException.class)
                .hasMessageStartingWith("Ascent could not compile the schema that CustomResourceDefinition"
                        + " widgets.example.com (deploy/crd.yaml:1:1) gives example.com/v1 Widget")
                .hasMessageEndingWith("this is a bug in Ascent, please report it with the CRD");
    }
}
