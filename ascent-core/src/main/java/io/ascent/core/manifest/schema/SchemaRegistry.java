package io.ascent.core.manifest.schema;

import io.ascent.core.jsonschema.LocatedSchemaValidator;
import io.ascent.core.jsonschema.StructuralSchema;
import io.ascent.core.manifest.api.ApiLifecycle;
import io.ascent.core.manifest.api.ApiLifecycleTable;
import io.ascent.core.manifest.api.KubernetesVersion;
import io.ascent.core.network.UrlAllowList;
import io.ascent.core.workspace.ConfinedFiles;
import io.ascent.core.workspace.RefusedFileException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.everit.json.schema.loader.SchemaClient;
import org.json.JSONObject;
import org.json.JSONTokener;

/**
 * Finds the schema of each (target version, apiVersion, kind), compiles it once and keeps it. Sources, in order:
 * the CRDs found among the manifests, then the schema locations in the order given. A location that has no
 * schema for a kind, or cannot be read (HTTP 500, timeout), makes the registry try the next one; only when none
 * has it is the kind "not found", with a reason naming every place tried. Thread-safe: concurrent lookups of the
 * same kind compile it once.
 */
public final class SchemaRegistry {
    /** The answer of a lookup. */
    public sealed interface Lookup {
    }

    /**
     * A compiled schema.
     *
     * @param schema the compiled schema
     * @param json   the draft-07 schema it was compiled from (do not change it)
     * @param notes  problems met on the way (a location that failed before a later one had the schema)
     * @param defaults what the API server fills in before it validates: a custom resource's schema defaults;
     *                 none for built-in kinds, whose defaults live in the API server's code, not their schemas
     */
    public record Found(ResourceSchema schema, JSONObject json, String source, List<String> notes,
                        StructuralDefaults defaults) implements Lookup {
        Found(ResourceSchema schema, JSONObject json, String source, List<String> notes) {
            this(schema, json, source, notes, StructuralDefaults.NONE);
        }
    }

    /**
     * No schema: {@code reason} is a sentence for a SKIP item, {@code remedy} what would give the object one (empty
     * when the lookup was not made: a name that cannot be a kind, a cancelled run).
     */
    public record NotFound(String reason, Optional<SchemaResult.Remedy> remedy) implements Lookup {
        NotFound(String reason) {
            this(reason, Optional.empty());
        }

        /** The reason and the remedy as one sentence, as {@link SchemaResult.Skipped#sentence()} gives it. */
        public String sentence() {
            return new SchemaResult.Skipped(reason, remedy).sentence();
        }
    }

    private record Key(KubernetesVersion version, String apiVersion, String kind) {
    }

    /** What a lookup gives when the thread was interrupted during a fetch; the interrupt flag is set again. */
    private static final NotFound INTERRUPTED = new NotFound("the run was cancelled while schemas were fetched");

    /** Compiles once; other threads asking for the same key wait for the first. */
    private final class Slot {
        private final Key key;
        private volatile Lookup value;

        Slot(Key key) {
            this.key = key;
        }

        Lookup get() {
            Lookup result = value;
            if (result == null) {
                synchronized (this) {
                    result = value;
                    if (result == null) {
                        result = resolve(key);
                        if (result != INTERRUPTED) { // a cancelled lookup is not an answer to keep
                            value = result;
                        }
                    }
                }
            }
            return result;
        }
    }

    private final List<SchemaLocation> locations;
    private final boolean strict;
    private final Supplier<KubernetesSchemaBundle> bundle;
    private final SchemaFetcher fetcher;
    private final UrlAllowList allowed;
    private final CustomResourceSchemas customResources;
    private final ClusterApiSchemas clusterApi;
    private final Map<Key, Slot> cache = new ConcurrentHashMap<>();
    /** Whether every schema is compiled with everit (the comparison test's reference); never in a run. */
    private final boolean everitOnly;

    /**
     * @param locations       where to look, in order (after the CRDs)
     * @param strict          whether unknown fields are violations
     * @param bundle          the bundled schemas (read only when a {@code default} location is asked)
     * @param fetcher         fetches {@code http(s)} locations; never called for {@code default} or folders
     * @param allowed         the URLs the operator allows; the fetcher is never asked for another one
     * @param customResources schemas derived from the manifests' CRDs
     */
    public SchemaRegistry(List<SchemaLocation> locations, boolean strict, Supplier<KubernetesSchemaBundle> bundle,
                          SchemaFetcher fetcher, UrlAllowList allowed, CustomResourceSchemas customResources) {
        this(locations, strict, bundle, fetcher, allowed, customResources, false);
    }

