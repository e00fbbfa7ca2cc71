package io.ascent.core.manifest.schema;

import io.ascent.core.manifest.api.ApiLifecycleTable;
import io.ascent.core.manifest.api.KubernetesVersion;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.json.JSONObject;

/**
 * ClusterAPI's own kinds validated against the CRDs of the ClusterAPI release the checklist names
 * ({@code kubernetes.clusterApi.version}), from {@link ClusterApiSchemaBundle}: the last source the registry asks,
 * after the manifests' CRDs and the schema locations, so that a CRD in the manifests or a location wins. The
 * bundled {@code openAPIV3Schema} is converted exactly as a CRD found among the manifests
 * ({@link CustomResourceSchemas#convert}). The bundle is opened only when an object of a ClusterAPI group asks.
 */
public final class ClusterApiSchemas {
    private static final String TEST_MODULE = "sigs.k8s.io/cluster-api/test";
    private static final String BUNDLED = " (bundled with Ascent, from ";

    /** A converted schema and how reports name it. */
    record Schema(JSONObject json, String source) {
    }

    private final KubernetesVersion release;
    private final boolean strict;
    private final Supplier<ClusterApiSchemaBundle> bundle;

    /**
     * @param release the ClusterAPI release the checklist names, or {@code null} when it names none (then no
     *                bundled schema applies, and a SKIP says how to make them apply)
     */
    public ClusterApiSchemas(KubernetesVersion release, boolean strict, Supplier<ClusterApiSchemaBundle> bundle) {
        this.release = release;
        this.strict = strict;
        this.bundle = Objects.requireNonNull(bundle, "bundle");
    }

    /** No ClusterAPI release named: nothing bundled applies. */
    public static ClusterApiSchemas none() {
        return new ClusterApiSchemas(null, true, ClusterApiSchemaBundle::builtIn);
    }

    /**
     * The bundled schema of a ClusterAPI kind for the checklist's release (the newest bundled release for a newer
     * one); empty for another group, without a release, or when the release's CRDs have no such served kind.
     *
     * @throws IllegalArgumentException when the bundled schema cannot be converted (a broken bundle)
     */
    Optional<Schema> find(String apiVersion, String kind) {
        if (release == null || !ClusterApiSchemaBundle.isClusterApiGroup(apiVersion)) {
            return Optional.empty();
        }
        ClusterApiSchemaBundle schemas = bundle.get();
        Optional<KubernetesVersion> used = schemas.releaseFor(release);
        if (used.isEmpty()) {
            return Optional.empty();
        }
        return schemas.crd(used.get(), apiVersion, kind).map(crd -> new Schema(
                CustomResourceSchemas.convert(crd.openApiSchema(), strict, true, false), source(crd)));
    }

    /** Whether a schema's source (as {@code SchemaResult.Checked} names it) is one of ClusterAPI's bundled CRDs. */
    public static boolean isBundled(String source) {
        return source.startsWith("ClusterAPI ") && source.contains("'s CRD ") && source.contains(BUNDLED);
    }

    private String source(ClusterApiSchemaBundle.Crd crd) {
        return source(crd, release);
    }

    /**
     * How reports name a bundled CRD: {@code ClusterAPI 1.9's CRD clusters.cluster.x-k8s.io (bundled with Ascent,
     * from sigs.k8s.io/cluster-api v1.9.11)}, saying so when it is the newest bundled release standing in for a
     * newer {@code release}.
     */
    public static String source(ClusterApiSchemaBundle.Crd crd, KubernetesVersion release) {
        String source = "ClusterAPI " + crd.release() + "'s CRD " + crd.crdName() + BUNDLED
                + crd.module().replace("@", " ");
        if (!crd.release().equals(release)) {
            source += "; the newest bundled release, kubernetes.clusterApi.version is " + release;
        }
        return source + ")";
    }

    /**
     * What would give a ClusterAPI object without a schema one; empty when the object is not ClusterAPI's, so the
     * usual advice applies. Opens the bundle only when a release
     * is named.
     */
    Optional<SchemaResult.Remedy> remedy(String apiVersion, String kind) {
        if (!ClusterApiSchemaBundle.isClusterApiGroup(apiVersion)) {
            return Optional.empty();
        }
        ApiLifecycleTable table = ApiLifecycleTable.clusterApi();
        boolean known = !table.versionsOf(group(apiVersion), kind).isEmpty();
        if (release == null) {
            return known ? Optional.of(SchemaResult.Remedy.addCrd("set kubernetes.clusterApi.version to the"
                    + " ClusterAPI release the cluster runs, so that Ascent's bundled ClusterAPI CRDs apply, or add its"
                    + " CRD to the manifests or a schemaLocation")) : Optional.empty();
        }
        ClusterApiSchemaBundle schemas = bundle.get();
        Optional<KubernetesVersion> used = schemas.releaseFor(release);
        List<KubernetesVersion> all = schemas.releases();
        if (used.isEmpty()) {
            return Optional.of(SchemaResult.Remedy.addCrd("Ascent bundles the CRDs of ClusterAPI " + all.get(0)
                    + " to " + all.get(all.size() - 1) + ", not " + release + ": add its CRD to the manifests or a"
                    + " schemaLocation"));
        }
        Map<String, String> missing = schemas.missing(used.get());
        if (missing.containsKey(TEST_MODULE) && group(apiVersion).equals("infrastructure.cluster.x-k8s.io")) {
            return Optional.of(SchemaResult.Remedy.addCrd("Ascent's bundle of ClusterAPI " + used.get() + " lacks the"
                    + " Docker provider's CRDs (" + missing.get(TEST_MODULE) + "): add its CRD to the manifests or a"
                    + " schemaLocation"));
        }
        if (known) {
            return Optional.of(SchemaResult.Remedy.other("ClusterAPI " + used.get() + " does not serve " + apiVersion
                    + " " + kind + " (kubernetes.clusterApi.version is " + release + "): move the object to the version"
                    + " manifest.api-version names"));
        }
        return Optional.empty();
    }

    private static String group(String apiVersion) {
        return apiVersion.substring(0, apiVersion.indexOf('/'));
    }
}
