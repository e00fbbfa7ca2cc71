package io.ascent.core.manifest.schema;

import io.ascent.core.manifest.api.KubernetesVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * The Kubernetes JSON schemas bundled with Ascent ({@code k8s-schemas.zip}, written by
 * {@code tools/k8s-schemas/generate.py}): for every bundled release, which definition describes each
 * {@code apiVersion}/{@code kind}, and the definitions themselves, deduplicated across releases. Read from the
 * class path only; never the network. Thread-safe, and shared by every run in the JVM: what it parses is kept in
 * least-recently-used caches of bounded size.
 */
public final class KubernetesSchemaBundle {
    /** The class-path resource of the bundle. */
    public static final String RESOURCE = "/io/ascent/core/manifest/schema/k8s-schemas.zip";

    /** Parsed release indexes kept: a run needs its target's, concurrent builds a few. */
    static final int RELEASES_KEPT = 4;
    /** Parsed definitions kept; a run on one release uses a few hundred of the bundle's ~1,400. */
    static final int DEFINITIONS_KEPT = 1024;

    // Each release's index is parsed when first asked: a run needs only its target's. The bundle is shared by
    // every run in the JVM, so what is parsed is kept in caches of bounded size, never growing with runs.
    private final TreeMap<KubernetesVersion, String> versions = new TreeMap<>();
    private final ZipEntries entries;
    private final BoundedCache<KubernetesVersion, JSONObject> parsedVersions = new BoundedCache<>(RELEASES_KEPT);
    private final BoundedCache<String, JSONObject> parsed = new BoundedCache<>(DEFINITIONS_KEPT);
    private final JSONArray sources;

    private KubernetesSchemaBundle(JSONObject index, ZipEntries entries) {
        this.entries = entries;
        if (index.optInt("format") != 2) {
            throw new IllegalStateException("unsupported schema bundle format " + index.opt("format"));
        }
        JSONArray all = index.getJSONArray("versions");
        for (int i = 0; i < all.length(); i++) {
            String version = all.getString(i);
            if (!entries.contains("versions/" + version + ".json")) {
                throw new IllegalStateException("schema bundle: versions/" + version + ".json missing");
            }
            versions.put(KubernetesVersion.parse(version), "versions/" + version + ".json");
        }
        this.sources = index.optJSONArray("sources");
    }

    private JSONObject release(KubernetesVersion release) {
        String entry = versions.get(release);
        if (entry == null) {
            return null;
        }
        return parsedVersions.get(release,
                key -> new JSONObject(new String(entries.get(entry), StandardCharsets.UTF_8)));
    }

    /** The bundle shipped in Ascent's jar, read once. */
    public static KubernetesSchemaBundle builtIn() {
        return Holder.BUILT_IN;
    }

    private static final class Holder {
        static final KubernetesSchemaBundle BUILT_IN = of(ZipEntries.builtIn(RESOURCE, "schema bundle"));
    }

    /** Reads a bundle in the generator's format. */
    public static KubernetesSchemaBundle read(InputStream zip) throws IOException {
        return of(ZipEntries.bundle(zip, "schema bundle"));
    }

    private static KubernetesSchemaBundle of(ZipEntries.Bundle bundle) {
        return new KubernetesSchemaBundle(bundle.index(), bundle.entries());
    }

    /** How many parsed definitions and release indexes are kept now (for tests of the bound). */
    int cachedEntries() {
        return parsed.size() + parsedVersions.size();
    }

    /** The bundled releases, oldest first. */
    public List<KubernetesVersion> versions() {
        return List.copyOf(versions.keySet());
    }

    /** Where the bundled schemas come from (package, version, sha256, releases), as the generator wrote it. */
    public String provenance() {
        return sources == null ? "unknown" : sources.toString();
    }

    /**
     * The bundled release whose schemas stand for {@code target}: the same minor release, or the newest bundled
     * one when {@code target} is newer than all of them; empty when {@code target} is older than the oldest.
     */
    public Optional<KubernetesVersion> releaseFor(KubernetesVersion target) {
        if (versions.containsKey(target)) {
            return Optional.of(target);
        }
        if (!versions.isEmpty() && target.isAtLeast(versions.lastKey())) {
            return Optional.of(versions.lastKey());
        }
        return Optional.empty();
    }

    /** The {@code apiVersion kind} pairs a bundled release has schemas for. */
    public List<String> kinds(KubernetesVersion release) {
        JSONObject entry = release(release);
        return entry == null ? List.of() : List.copyOf(new TreeMap<>(entry.getJSONObject("kinds").toMap()).keySet());
    }

    /**
     * A self-contained draft-07 schema ({@code $ref} to the kind's definition plus every definition it reaches)
     * for one kind of one bundled release; empty when the release has no such kind. Every call builds a new
     * object: compile it once and keep the compiled schema.
     *
     * @param strict false removes {@code additionalProperties: false}, so unknown fields are allowed
     */
    public Optional<JSONObject> schema(KubernetesVersion release, String apiVersion, String kind, boolean strict) {
        JSONObject entry = release(release);
        if (entry == null) {
            return Optional.empty();
        }
        String root = entry.getJSONObject("kinds").optString(apiVersion + " " + kind, null);
        if (root == null) {
            return Optional.empty();
        }
        JSONObject names = entry.getJSONObject("definitions");
        JSONObject definitions = new JSONObject();
        Deque<String> pending = new ArrayDeque<>(List.of(root));
        while (!pending.isEmpty()) {
            String name = pending.pop();
            if (definitions.has(name)) {
                continue;
            }
            String blob = names.optString(name, null);
            if (blob == null) {
                throw new IllegalStateException("schema bundle: " + release + " has no definition " + name);
            }
            JSONObject definition = blob(blob);
            definitions.put(name, strict ? definition : CustomResourceSchemas.lenient(definition));
            collectReferences(definition, pending);
        }
        JSONObject schema = new JSONObject();
        schema.put("$ref", "#/definitions/" + root);
        schema.put("definitions", definitions);
        return Optional.of(schema);
    }

    private JSONObject blob(String id) {
        return parsed.get(id, key -> {
            byte[] bytes = entries.get("blobs/" + key + ".json");
            if (bytes == null) {
                throw new IllegalStateException("schema bundle: blob " + key + " missing");
            }
            return new JSONObject(new String(bytes, StandardCharsets.UTF_8));
        });
    }

    private static void collectReferences(Object node, Deque<String> out) {
        if (node instanceof JSONObject object) {
            for (String key : object.keySet()) {
                Object value = object.get(key);
                if (key.equals("$ref") && value instanceof String ref && ref.startsWith("#/definitions/")) {
                    out.push(ref.substring("#/definitions/".length()));
                } else {
                    collectReferences(value, out);
                }
            }
        } else if (node instanceof JSONArray array) {
            for (Object item : array) {
                collectReferences(item, out);
            }
        }
    }

}