    SchemaRegistry(List<SchemaLocation> locations, boolean strict, Supplier<KubernetesSchemaBundle> bundle,
                   SchemaFetcher fetcher, UrlAllowList allowed, CustomResourceSchemas customResources,
                   boolean everitOnly) {
        this(locations, strict, bundle, fetcher, allowed, customResources, ClusterApiSchemas.none(), everitOnly);
    }

    /**
     * @param clusterApi ClusterAPI's bundled CRDs for the checklist's ClusterAPI release: asked last, for objects
     *                   of ClusterAPI's groups that neither the manifests' CRDs nor a location covers
     */
    SchemaRegistry(List<SchemaLocation> locations, boolean strict, Supplier<KubernetesSchemaBundle> bundle,
                   SchemaFetcher fetcher, UrlAllowList allowed, CustomResourceSchemas customResources,
                   ClusterApiSchemas clusterApi, boolean everitOnly) {
        this.clusterApi = Objects.requireNonNull(clusterApi, "clusterApi");
        this.everitOnly = everitOnly;
        this.locations = List.copyOf(locations);
        this.strict = strict;
        this.bundle = Objects.requireNonNull(bundle, "bundle");
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.allowed = Objects.requireNonNull(allowed, "allowed");
        this.customResources = Objects.requireNonNull(customResources, "customResources");
    }

    public boolean strict() {
        return strict;
    }

    public List<SchemaLocation> locations() {
        return locations;
    }

    /**
     * The schema of one kind for one target version; compiled on the first call, cached afterwards.
     *
     * @throws UncompilableSchemaException when the schema a manifest's CRD gives cannot be compiled (a bug)
     */
    public Lookup lookup(KubernetesVersion target, String apiVersion, String kind) {
        Key key = new Key(target, apiVersion, kind);
        return cache.computeIfAbsent(key, Slot::new).get();
    }

    /** The versions of {@code apiVersion}'s group and {@code kind} the manifests' CRDs define instead of it. */
    public List<CustomResourceSchemas.Entry> otherCrdVersions(String apiVersion, String kind) {
        return customResources.find(apiVersion, kind).isPresent() ? List.of()
                : customResources.otherVersions(apiVersion, kind);
    }

    /**
     * Why the bundled schemas cannot serve {@code target}, when the {@code default} location is among the
     * locations and the target is older than the oldest bundled release ({@code the bundled schemas cover
     * Kubernetes 1.22 to 1.37, not 1.21}); empty otherwise. A newer target is served by the newest release.
     */
    public Optional<String> bundleGap(KubernetesVersion target) {
        if (locations.stream().noneMatch(l -> l.type() == SchemaLocation.Type.DEFAULT)) {
            return Optional.empty();
        }
        KubernetesSchemaBundle schemas = bundle.get();
        if (schemas.releaseFor(target).isPresent()) {
            return Optional.empty();
        }
        List<KubernetesVersion> versions = schemas.versions();
        return Optional.of("the bundled schemas cover Kubernetes " + versions.get(0) + " to "
                + versions.get(versions.size() - 1) + ", not " + target);
    }

    private Lookup resolve(Key key) {
        Optional<String> badName = GroupVersionKind.problem(key.apiVersion(), key.kind());
        if (badName.isPresent()) {
            return new NotFound(badName.get() + "; no schema was looked up");
        }
        Optional<CustomResourceSchemas.Entry> crd = customResources.find(key.apiVersion(), key.kind());
        List<String> notes = new ArrayList<>();
        if (crd.isPresent()) {
            return fromCrd(key, crd.get().schema(), crd.get().source(), notes);
        }
        for (SchemaLocation location : locations) {
            if (Thread.currentThread().isInterrupted()) {
                return INTERRUPTED;
            }
            try {
                Optional<Found> found = switch (location.type()) {
                    case DEFAULT -> fromBundle(key, notes);
                    case FOLDER -> fromFolder(location, key, notes);
                    case REMOTE -> fromRemote(location, key, notes);
                };
                if (found.isPresent()) {
                    return found.get();
                }
            } catch (RuntimeException e) {
                // A schema from a folder or URL is user input: SchemaException and JSONException are the usual
                // failures, but a malformed schema can make everit throw anything; it must not stop the run.
                notes.add("the schema for " + key.apiVersion() + " " + key.kind() + " in " + location
                        + " cannot be used: " + e.getMessage());
            }
        }
        if (Thread.currentThread().isInterrupted()) {
            return INTERRUPTED;
        }
        Optional<ClusterApiSchemas.Schema> bundled = clusterApi.find(key.apiVersion(), key.kind());
        if (bundled.isPresent()) {
            return fromCrd(key, bundled.get().json(), bundled.get().source(), notes);
        }
        return new NotFound(reason(key, notes), Optional.of(clusterApi.remedy(key.apiVersion(), key.kind())
                .orElseGet(() -> remedy(key))));
    }

