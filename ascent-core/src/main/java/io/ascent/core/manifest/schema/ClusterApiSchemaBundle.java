package io.ascent.core.manifest.schema;

import io.ascent.core.manifest.api.KubernetesVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * The CRD schemas of ClusterAPI's releases bundled with Ascent ({@code clusterapi/clusterapi-schemas.zip}, written
 * by {@code tools/clusterapi-schemas/generate.py}): for every bundled ClusterAPI minor release, which CRD and which
 * {@code openAPIV3Schema} each served {@code apiVersion}/{@code kind} of ClusterAPI's own modules has (the core
 * module and the Docker provider, CAPD), the schemas stored once however many releases share them. Read from the
 * class path only, and only when a ClusterAPI object needs it: a run without one never opens the zip. Thread-safe.
 */
public final class ClusterApiSchemaBundle {
    /** The class-path resource of the bundle. */
    public static final String RESOURCE = "/io/ascent/core/manifest/schema/clusterapi/clusterapi-schemas.zip";

    /** A bundled CRD version's schema and where it comes from. */
    public record Crd(KubernetesVersion release, String crdName, String module, JSONObject openApiSchema) {
    }

    private final ZipEntries entries;
    private final TreeMap<KubernetesVersion, String> releases = new TreeMap<>();
    private final BoundedCache<KubernetesVersion, JSONObject> parsedReleases = new BoundedCache<>(4);
    private final BoundedCache<String, JSONObject> parsedSchemas = new BoundedCache<>(64);

    private ClusterApiSchemaBundle(JSONObject index, ZipEntries entries) {
        this.entries = entries;
        if (index.optInt("format") != 1) {
            throw new IllegalStateException("unsupported ClusterAPI schema bundle format " + index.opt("format"));
        }
        JSONArray all = index.getJSONArray("releases");
        for (int i = 0; i < all.length(); i++) {
            String release = all.getString(i);
            String entry = "releases/" + release + ".json";
            if (!entries.contains(entry)) {
                throw new IllegalStateException("ClusterAPI schema bundle: " + entry + " missing");
            }
            releases.put(KubernetesVersion.parse(release), entry);
        }
    }

    /** The bundle shipped in Ascent's jar, read when first asked for. */
    public static ClusterApiSchemaBundle builtIn() {
        return Holder.BUILT_IN;
    }

    private static final class Holder {
        static final ClusterApiSchemaBundle BUILT_IN = of(ZipEntries.builtIn(RESOURCE, "ClusterAPI schema bundle"));
    }

    /** Reads a bundle in the generator's format. */
    public static ClusterApiSchemaBundle read(InputStream zip) throws IOException {
        return of(ZipEntries.bundle(zip, "ClusterAPI schema bundle"));
    }

    private static ClusterApiSchemaBundle of(ZipEntries.Bundle bundle) {
        return new ClusterApiSchemaBundle(bundle.index(), bundle.entries());
    }

    /** Whether an {@code apiVersion} is in ClusterAPI's API groups: {@code cluster.x-k8s.io} and its subgroups. */
    public static boolean isClusterApiGroup(String apiVersion) {
        int slash = apiVersion == null ? -1 : apiVersion.indexOf('/');
        if (slash < 0) {
            return false;
        }
        String group = apiVersion.substring(0, slash);
        return group.equals("cluster.x-k8s.io") || group.endsWith(".cluster.x-k8s.io");
    }

    /** The bundled ClusterAPI releases, oldest first. */
    public List<KubernetesVersion> releases() {
        return List.copyOf(releases.keySet());
    }

    /**
     * The bundled release whose CRDs stand for {@code wanted}: the same minor release, or the newest bundled one
     * when {@code wanted} is newer than all of them; empty when it is older than the oldest.
     */
    public Optional<KubernetesVersion> releaseFor(KubernetesVersion wanted) {
        if (releases.containsKey(wanted)) {
            return Optional.of(wanted);
        }
        if (!releases.isEmpty() && wanted.isAtLeast(releases.lastKey())) {
            return Optional.of(releases.lastKey());
        }
        return Optional.empty();
    }

    /** The {@code apiVersion kind} pairs a bundled release has CRD schemas for, sorted. */
    public List<String> kinds(KubernetesVersion release) {
        JSONObject entry = release(release);
        return entry == null ? List.of() : List.copyOf(new TreeSet<>(entry.getJSONObject("kinds").keySet()));
    }

    /** The module versions a release's CRDs come from ({@code sigs.k8s.io/cluster-api} to {@code v1.9.11}). */
    public Map<String, String> modules(KubernetesVersion release) {
        JSONObject entry = release(release);
        Map<String, String> out = new TreeMap<>();
        if (entry != null) {
            entry.getJSONObject("modules").toMap().forEach((module, version) -> out.put(module, (String) version));
        }
        return out;
    }

    /** The modules a release lacks, each with the reason ({@code sigs.k8s.io/cluster-api/test}, CAPD's). */
    public Map<String, String> missing(KubernetesVersion release) {
        JSONObject entry = release(release);
        Map<String, String> out = new TreeMap<>();
        if (entry != null) {
            entry.getJSONObject("missing").toMap().forEach((module, reason) -> out.put(module, (String) reason));
        }
        return out;
    }

    /**
     * The CRD schema of one {@code apiVersion}/{@code kind} in one bundled release, as the CRD has it (its
     * {@code openAPIV3Schema} without descriptions); empty when the release's modules have no such served kind.
     * The schema is shared: read it, do not change it.
     */
    public Optional<Crd> crd(KubernetesVersion release, String apiVersion, String kind) {
        JSONObject entry = release(release);
        JSONObject crd = entry == null ? null : entry.getJSONObject("kinds").optJSONObject(apiVersion + " " + kind);
        if (crd == null) {
            return Optional.empty();
        }
        JSONObject schema = parsedSchemas.get(crd.getString("schema"), this::schema);
        return Optional.of(new Crd(release, crd.getString("crd"), crd.getString("module"), schema));
    }

    private JSONObject schema(String id) {
        byte[] bytes = entries.get("blobs/" + id + ".json");
        if (bytes == null) {
            throw new IllegalStateException("ClusterAPI schema bundle: blob " + id + " missing");
        }
        return new JSONObject(new String(bytes, StandardCharsets.UTF_8));
    }

    private JSONObject release(KubernetesVersion release) {
        String entry = releases.get(release);
        if (entry == null) {
            return null;
        }
        return parsedReleases.get(release, key -> new JSONObject(new String(entries.get(entry), StandardCharsets.UTF_8)));
    }
}
