package io.ascent.core.manifest.schema;

import io.ascent.core.jsonschema.SchemaViolation;
import io.ascent.core.manifest.api.KubernetesVersion;
import io.ascent.core.network.UrlAllowList;
import io.ascent.core.yaml.YamlDocument;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.json.JSONArray;
import org.json.JSONObject;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Validates Kubernetes resources against the JSON schema of their kind for a target Kubernetes version: the
 * {@code manifest.schema} check. Build one per run (it caches every compiled schema) and call
 * {@link #validate} for each resource, from any number of threads.
 *
 * <p>A {@code null} value of a mapping key ({@code creationTimestamp: null}) is treated as if the key were absent,
 * as the API server does when it decodes a manifest: it never causes a type error, and a required key whose
 * value is {@code null} is reported as missing. Nulls inside lists are kept (and reported where a schema forbids
 * them).
 */
public final class ResourceSchemaValidator {
    private final SchemaRegistry registry;

    public ResourceSchemaValidator(SchemaRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    public static Builder builder() {
        return new Builder();
    }

    public SchemaRegistry registry() {
        return registry;
    }

    /**
     * Validates one resource.
     *
     * @param document      the YAML document holding the resource (for positions)
     * @param pointerPrefix where the resource is in the document: empty for a document that is the resource,
     *                      {@code [items, 3]} for the fourth item of a {@code List}
     * @param apiVersion    the resource's {@code apiVersion}, as written ({@code apps/v1})
     * @param kind          the resource's {@code kind}
     * @param target        the target Kubernetes version
     * @return the violations, located in {@code document} with pointers from the document's root; or why the
     *         resource was skipped
     */
    public SchemaResult validate(YamlDocument document, List<String> pointerPrefix, String apiVersion, String kind,
                                 KubernetesVersion target) {
        Node subject = nodeAt(document.root(), pointerPrefix);
        if (subject == null) {
            return new SchemaResult.Skipped("nothing at /" + String.join("/", pointerPrefix) + " in " + document.path());
        }
        SchemaRegistry.Lookup lookup = registry.lookup(target, apiVersion, kind);
        if (lookup instanceof SchemaRegistry.NotFound notFound) {
            List<CustomResourceSchemas.Entry> served = pointerPrefix.isEmpty()
                    ? registry.otherCrdVersions(apiVersion, kind) : List.of();
            if (!served.isEmpty()) {
                // The CRD is among the manifests and defines other versions: a certain refusal, not a missing schema
                // (kube-prometheus' ServiceMonitor written at monitoring.coreos.com/v2 was a SKIP saying "add its
                // CRD", with the CRD in manifests/setup/).
                Node written = YamlDocument.member(subject, "apiVersion");
                CustomResourceSchemas.Entry crd = served.get(0);
                String versions = String.join(", ", served.stream().map(CustomResourceSchemas.Entry::apiVersion)
                        .toList());
                return new SchemaResult.Checked(crd.source(), List.of(new SchemaViolation("/apiVersion",
                        document.locationOf(written == null ? subject : written), "apiVersion", apiVersion + " "
                        + kind + " is not served: the CustomResourceDefinition " + crd.crdName() + " ("
                        + crd.location() + ") defines " + versions + "; the API server refuses the object (no "
                        + "matches for kind " + kind + " in version " + apiVersion + "): write apiVersion: "
                        + served.get(0).apiVersion())), List.of());
            }
            return new SchemaResult.Skipped(notFound.reason(), notFound.remedy());
        }
        SchemaRegistry.Found found = (SchemaRegistry.Found) lookup;
        List<SchemaViolation> violations;
        // As the API server: a custom resource's defaults are filled in first, then it is validated.
        StructuralDefaults defaults = found.defaults();
        if (found.schema() instanceof ResourceSchema.Structural structural) {
            violations = structural.schema().validate(document, pointerPrefix, defaults.apply(subject));
        } else {
            Object json = valueAt(document.json(), pointerPrefix);
            violations = ((ResourceSchema.Everit) found.schema()).validator().validate(document, pointerPrefix,
                    defaults.apply(document.nullMembers() ? withoutNullMembers(json) : json));
        }
        return new SchemaResult.Checked(found.source(), violations, found.notes());
    }

    /** The node at a pointer's tokens, as {@link #valueAt} finds the JSON value; {@code null} when there is none. */
    private static Node nodeAt(Node root, List<String> tokens) {
        Node current = root;
        for (String token : tokens) {
            Node next = null;
            if (current instanceof MappingNode mapping) {
                for (NodeTuple tuple : mapping.getValue()) {
                    if (tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals(token)) {
                        next = tuple.getValueNode();
                        break;
                    }
                }
            } else if (current instanceof SequenceNode sequence) {
                try {
                    int index = Integer.parseInt(token);
                    next = index >= 0 && index < sequence.getValue().size() ? sequence.getValue().get(index) : null;
                } catch (NumberFormatException e) {
                    return null;
                }
            }
            if (next == null) {
                return null;
            }
            current = next;
        }
        return current;
    }

    private static Object valueAt(Object root, List<String> tokens) {
        Object current = root;
        for (String token : tokens) {
            if (current instanceof JSONObject object) {
                current = object.opt(token);
            } else if (current instanceof JSONArray array) {
                try {
                    current = array.opt(Integer.parseInt(token));
                } catch (NumberFormatException e) {
                    return null;
                }
            } else {
                return null;
            }
        }
        return current;
    }

    /** The value without mapping members whose value is null; the value itself when it has none (the usual case). */
    static Object withoutNullMembers(Object value) {
        return hasNullMember(value) ? copyWithoutNullMembers(value) : value;
    }

    private static boolean hasNullMember(Object value) {
        if (value instanceof JSONObject object) {
            for (String key : object.keySet()) {
                Object member = object.opt(key);
                if (member == JSONObject.NULL || hasNullMember(member)) {
                    return true;
                }
            }
        } else if (value instanceof JSONArray array) {
            for (int i = 0, n = array.length(); i < n; i++) {
                if (hasNullMember(array.opt(i))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Object copyWithoutNullMembers(Object value) {
        if (value instanceof JSONObject object) {
            JSONObject copy = new JSONObject();
            for (String key : object.keySet()) {
                Object member = object.opt(key);
                if (member != JSONObject.NULL) {
                    copy.put(key, copyWithoutNullMembers(member));
                }
            }
            return copy;
        }
        if (value instanceof JSONArray array) {
            JSONArray copy = new JSONArray();
            for (int i = 0, n = array.length(); i < n; i++) {
                copy.put(copyWithoutNullMembers(array.opt(i)));
            }
            return copy;
        }
        return value;
    }

    /** Settings of a validator; the defaults are the checklist's: {@code [default]}, strict, no CRDs. */
    public static final class Builder {
        private List<String> schemaLocations = List.of("default");
        private Path baseDirectory = Path.of(".");
        private Path repositoryRoot;
        private boolean strict = true;
        private Path cacheDirectory;
        private Duration timeout = Duration.ofSeconds(30);
        private SchemaFetcher fetcher;
        private UrlAllowList allowedUrls = UrlAllowList.none();
        private long maxCacheBytes = CachingHttpFetcher.DEFAULT_CACHE_BYTES;
        private final List<YamlDocument> crdDocuments = new ArrayList<>();
        private KubernetesSchemaBundle bundle;
        private KubernetesVersion clusterApiRelease;
        private ClusterApiSchemaBundle clusterApiBundle;
        private boolean everitOnly;

        /** {@code kubernetes.schemaLocations}, in order. */
        public Builder schemaLocations(List<String> locations) {
            this.schemaLocations = List.copyOf(locations);
            return this;
        }

        /** What relative folder locations are relative to: the repository root. */
        public Builder baseDirectory(Path directory) {
            this.baseDirectory = directory;
            return this;
        }

        /**
         * The folder that folder locations must stay inside (the repository root); the base directory if not set.
         * A location outside it, or a schema file that links out of its location's folder, is refused.
         */
        public Builder repositoryRoot(Path root) {
            this.repositoryRoot = root;
            return this;
        }

        /** {@code kubernetes.strict}: unknown fields are violations. */
        public Builder strict(boolean strict) {
            this.strict = strict;
            return this;
        }

        /** Where remote schemas are cached; {@link CachingHttpFetcher#defaultCacheDirectory()} if not set. */
        public Builder cacheDirectory(Path directory) {
            this.cacheDirectory = directory;
            return this;
        }

        /** How long one remote fetch may take in all: connecting, redirects and the whole body. */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /**
         * The URL prefixes the operator allows remote locations (and their schemas' references) to be fetched
         * from; none by default, so that a checklist alone never makes Ascent use the network.
         */
        public Builder allowedUrls(UrlAllowList allowed) {
            this.allowedUrls = allowed;
            return this;
        }

        /** The bound of the cache folder's total size ({@link CachingHttpFetcher#DEFAULT_CACHE_BYTES}). */
        public Builder maxCacheBytes(long bytes) {
            this.maxCacheBytes = bytes;
            return this;
        }

        /** Replaces the HTTP fetcher (tests, or {@link SchemaFetcher#offline()}). */
        public Builder fetcher(SchemaFetcher fetcher) {
            this.fetcher = fetcher;
            return this;
        }

        /** Replaces the bundled schemas (tests). */
        public Builder bundle(KubernetesSchemaBundle bundle) {
            this.bundle = bundle;
            return this;
        }

        /**
         * The manifests' documents, or only their CRDs: every {@code CustomResourceDefinition} among them (also
         * inside {@code List}s) provides the schema of its custom resources. Other documents are ignored.
         */
        public Builder customResourceDefinitions(Collection<YamlDocument> documents) {
            crdDocuments.addAll(documents);
            return this;
        }

        /**
         * {@code kubernetes.clusterApi.version}: objects of ClusterAPI's groups that no CRD among the manifests and
         * no location covers are validated against that release's bundled CRDs ({@code null}: none are).
         */
        public Builder clusterApiRelease(KubernetesVersion release) {
            this.clusterApiRelease = release;
            return this;
        }

        /** Replaces the bundled ClusterAPI CRDs (tests). */
        public Builder clusterApiBundle(ClusterApiSchemaBundle bundle) {
            this.clusterApiBundle = bundle;
            return this;
        }

        /** Compiles every schema with everit and validates the JSON copy, as before the structural validator. */
        Builder everitOnly() {
            this.everitOnly = true;
            return this;
        }

        /** @throws IllegalArgumentException for a location Ascent cannot read, naming it */
        public ResourceSchemaValidator build() {
            List<SchemaLocation> locations = new ArrayList<>();
            Path root = (repositoryRoot != null ? repositoryRoot : baseDirectory).toAbsolutePath().normalize();
            for (String text : schemaLocations) {
                SchemaLocation location = SchemaLocation.parse(text, baseDirectory);
                if (location.type() == SchemaLocation.Type.FOLDER
                        && !Path.of(location.root()).toAbsolutePath().normalize().startsWith(root)) {
                    throw new IllegalArgumentException("schema location '" + text + "' is outside the repository; "
                            + "folder locations must be inside it");
                }
                locations.add(location);
            }
            SchemaFetcher effectiveFetcher = fetcher != null ? fetcher : new CachingHttpFetcher(
                    cacheDirectory != null ? cacheDirectory : CachingHttpFetcher.defaultCacheDirectory(), timeout,
                    allowedUrls, maxCacheBytes);
            KubernetesSchemaBundle fixed = bundle;
            CustomResourceSchemas crds = crdDocuments.isEmpty() ? CustomResourceSchemas.none()
                    : CustomResourceSchemas.from(crdDocuments, strict);
            ClusterApiSchemaBundle fixedClusterApi = clusterApiBundle;
            ClusterApiSchemas clusterApi = new ClusterApiSchemas(clusterApiRelease, strict,
                    fixedClusterApi != null ? () -> fixedClusterApi : ClusterApiSchemaBundle::builtIn);
            return new ResourceSchemaValidator(new SchemaRegistry(locations, strict,
                    fixed != null ? () -> fixed : KubernetesSchemaBundle::builtIn, effectiveFetcher, allowedUrls, crds,
                    clusterApi, everitOnly));
        }
    }
}