    /** A CRD's converted schema (from the manifests, or ClusterAPI's bundled ones), compiled. */
    private Found fromCrd(Key key, JSONObject schema, String source, List<String> notes) {
        try {
            return new Found(compile(schema), schema, source, notes, StructuralDefaults.of(schema));
        } catch (RuntimeException e) {
            // CustomResourceSchemas refuses what the API server refuses; a schema it let through that everit
            // cannot compile is Ascent's mistake. Skipping the kind would pass its resources unchecked.
            throw new UncompilableSchemaException("Ascent could not compile the schema that " + source
                    + " gives " + key.apiVersion() + " " + key.kind() + " (" + e.getMessage()
                    + "); this is a bug in Ascent, please report it with the CRD", e);
        }
    }

    private String reason(Key key, List<String> notes) {
        StringBuilder reason = new StringBuilder("no schema for ").append(key.apiVersion()).append(' ')
                .append(key.kind()).append(" (Kubernetes ").append(key.version()).append(") in ");
        if (locations.isEmpty()) {
            reason.append("any location (none is configured)");
        }
        for (int i = 0; i < locations.size(); i++) {
            reason.append(i == 0 ? "" : i == locations.size() - 1 ? " or " : ", ").append(locations.get(i));
        }
        if (!notes.isEmpty()) {
            reason.append(" (").append(String.join("; ", notes)).append(')');
        }
        return reason.toString();
    }

    /**
     * What would give the object a schema. No CRD does for a built-in API: one the target release does not serve
     * (examples/removed-apis: extensions/v1beta1 Ingress on 1.25) must move to a served version, and a kind its
     * built-in group does not have is misspelt; {@code manifest.api-version} says which in both cases.
     */
    private static SchemaResult.Remedy remedy(Key key) {
        ApiLifecycleTable builtIn = ApiLifecycleTable.builtIn();
        Optional<ApiLifecycle> lifecycle = builtIn.find(key.apiVersion(), key.kind());
        if (lifecycle.isPresent()) {
            return lifecycle.get().isServedIn(key.version())
                    ? SchemaResult.Remedy.other("add a schemaLocation that has it")
                    : SchemaResult.Remedy.other("a built-in API Kubernetes " + key.version() + " does not serve: move"
                            + " the object to the version manifest.api-version names");
        }
        int slash = key.apiVersion().indexOf('/');
        String group = slash < 0 ? "" : key.apiVersion().substring(0, slash);
        if (builtIn.knowsGroup(group)) {
            return SchemaResult.Remedy.other("its API group is built in and has no such kind in the releases Ascent"
                    + " knows: check the kind and apiVersion (manifest.api-version)");
        }
        return SchemaResult.Remedy.CRD;
    }

    private Optional<Found> fromBundle(Key key, List<String> notes) {
        Optional<Found> tool = fromToolSchemas(key, notes);
        if (tool.isPresent()) {
            return tool;
        }
        KubernetesSchemaBundle schemas = bundle.get();
        Optional<KubernetesVersion> release = schemas.releaseFor(key.version());
        if (release.isEmpty()) {
            notes.add(bundleGap(key.version()).orElseThrow());
            return Optional.empty();
        }
        Optional<JSONObject> json = schemas.schema(release.get(), key.apiVersion(), key.kind(), strict);
        if (json.isEmpty()) {
            return Optional.empty();
        }
        String source = "bundled Kubernetes " + release.get() + " schema of " + key.apiVersion() + " " + key.kind();
        if (!release.get().equals(key.version())) {
            source += " (the newest bundled release; the target is " + key.version() + ")";
        }
        return Optional.of(new Found(compile(json.get()), json.get(), source, notes));
    }

    /** A tool's configuration (kind's Cluster) the Kubernetes schemas do not know: not tied to a release. */
    private Optional<Found> fromToolSchemas(Key key, List<String> notes) {
        return ToolConfigurationSchemas.schema(key.apiVersion(), key.kind()).map(json -> new Found(compile(json), json,
                ToolConfigurationSchemas.source(key.apiVersion(), key.kind()), notes));
    }

