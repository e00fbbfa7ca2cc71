package io.ascent.core.manifest.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.manifest.ManifestValidationStep;
import io.ascent.core.manifest.ManifestWorkspace;
import io.ascent.core.manifest.api.ApiLifecycleTable;
import io.ascent.core.network.UrlAllowList;
import io.ascent.core.report.ErrorKind;
import io.ascent.core.report.Item;
import io.ascent.core.report.Report;
import io.ascent.core.report.Status;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.emitter.Emitter;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;
import org.yaml.snakeyaml.serializer.Serializer;

/**
 * A repository value of the wrong JSON type never ends the manifests step with an internal error. Real inputs (the
 * manifest-check fixtures, the examples, a kustomization with every field Ascent reads, a Helm chart as
 * {@link SourceFiles} reads it, a CRD with rules and list types, ClusterAPI objects) are damaged one node at a time:
 * each chosen value is replaced by a value of every other type (number, boolean, null, list, map, empty string), and
 * the step must still end with findings, never an {@code ascent.internal} item, and every ERROR it reports must say
 * where ({@code file:line:col}). The nodes are sampled with a fixed seed, so every run damages the same ones.
 */
class TypeConfusionTest {
    /** Nodes damaged per manifest document at most, each by up to six replacements; render inputs get all. */
    private static final int NODES_PER_DOCUMENT = Integer.getInteger("typeconfusion.nodes", 2);
    /** Nodes damaged per checklist at most. */
    private static final int CHECKLIST_NODES = Integer.getInteger("typeconfusion.checklistNodes", 12);
    private static final long SEED = 20261201L;
    private static final Path MANIFEST_CHECKS = Path.of("src/test/resources/manifest-checks");
    private static final Path EXAMPLES = Path.of("../examples");
    private static final String CHECKLIST = """
            kubernetes:
              version: "1.31"
              manifests: [deploy/]
              clusterApi:
                version: "1.8"
            """;

    /** Examples whose checklist is broken on purpose, so the manifests step never runs: given {@link #CHECKLIST}. */
    private static final java.util.Set<String> BROKEN_CHECKLISTS = java.util.Set.of("broken-paths");

    @TempDir
    Path repository;

    private final Random random = new Random(SEED);
    private int variants;
    /** Whether the run as written must reach the manifests step (an example's broken checklist stops it). */
    private boolean requireManifestStep = true;
    private final List<String> failures = new ArrayList<>();

    @Test
    void shouldNeverEndTheManifestsStepWithAnInternalErrorWhenAValueHasTheWrongType() throws IOException {
        try (Stream<Path> fixtures = Files.walk(MANIFEST_CHECKS)) {
            for (Path fixture : fixtures.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                String text = Files.readString(fixture);
                ManifestWorkspace workspace = fresh().checklist(fixtureChecklist(text))
                        .write("deploy/" + fixture.getFileName(), text);
                damageEach(workspace, "deploy/" + fixture.getFileName(), ManifestRenderer.unavailable(),
                        NODES_PER_DOCUMENT);
            }
        }
        for (Path example : examplesWithManifests()) {
            ManifestWorkspace workspace = fresh();
            List<String> files = copy(example, workspace.root());
            if (BROKEN_CHECKLISTS.contains(example.getFileName().toString())) {
                workspace.checklist(CHECKLIST);
            }
            for (String file : files) {
                damageEach(workspace, file, ManifestRenderer.unavailable(), NODES_PER_DOCUMENT);
            }
        }
        ManifestWorkspace rendered = renderedRepository();
        for (String file : List.of("deploy/overlays/prod/kustomization.yaml", "deploy/base/kustomization.yaml",
                "chart/Chart.yaml", "chart/values.yaml", "deploy/base/web.yaml")) {
            damageEach(rendered, file, scriptedRenderer(), Integer.MAX_VALUE);
        }
        ManifestWorkspace crd = fresh().checklist(CHECKLIST).write("deploy/crd.yaml", CRD_AND_RESOURCE);
        damageEach(crd, "deploy/crd.yaml", ManifestRenderer.unavailable(), Integer.MAX_VALUE);

        System.out.printf("TypeConfusionTest: %d variants%n", variants);
        assertThat(variants).as("variants run").isGreaterThan(1000);
        assertThat(failures).as("variants that ended with an internal error or an unlocated ERROR").isEmpty();
    }

    /** The checklist ManifestCheckFixturesTest gives a fixture: its {@code # target:} and {@code # level:}. */
    private static String fixtureChecklist(String fixture) {
        String target = header(fixture, "target").orElse("1.31");
        String level = header(fixture, "level")
                .map(l -> "  checks:\n    manifest.pod-security:\n      level: " + l + "\n").orElse("");
        return CHECKLIST.replace("\"1.31\"", "\"" + target + "\"") + level;
    }

