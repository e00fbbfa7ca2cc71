package io.ascent.core.manifest.check;

import io.ascent.core.manifest.ManifestLoader;
import io.ascent.core.manifest.Resource;
import io.ascent.core.manifest.render.ManifestRenderer;
import io.ascent.core.manifest.api.ApiLifecycleTable;
import io.ascent.core.manifest.api.KubernetesVersion;
import io.ascent.core.manifest.cel.ClusterApiRules;
import io.ascent.core.manifest.schema.CachingHttpFetcher;
import io.ascent.core.manifest.schema.ClusterApiSchemaBundle;
import io.ascent.core.manifest.schema.ResourceSchemaValidator;
import io.ascent.core.manifest.schema.SchemaFetcher;
import io.ascent.core.network.UrlAllowList;
import io.ascent.core.report.CheckDescription;
import io.ascent.core.report.Severity;
import io.ascent.core.yaml.YamlDocument;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The manifest checks, in one explicit list: the order here is the order of the report. {@code docs/checks.md}
 * documents each id; a test keeps the two in step.
 */
public final class ManifestChecks {

    /** Ids of this family are listed under this area by {@code ascent checks}. */
    public static final String AREA = "manifests";

    /** Id of the warning for a {@code kubernetes.checks} entry or an exemption that names no check. */
    public static final String SETTINGS_ID = "manifest.settings";
    /** Id of the warning for a target newer than every release Ascent has data for. */
    public static final String TARGET_VERSION_ID = "manifest.target-version";

    /** The id of the API availability check, for items about the target version itself. */
    public static final String API_VERSION_ID = ApiVersionCheck.ID;

    /** How long one schema fetch may take in all. */
    private static final Duration NETWORK_TIMEOUT = Duration.ofSeconds(30);

    private ManifestChecks() {
    }

    /**
     * Where resource schemas come from, as the checklist's {@code kubernetes} section says.
     *
     * @param locations     kubeconform-style locations ({@code default} is the bundled set)
     * @param strict        whether unknown fields are findings
     * @param baseDirectory  what relative folder locations are relative to (the application directory)
     * @param repositoryRoot what folder locations must stay inside
     * @param allowedUrls    the URLs the operator allows remote locations to be fetched from
     * @param fetcher        fetches {@code http(s)} locations, or {@code null} for a caching HTTP client over the
     *                       default cache folder that allows {@code allowedUrls}, made once per run
     */
    public record SchemaSettings(List<String> locations, boolean strict, Path baseDirectory, Path repositoryRoot,
            UrlAllowList allowedUrls, SchemaFetcher fetcher) {
        public static final SchemaSettings DEFAULT = new SchemaSettings(List.of("default"), true, Path.of("."),
                Path.of("."), UrlAllowList.none(), null);
    }

    /**
     * Fresh instances of every check for one run.
     *
     * @param target      the target Kubernetes version, or {@code null} when none is set
     * @param fileTargets files whose API references are judged against another version (by display path)
     */
    public static List<ManifestCheck> create(ApiLifecycleTable table, KubernetesVersion target,
            Map<String, KubernetesVersion> fileTargets, SchemaSettings schemas) {
        return create(table, target, fileTargets, schemas, null);
    }

    /**
     * Fresh instances of every check for one run.
     *
     * @param target            the target Kubernetes version, or {@code null} when none is set
     * @param fileTargets       files whose API references are judged against another version (by display path)
     * @param clusterApiRelease the ClusterAPI release ClusterAPI's own kinds are judged against, or {@code null}
     */
    public static List<ManifestCheck> create(ApiLifecycleTable table, KubernetesVersion target,
            Map<String, KubernetesVersion> fileTargets, SchemaSettings schemas, KubernetesVersion clusterApiRelease) {
        return create(table, target, fileTargets, schemas, clusterApiRelease, null);
    }

