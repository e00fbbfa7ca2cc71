package io.ascent.core.manifest.cel;

import io.ascent.core.manifest.api.KubernetesVersion;
import io.ascent.core.manifest.listtype.ListTypeSchema;
import io.ascent.core.manifest.schema.ClusterApiSchemaBundle;
import io.ascent.core.manifest.schema.ClusterApiSchemas;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.json.JSONObject;

/**
 * The validation rules and list types of ClusterAPI's CRDs bundled with Ascent ({@link ClusterApiSchemaBundle}), for
 * the ClusterAPI release the checklist names ({@code kubernetes.clusterApi.version}; the newest bundled release for a
 * newer one, as for the schemas). Each kind's bundled schema is read once, when the first object of it asks, so its
 * rules are the same {@link ValidationRule} objects for every object of the kind and compile once per run. The
 * bundle is opened only for an object of a ClusterAPI group, and only when a release is named. Not thread-safe: one
 * instance per run, used by one check.
 */
public final class ClusterApiRules {
    /**
     * What a bundled CRD version asks beyond its structural schema.
     *
     * @param rules     its validation rules, or {@code null} when it has none
     * @param listTypes its {@code set} and {@code map} lists, or {@code null} when it marks none
     * @param source    how reports name the bundled CRD
     */
    public record Rules(RuleSchema rules, ListTypeSchema listTypes, String source) {
        /** Whether there is anything to judge. */
        public boolean judges() {
            return rules != null || listTypes != null;
        }
    }

    private final KubernetesVersion release;
    private final Supplier<ClusterApiSchemaBundle> bundle;
    private final Map<String, Optional<Rules>> byKind = new HashMap<>();

    /**
     * @param release the ClusterAPI release the checklist names, or {@code null} when it names none (then no bundled
     *                CRD applies)
     */
    public ClusterApiRules(KubernetesVersion release, Supplier<ClusterApiSchemaBundle> bundle) {
        this.release = release;
        this.bundle = Objects.requireNonNull(bundle, "bundle");
    }

    /**
     * The bundled CRD's rules for a ClusterAPI kind; empty when no bundled CRD serves it (another group, no release
     * named, a release older than the bundle's, or a kind or version the release does not serve). Present but judging
     * nothing when the bundled CRD version has neither rules nor list types.
     */
    public Optional<Rules> find(String apiVersion, String kind) {
        if (release == null || !ClusterApiSchemaBundle.isClusterApiGroup(apiVersion)) {
            return Optional.empty();
        }
        return byKind.computeIfAbsent(apiVersion + " " + kind, key -> read(apiVersion, kind));
    }

    private Optional<Rules> read(String apiVersion, String kind) {
        ClusterApiSchemaBundle schemas = bundle.get();
        return schemas.releaseFor(release).flatMap(used -> schemas.crd(used, apiVersion, kind)).map(crd -> {
            JSONObject schema = crd.openApiSchema();
            String source = ClusterApiSchemas.source(crd, release);
            RuleSchema rules = RuleSchema.readBundled(schema, crd.crdName(), source);
            return new Rules(rules.hasRules() ? rules : null, ListTypeSchema.read(schema), source);
        });
    }
}