    private static Optional<String> header(String text, String name) {
        String prefix = "# " + name + ": ";
        return text.lines().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length()).strip())
                .findFirst();
    }

    @Test
    void shouldNeverEndTheRunWithAnInternalErrorWhenAChecklistValueHasTheWrongType() throws IOException {
        requireManifestStep = false;
        try (Stream<Path> folders = Files.list(EXAMPLES)) {
            for (Path example : folders.filter(f -> Files.isRegularFile(f.resolve("ascent.yaml"))).sorted().toList()) {
                ManifestWorkspace workspace = fresh();
                copy(example, workspace.root());
                damageEach(workspace, "ascent.yaml", ManifestRenderer.unavailable(), CHECKLIST_NODES);
            }
        }
        System.out.printf("TypeConfusionTest: %d checklist variants%n", variants);
        assertThat(variants).as("variants run").isGreaterThan(300);
        assertThat(failures).as("variants that ended with an internal error or an unlocated ERROR").isEmpty();
    }

    private ManifestWorkspace fresh() {
        try {
            Path root = Files.createTempDirectory(repository, "repo");
            return new ManifestWorkspace(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> examplesWithManifests() throws IOException {
        try (Stream<Path> folders = Files.list(EXAMPLES)) {
            return folders.filter(f -> Files.isDirectory(f.resolve("deploy"))).sorted().toList();
        }
    }

    /** Copies the example; returns its YAML files below deploy/. */
    private static List<String> copy(Path example, Path root) throws IOException {
        List<String> yamlFiles = new ArrayList<>();
        try (Stream<Path> files = Files.walk(example)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String relative = example.relativize(file).toString();
                Path target = root.resolve(relative);
                Files.createDirectories(target.getParent());
                Files.copy(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                if (relative.startsWith("deploy/") && (relative.endsWith(".yaml") || relative.endsWith(".yml"))) {
                    yamlFiles.add(relative);
                }
            }
        }
        return yamlFiles;
    }

    /**
     * Runs the step on the repository as it is, then once for every sampled node of {@code file} and every
     * replacement of another type, restoring the file afterwards.
     */
    private void damageEach(ManifestWorkspace workspace, String file, ManifestRenderer renderer, int nodesPerDocument)
            throws IOException {
        Path path = workspace.root().resolve(file);
        String original = Files.readString(path);
        check(workspace, renderer, file + " as written");
        List<Node> documents = new ArrayList<>();
        try {
            new Yaml(new LoaderOptions()).composeAll(new java.io.StringReader(original)).forEach(documents::add);
        } catch (RuntimeException e) {
            return; // a fixture that is broken YAML on purpose: nothing to damage
        }
        try {
            for (int d = 0; d < documents.size(); d++) {
                List<Slot> slots = new ArrayList<>();
                collect(documents.get(d), slots, null);
                java.util.Collections.shuffle(slots, random);
                for (Slot slot : slots.subList(0, Math.min(nodesPerDocument, slots.size()))) {
                    for (Node replacement : replacements()) {
                        if (sameType(slot.node(), replacement)) {
                            continue;
                        }
                        slot.put(replacement);
                        Files.writeString(path, emit(documents), StandardCharsets.UTF_8);
                        check(workspace, renderer, file + " document " + (d + 1) + " " + slot.where()
                                + " := " + describe(replacement));
                        slot.put(slot.node());
                    }
                }
            }
        } finally {
            Files.writeString(path, original, StandardCharsets.UTF_8);
        }
    }

    private void check(ManifestWorkspace workspace, ManifestRenderer renderer, String variant) {
        variants++;
        boolean asWritten = variant.endsWith(" as written");
        Report report;
        try {
            report = workspace.validate(Optional.empty(), new ManifestValidationStep(ApiLifecycleTable.builtIn(), 1,
                    null, UrlAllowList.none(), renderer));
        } catch (RuntimeException e) {
            failures.add(variant + ": threw " + e);
            return;
        }
        if (asWritten && requireManifestStep && report.items().stream().noneMatch(i -> i.id().equals("manifest.parse"))) {
            failures.add(variant + ": the manifests step did not run (" + report.items() + ")");
        }
        for (Item item : report.items()) {
            if (item.id().equals("ascent.internal") || item.errorKind() == ErrorKind.INTERNAL) {
                failures.add(variant + ": " + item.id() + " " + item.message());
            } else if (item.status() == Status.ERROR && (item.location() == null || !item.location().hasLine())) {
                failures.add(variant + ": unlocated ERROR " + item.id() + " " + item.message());
            }
        }
    }

    /** A place in the node tree that holds a value, and how to put another one there. */
    private record Slot(Node node, String where, Consumer<Node> setter) {
        void put(Node value) {
            setter.accept(value);
        }
    }

    private static void collect(Node node, List<Slot> slots, String where) {
        if (node instanceof MappingNode mapping) {
            List<NodeTuple> tuples = mapping.getValue();
            for (int i = 0; i < tuples.size(); i++) {
                int index = i;
                NodeTuple tuple = tuples.get(i);
                String key = tuple.getKeyNode() instanceof ScalarNode s ? s.getValue() : "?";
                String at = (where == null ? "" : where) + "/" + key;
                slots.add(new Slot(tuple.getValueNode(), at,
                        value -> tuples.set(index, new NodeTuple(tuple.getKeyNode(), value))));
                collect(tuple.getValueNode(), slots, at);
            }
        } else if (node instanceof SequenceNode sequence) {
            List<Node> items = sequence.getValue();
            for (int i = 0; i < items.size(); i++) {
                int index = i;
                String at = (where == null ? "" : where) + "/" + i;
                slots.add(new Slot(items.get(i), at, value -> items.set(index, value)));
                collect(items.get(i), slots, at);
            }
        }
    }

    /**
     * A value of every type: a number (one of a small, a negative, a fractional and a too-large one, chosen by the
     * seed; all four with {@code -Dtypeconfusion.allNumbers=true}), a boolean, null, the empty string, a list, a map.
     */
    private List<Node> replacements() {
        List<Node> numbers = List.of(scalar(Tag.INT, "1", DumperOptions.ScalarStyle.PLAIN),
                scalar(Tag.INT, "-1", DumperOptions.ScalarStyle.PLAIN),
                scalar(Tag.FLOAT, "1.5", DumperOptions.ScalarStyle.PLAIN),
                scalar(Tag.INT, "99999999999999999999", DumperOptions.ScalarStyle.PLAIN));
        List<Node> out = new ArrayList<>(Boolean.getBoolean("typeconfusion.allNumbers") ? numbers
                : List.of(numbers.get(random.nextInt(numbers.size()))));
        out.addAll(List.of(
                scalar(Tag.BOOL, "true", DumperOptions.ScalarStyle.PLAIN),
                scalar(Tag.NULL, "null", DumperOptions.ScalarStyle.PLAIN),
                scalar(Tag.STR, "", DumperOptions.ScalarStyle.DOUBLE_QUOTED),
                new SequenceNode(Tag.SEQ, List.of(scalar(Tag.STR, "x", DumperOptions.ScalarStyle.PLAIN)),
                        DumperOptions.FlowStyle.FLOW),
                new MappingNode(Tag.MAP, List.of(new NodeTuple(scalar(Tag.STR, "a", DumperOptions.ScalarStyle.PLAIN),
                        scalar(Tag.INT, "1", DumperOptions.ScalarStyle.PLAIN))), DumperOptions.FlowStyle.FLOW)));
        return out;
    }

    private static ScalarNode scalar(Tag tag, String value, DumperOptions.ScalarStyle style) {
        return new ScalarNode(tag, value, null, null, style);
    }

    private static boolean sameType(Node original, Node replacement) {
        if (original instanceof ScalarNode s && replacement instanceof ScalarNode r) {
            return s.getTag().equals(r.getTag()) && (!r.getValue().isEmpty() || s.getValue().isEmpty());
        }
        return original.getClass() == replacement.getClass();
    }

    private static String describe(Node replacement) {
        if (replacement instanceof ScalarNode s) {
            return s.getValue().isEmpty() ? "\"\"" : s.getValue();
        }
        return replacement instanceof SequenceNode ? "[x]" : "{a: 1}";
    }

    private static String emit(List<Node> documents) {
        DumperOptions options = new DumperOptions();
        options.setExplicitStart(documents.size() > 1);
        StringWriter out = new StringWriter();
        Serializer serializer = new Serializer(new Emitter(out, options), new Resolver(), options, null);
        try {
            serializer.open();
            for (Node document : documents) {
                serializer.serialize(document);
            }
            serializer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** A kustomization with every field Ascent reads, and a chart whose Chart.yaml and values SourceFiles read. */
    private ManifestWorkspace renderedRepository() {
        return fresh().checklist("""
                kubernetes:
                  version: "1.31"
                  manifests: [deploy/, chart/]
                  render:
                    - kustomize: deploy/overlays/prod
                    - helm: chart
                """)
                .write("deploy/base/kustomization.yaml", "resources: [web.yaml]\n")
                .write("deploy/base/web.yaml", ManifestRendererTest.PRIVILEGED_WEB)
                .write("deploy/overlays/prod/kustomization.yaml", """
                        apiVersion: kustomize.config.k8s.io/v1beta1
                        kind: Kustomization
                        metadata: {name: prod}
                        resources: [../../base, https://example.com/remote.yaml]
                        bases: [../../base]
                        components: [../../components/extra]
                        namePrefix: prod-
                        namespace: prod
                        commonLabels: {tier: web}
                        patchesStrategicMerge: [replicas-smp.yaml, "apiVersion: v1\\nkind: X"]
                        patches:
                          - path: replicas.yaml
                            target: {kind: Deployment}
                        patchesJson6902:
                          - path: replicas.yaml
                            target: {kind: Deployment, name: web}
                        replacements:
                          - path: replacements.yaml
                        configMapGenerator:
                          - name: settings
                            literals: [mode=production]
                            files: [app.properties, key=other.properties]
                            envs: [app.env]
                            env: legacy.env
                        secretGenerator:
                          - name: token
                            envs: [token.env]
                        configurations: [config.yaml]
                        transformers: [transformer.yaml]
                        generators: [generator.yaml]
                        validators: [validator.yaml]
                        helmCharts:
                          - name: web
                            valuesFile: values.yaml
                        openapi:
                          path: schema.json
                        """)
                .write("deploy/overlays/prod/replicas.yaml", "- op: replace\n  path: /spec/replicas\n  value: 3\n")
                .write("deploy/overlays/prod/replicas-smp.yaml", "apiVersion: apps/v1\nkind: Deployment\n"
                        + "metadata: {name: web}\nspec: {replicas: 2}\n")
                .write("chart/Chart.yaml", """
                        apiVersion: v2
                        name: web
                        version: 1.0.0
                        appVersion: "1.27"
                        type: application
                        dependencies:
                          - name: redis
                            version: 18.0.0
                            repository: https://charts.example.com
                            condition: redis.enabled
                        """)
                .write("chart/values.yaml", """
                        replicaCount: 2
                        image: {repository: nginx, tag: "1.27"}
                        redis: {enabled: false}
                        ingress: {enabled: false, hosts: [{host: a.example.com, paths: [/]}]}
                        """)
                .write("chart/templates/deployment.yaml", "apiVersion: apps/v1\nkind: Deployment\n"
                        + "metadata:\n  name: {{ .Release.Name }}\n");
    }

    /** kustomize and helm both print the privileged web Deployment. */
    private static ManifestRenderer scriptedRenderer() {
        return new ManifestRenderer((argv, environment, timeout) -> ToolRunner.ToolRun.exited(0,
                ManifestRendererTest.KUSTOMIZE_OUTPUT, ""), Duration.ofSeconds(30));
    }

    /** A CRD with validation rules, list types and defaults, and a custom resource of it. */
    private static final String CRD_AND_RESOURCE = """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata:
              name: widgets.example.com
            spec:
              group: example.com
              names: {kind: Widget, plural: widgets, singular: widget, listKind: WidgetList}
              scope: Namespaced
              versions:
                - name: v1
                  served: true
                  storage: true
                  schema:
                    openAPIV3Schema:
                      type: object
                      properties:
                        spec:
                          type: object
                          required: [size]
                          x-kubernetes-validations:
                            - rule: "self.size <= self.max"
                              message: size must not exceed max
                              fieldPath: .size
                          properties:
                            size: {type: integer, minimum: 1, default: 1}
                            max: {type: integer, maximum: 10}
                            mode: {type: string, enum: [fast, slow], pattern: "^[a-z]+$", maxLength: 8}
                            ports:
                              type: array
                              maxItems: 4
                              x-kubernetes-list-type: map
                              x-kubernetes-list-map-keys: [name]
                              items:
                                type: object
                                required: [name]
                                properties:
                                  name: {type: string}
                                  port: {type: integer, format: int32}
                            tags:
                              type: array
                              x-kubernetes-list-type: set
                              items: {type: string}
                            labels:
                              type: object
                              additionalProperties: {type: string}
                              x-kubernetes-map-type: granular
                            raw:
                              x-kubernetes-preserve-unknown-fields: true
                              type: object
                            either:
                              x-kubernetes-int-or-string: true
                              anyOf: [{type: integer}, {type: string}]
            ---
            apiVersion: example.com/v1
            kind: Widget
            metadata:
              name: one
              namespace: default
            spec:
              size: 3
              max: 5
              mode: fast
              ports: [{name: http, port: 80}, {name: https, port: 443}]
              tags: [a, b]
              labels: {team: web}
              either: 8080
            """;
}