    /**
     * Fresh instances of every check for one run.
     *
     * @param target            the target Kubernetes version, or {@code null} when none is set
     * @param fileTargets       files whose API references are judged against another version (by display path)
     * @param clusterApiRelease the ClusterAPI release ClusterAPI's own kinds are judged against, or {@code null}
     * @param podSecurity       the Pod Security Standard the checklist asks for ({@link PodSecurityRequirement#of}),
     *                          or {@code null}: {@code manifest.pod-security} then has nothing to judge
     */
    public static List<ManifestCheck> create(ApiLifecycleTable table, KubernetesVersion target,
            Map<String, KubernetesVersion> fileTargets, SchemaSettings schemas, KubernetesVersion clusterApiRelease,
            PodSecurityRequirement podSecurity) {
        // One fetcher for the run, shared by the validators the schema check builds: a server found dead is not
        // asked again for the next kind.
        SchemaFetcher fetcher = schemas.fetcher() != null ? schemas.fetcher() : new CachingHttpFetcher(
                CachingHttpFetcher.defaultCacheDirectory(), NETWORK_TIMEOUT, schemas.allowedUrls(),
                CachingHttpFetcher.DEFAULT_CACHE_BYTES);
        return List.of(
                new ShapeCheck(new ConfigurationKinds(table)),
                new ApiVersionCheck(table, target, fileTargets, clusterApiRelease),
                new SchemaCheck(new SchemaValidators(schemas, fetcher, clusterApiRelease), schemas.strict(), target),
                new ValidationRulesCheck(table, target,
                        new ClusterApiRules(clusterApiRelease, ClusterApiSchemaBundle::builtIn)),
                new ResourcesCheck(),
                new ProbesCheck(),
                new ImageTagCheck(),
                new RunAsNonRootCheck(),
                new PrivilegedCheck(),
                new HostNamespacesCheck(),
                new PodSecurityCheck(podSecurity, target),
                new ReadOnlyRootFilesystemCheck(),
                new PodDisruptionBudgetCheck(),
                new ServiceSelectorCheck(table));
    }

    /**
     * The schema check's validators. Without CRDs and without ClusterAPI's bundled CRDs to add, the validator of the
     * first pass serves the last one too, so what it looked up is not looked up again (a location that failed is
     * not asked twice).
     */
    private static final class SchemaValidators implements SchemaCheck.Validators {
        private final SchemaSettings schemas;
        private final SchemaFetcher fetcher;
        private final KubernetesVersion clusterApiRelease;
        private ResourceSchemaValidator plain;

        SchemaValidators(SchemaSettings schemas, SchemaFetcher fetcher, KubernetesVersion clusterApiRelease) {
            this.schemas = schemas;
            this.fetcher = fetcher;
            this.clusterApiRelease = clusterApiRelease;
        }

        @Override
        public synchronized ResourceSchemaValidator build(List<YamlDocument> crds, boolean everyCrdKnown) {
            // A CRD in the manifests overrides ClusterAPI's bundled ones, so those apply once every CRD is known.
            KubernetesVersion clusterApi = everyCrdKnown ? clusterApiRelease : null;
            if (crds.isEmpty() && clusterApi == null) {
                if (plain == null) {
                    plain = builder(crds, null);
                }
                return plain;
            }
            return builder(crds, clusterApi);
        }

        private ResourceSchemaValidator builder(List<YamlDocument> crds, KubernetesVersion clusterApi) {
            return ResourceSchemaValidator.builder()
                    .schemaLocations(schemas.locations())
                    .strict(schemas.strict())
                    .baseDirectory(schemas.baseDirectory())
                    .repositoryRoot(schemas.repositoryRoot())
                    .allowedUrls(schemas.allowedUrls())
                    .fetcher(fetcher)
                    .customResourceDefinitions(crds)
                    .clusterApiRelease(clusterApi)
                    .build();
        }
    }