    private Optional<Found> fromFolder(SchemaLocation location, Key key, List<String> notes) {
        String path = location.expand(key.version(), key.apiVersion(), key.kind(), strict);
        Path file;
        try {
            file = Path.of(path);
        } catch (java.nio.file.InvalidPathException e) {
            notes.add(path + " is not a valid path: " + e.getMessage());
            return Optional.empty();
        }
        ConfinedFiles files = ConfinedFiles.under(Path.of(location.root()), CachingHttpFetcher.MAX_BYTES);
        byte[] bytes;
        try {
            bytes = files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            notes.add(path + " cannot be read: the file " + e.getMessage());
            return Optional.empty();
        }
        JSONObject json = new JSONObject(new JSONTokener(new String(bytes, StandardCharsets.UTF_8)));
        return Optional.of(new Found(compile(json, file.toUri(), folderReferences(files)), json, path, notes));
    }

    private Optional<Found> fromRemote(SchemaLocation location, Key key, List<String> notes) {
        String url = location.expand(key.version(), key.apiVersion(), key.kind(), strict);
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            notes.add(url + " is not a valid URL");
            return Optional.empty();
        }
        if (!allowed.allows(uri)) {
            notes.add(url + " was not fetched: the operator has not allowed it (" + UrlAllowList.OPTION + " or "
                    + UrlAllowList.ENVIRONMENT_VARIABLE + ")");
            return Optional.empty();
        }
        SchemaFetcher.Outcome outcome;
        try {
            outcome = fetcher.fetch(uri);
        } catch (InterruptedException e) {
            // Checks cannot throw it; the flag makes the lookup stop here and the manifest step throw it.
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        if (outcome instanceof SchemaFetcher.Fetched fetched) {
            JSONObject json = new JSONObject(new JSONTokener(fetched.body()));
            return Optional.of(new Found(compile(json, uri, remoteReferences(location.root())), json, url, notes));
        }
        if (outcome instanceof SchemaFetcher.Failed failed) {
            notes.add(failed.reason());
        }
        return Optional.empty();
    }

    /** References of a folder's schema: files under the folder only, through the same gate. */
    private static SchemaClient folderReferences(ConfinedFiles files) {
        return url -> {
            URI uri = URI.create(url).normalize();
            if (!"file".equals(uri.getScheme())) {
                throw outside(url);
            }
            try {
                return new ByteArrayInputStream(files.readAllBytes(Path.of(uri)));
            } catch (RefusedFileException e) {
                throw outside(url);
            } catch (IOException e) {
                throw new UncheckedIOException(new IOException("referenced schema " + url + " cannot be read"));
            }
        };
    }

    /**
     * References of a remote schema: URLs under the location's base only, fetched like the schema itself (the
     * operator's allow-list applies to them too). A {@code file:} reference from a server is never opened.
     */
    private SchemaClient remoteReferences(String root) {
        return url -> {
            URI uri = URI.create(url).normalize();
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || !uri.toString().startsWith(root)
                    || !allowed.allows(uri)) {
                throw outside(url);
            }
            SchemaFetcher.Outcome outcome;
            try {
                outcome = fetcher.fetch(uri);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UncheckedIOException(new java.io.InterruptedIOException("schema fetch interrupted"));
            }
            if (outcome instanceof SchemaFetcher.Fetched fetched) {
                return new ByteArrayInputStream(fetched.body().getBytes(StandardCharsets.UTF_8));
            }
            throw new UncheckedIOException(new IOException("referenced schema " + url + " could not be fetched"));
        };
    }

    private static UncheckedIOException outside(String url) {
        return new UncheckedIOException(new IOException("referenced schema " + shorten(url)
                + " is outside the schema location; Ascent reads nothing else"));
    }

    private static String shorten(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }

    /**
     * Compiles a schema read from a file or URL; {@code references} is the only way its {@code $ref}s to other
     * documents are read.
     */
    private ResourceSchema compile(JSONObject json, URI base, SchemaClient references) {
        Optional<StructuralSchema> structural = everitOnly ? Optional.empty() : StructuralSchema.of(json);
        if (structural.isPresent()) {
            return new ResourceSchema.Structural(structural.get());
        }
        return new ResourceSchema.Everit(new LocatedSchemaValidator(LocatedSchemaValidator.loader()
                .schemaClient(references)
                .resolutionScope(base)
                .schemaJson(json)
                .build()
                .load()
                .build()));
    }

    /**
     * Compiles a self-contained schema (bundled or from a CRD): structurally when it lies in the subset, which it
     * does unless a CRD uses a keyword outside it; else with everit.
     */
    private ResourceSchema compile(JSONObject json) {
        Optional<StructuralSchema> structural = everitOnly ? Optional.empty() : StructuralSchema.of(json);
        return structural.<ResourceSchema>map(ResourceSchema.Structural::new)
                .orElseGet(() -> new ResourceSchema.Everit(LocatedSchemaValidator.fromJson(json)));
    }
}
