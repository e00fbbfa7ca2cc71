package io.ascent.core.manifest.check;

import io.ascent.core.manifest.ManifestLoader;
import io.ascent.core.manifest.api.ApiLifecycleTable;
import io.ascent.core.manifest.api.KubernetesVersion;
import io.ascent.core.manifest.schema.CachingHttpFetcher;
import io.ascent.core.manifest.schema.ResourceSchemaValidator;
import io.ascent.core.manifest.schema.SchemaFetcher;
import io.ascent.core.network.UrlAllowList;
import io.ascent.core.report.Severity;
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

    /** What documentation needs of a check. */
    public record Description(String id, String title, Severity defaultSeverity) {
    }

    /**
     * Fresh instances of every check for one run.
     *
     * @param target      the target Kubernetes version, or {@code null} when none is set
     * @param fileTargets files whose API references are judged against another version (by display path)
     */
    public static List<ManifestCheck> create(ApiLifecycleTable table, KubernetesVersion target,
            Map<String, KubernetesVersion> fileTargets, SchemaSettings schemas) {
        // One fetcher for the run, shared by the validators the schema check builds: a server found dead is not
        // asked again for the next kind.
        SchemaFetcher fetcher = schemas.fetcher() != null ? schemas.fetcher() : new CachingHttpFetcher(
                CachingHttpFetcher.defaultCacheDirectory(), NETWORK_TIMEOUT, schemas.allowedUrls(),
                CachingHttpFetcher.DEFAULT_CACHE_BYTES);
        return List.of(
                new ShapeCheck(new ConfigurationKinds(table)),
                new ApiVersionCheck(table, target, fileTargets),
                new SchemaCheck(crds -> ResourceSchemaValidator.builder()
                        .schemaLocations(schemas.locations())
                        .strict(schemas.strict())
                        .baseDirectory(schemas.baseDirectory())
                        .repositoryRoot(schemas.repositoryRoot())
                        .allowedUrls(schemas.allowedUrls())
                        .fetcher(fetcher)
                        .customResourceDefinitions(crds)
                        .build(), schemas.strict(), target),
                new ResourcesCheck(),
                new ProbesCheck(),
                new ImageTagCheck(),
                new RunAsNonRootCheck(),
                new PrivilegedCheck(),
                new HostNamespacesCheck(),
                new ReadOnlyRootFilesystemCheck(),
                new PodDisruptionBudgetCheck(),
                new ServiceSelectorCheck());
    }

    /** Every check id with its title and default severity, {@code manifest.parse} first. */
    public static List<Description> descriptions() {
        List<Description> all = new ArrayList<>();
        all.add(new Description(ManifestLoader.PARSE_ID, ManifestLoader.PARSE_TITLE, Severity.ERROR));
        for (ManifestCheck check : create(ApiLifecycleTable.builtIn(), null, Map.of(), SchemaSettings.DEFAULT)) {
            all.add(new Description(check.id(), check.title(), check.defaultSeverity()));
        }
        return all;
    }

}