    /**
     * Every manifest check described in its own words, in report order: {@code manifest.parse} first, then the
     * checks, then {@code manifest.settings} (the warning about the checklist's own settings).
     */
    public static List<CheckDescription> descriptions() {
        List<CheckDescription> all = new ArrayList<>();
        all.add(new CheckDescription(ManifestLoader.PARSE_ID, AREA, ManifestLoader.PARSE_TITLE, Severity.ERROR,
                new CheckDescription.Explanation(
                        "every path in kubernetes.manifests (and in provision.deploy.manifests, and each job test's"
                                + " manifest: what provision applies) and every file it names: the path exists and"
                                + " stays in the repository, the file is readable UTF-8 YAML or JSON within the"
                                + " safe-loading limits, each document is an object",
                        "a manifest Ascent cannot read cannot be checked, and kubectl would refuse it as well",
                        "correct the path, or the file at the line and column shown"),
                List.of("cannot be switched off, exempted or given another severity: a file that cannot be read"
                        + " cannot be checked (status ERROR, exit status 2)")));
        all.add(new CheckDescription(ManifestRenderer.ID, AREA, ManifestRenderer.TITLE, Severity.ERROR,
                new CheckDescription.Explanation(
                        "every kubernetes.render entry (rendered with kustomize build, kubectl kustomize or helm "
                                + "template), and the kustomizations, their patches and the Helm charts found among "
                                + "the manifests",
                        "their files are not Kubernetes objects until rendered: checking them raw gives false "
                                + "errors, and skipping them silently would pass what was never checked",
                        "render the source under kubernetes.render, or fix what the tool says; install the tool "
                                + "when it is missing (exit 3)"),
                List.of("cannot be switched off: a source that is not rendered is one SKIP item (severity info), "
                        + "a render that fails is an ERROR (exit 2)")));
        for (ManifestCheck check : create(ApiLifecycleTable.builtIn(), null, Map.of(), SchemaSettings.DEFAULT)) {
            all.add(new CheckDescription(check.id(), AREA, check.title(), check.defaultSeverity(),
                    check.explanation(), control(check.id())));
        }
        all.add(new CheckDescription(SETTINGS_ID, AREA, "Check settings name known checks", Severity.WARNING,
                new CheckDescription.Explanation(
                        "the ids under kubernetes.checks and in the " + Resource.EXEMPT_ANNOTATION
                                + " annotation: each names a manifest check",
                        "a misspelt id changes nothing, so the setting or exemption someone relied on is silently"
                                + " not applied",
                        "write the id the warning suggests ('did you mean ...'); 'ascent checks' lists every id"),
                List.of("waive it: waivers: [{id: " + SETTINGS_ID + ", reason: ..., owner: ..., expires: ...}]")));
        all.add(new CheckDescription(TARGET_VERSION_ID, AREA, "Ascent knows the target Kubernetes version",
                Severity.WARNING, new CheckDescription.Explanation(
                        "the target version (kubernetes.version or --kubernetes-version) against the newest release"
                                + " in Ascent's API table and schemas",
                        "for a newer target, APIs and schemas are judged as the newest known release serves them, so"
                                + " an API removed since is not caught",
                        "use a release of Ascent that knows the target, or target the newest release it knows"),
                List.of("waive it: waivers: [{id: " + TARGET_VERSION_ID + ", reason: ..., owner: ..., expires: ...}]")));
        return all;
    }

    /** The ids {@code kubernetes.checks} can switch off or give another severity, in report order. */
    public static List<String> configurableIds() {
        return create(ApiLifecycleTable.builtIn(), null, Map.of(), SchemaSettings.DEFAULT).stream()
                .map(ManifestCheck::id).toList();
    }

    private static List<String> control(String id) {
        List<String> all = new ArrayList<>();
        if (PodSecurityCheck.ID.equals(id)) {
            all.add("ask for a level: provision.cluster.podSecurity, or kubernetes.checks." + id
                    + ".level: baseline | restricted | privileged (the stricter of the two when both are set)");
        }
        all.addAll(List.of(
                "switch it off: kubernetes.checks." + id + ".enabled: false (reported once as SKIP)",
                "change its severity: kubernetes.checks." + id + ".severity: error | warning | info",
                "exempt one resource: annotate it with " + Resource.EXEMPT_ANNOTATION + ": \"" + id + "\"",
                "waive findings: waivers: [{id: " + id + ", path: \"deploy/**\", reason: ..., owner: ..., expires:"
                        + " 2027-06-30}]"));
        return all;
    }
}
