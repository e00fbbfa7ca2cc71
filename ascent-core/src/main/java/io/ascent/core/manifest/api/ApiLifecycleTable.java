package io.ascent.core.manifest.api;

import io.ascent.core.workspace.ConfinedFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which apiVersion/kind each Kubernetes release accepts, and what to use instead: the API availability table.
 *
 * <p>{@link #builtIn()} is generated from the Kubernetes Go modules by {@code tools/api-lifecycle} plus hand-kept
 * rows (kubeadm, kind, corrections), see {@code docs/api-table.md}. Teams add their own rows, for example for CRDs
 * they depend on, with {@link #with(Path)}: a file in the same format whose rows replace built-in rows with the same
 * apiVersion and kind.
 *
 * <p>Immutable and thread-safe. {@link #find} and {@link #check} do hash lookups and a few comparisons only, since
 * they run once per resource of every manifest.
 */
public final class ApiLifecycleTable {

    static final String GENERATED_RESOURCE = "api-lifecycle.tsv";
    static final String MANUAL_RESOURCE = "api-lifecycle-manual.tsv";
    static final String CLUSTER_API_RESOURCE = "clusterapi-lifecycle.tsv";

    private static final Pattern SCANNED = Pattern.compile("^# Kubernetes releases scanned: [0-9.]+ \\.\\. ([0-9]+\\.[0-9]+)");

    /** Follow at most this many replacement links: enough for v1alpha1 -> v1beta1 -> v1beta2 -> v1beta3 -> v1. */
    private static final int MAX_REPLACEMENT_HOPS = 8;

    private final List<ApiLifecycle> rows;
    private final Map<String, Map<String, ApiLifecycle>> byApiVersion;
    /**
     * group -> kind -> every version of it, the one to recommend first: looked up for every object, so two map
     * look-ups rather than a key string built per look-up.
     */
    private final Map<String, Map<String, List<ApiLifecycle>>> byGroupAndKind;
    /** kind -> every row of that kind in any group, the one to recommend first. */
    private final Map<String, List<ApiLifecycle>> byKind;
    /** replacement apiVersion + ' ' + kind -> rows that name it as their replacement. */
    private final Map<String, List<ApiLifecycle>> predecessors;
    private final Set<String> knownGroups;
    /** What the version numbers count in messages: Kubernetes releases, or ClusterAPI releases. */
    private final String product;
    /** The newest release whose API data the table holds; null when not known (a table of given rows). */
    private final KubernetesVersion newestRelease;

    private ApiLifecycleTable(Collection<ApiLifecycle> rows) {
        this(rows, "Kubernetes", null);
    }

    private ApiLifecycleTable(Collection<ApiLifecycle> rows, KubernetesVersion newestRelease) {
        this(rows, "Kubernetes", newestRelease);
    }

    private ApiLifecycleTable(Collection<ApiLifecycle> rows, String product) {
        this(rows, product, null);
    }

    private ApiLifecycleTable(Collection<ApiLifecycle> rows, String product, KubernetesVersion newestRelease) {
        this.product = product;
        this.newestRelease = newestRelease;
        Map<String, ApiLifecycle> unique = new LinkedHashMap<>();
        for (ApiLifecycle row : rows) {
            unique.put(key(row.apiVersion(), row.kind()), Objects.requireNonNull(row, "row"));
        }
        this.rows = List.copyOf(unique.values());
        Map<String, Map<String, ApiLifecycle>> versions = new HashMap<>();
        Map<String, Map<String, List<ApiLifecycle>>> groupKind = new HashMap<>();
        Map<String, List<ApiLifecycle>> kinds = new HashMap<>();
        Map<String, List<ApiLifecycle>> preds = new HashMap<>();
        Set<String> groups = new HashSet<>();
        for (ApiLifecycle row : this.rows) {
            versions.computeIfAbsent(row.apiVersion(), v -> new HashMap<>()).put(row.kind(), row);
            groupKind.computeIfAbsent(row.group(), g -> new HashMap<>()).computeIfAbsent(row.kind(),
                    k -> new ArrayList<>()).add(row);
            kinds.computeIfAbsent(row.kind(), k -> new ArrayList<>()).add(row);
            row.replacement().ifPresent(r -> preds.computeIfAbsent(r, k -> new ArrayList<>()).add(row));
            groups.add(row.group());
        }
        groupKind.values().forEach(byKindOfGroup -> byKindOfGroup.values().forEach(
                l -> l.sort((a, b) -> ApiVersions.NEWEST_FIRST.compare(a.version(), b.version()))));
        kinds.values().forEach(l -> l.sort((a, b) -> ApiVersions.NEWEST_FIRST.compare(a.version(), b.version())));
        this.byApiVersion = freeze(versions);
        Map<String, Map<String, List<ApiLifecycle>>> frozen = new HashMap<>();
        groupKind.forEach((group, byKindOfGroup) -> frozen.put(group, freezeLists(byKindOfGroup)));
        this.byGroupAndKind = Collections.unmodifiableMap(frozen);
        this.byKind = freezeLists(kinds);
        this.predecessors = freezeLists(preds);
        this.knownGroups = Set.copyOf(groups);
    }

    /** The table shipped with Ascent; read once, on first use. */
    public static ApiLifecycleTable builtIn() {
        return BuiltIn.TABLE;
    }

    /**
     * ClusterAPI's own kinds ({@code cluster.x-k8s.io} and its {@code bootstrap.}, {@code controlplane.},
     * {@code addons.}, {@code ipam.}, {@code runtime.}, {@code clusterctl.} subgroups, and the Docker provider's
     * {@code infrastructure.cluster.x-k8s.io} kinds), whose version numbers are ClusterAPI releases: generated from
     * the CRDs of ClusterAPI's release tags by {@code tools/clusterapi-lifecycle}.
     */
    public static ApiLifecycleTable clusterApi() {
        return ClusterApi.TABLE;
    }

    /** A table of exactly these rows; a later row replaces an earlier one with the same apiVersion and kind. */
    public static ApiLifecycleTable of(Collection<ApiLifecycle> rows) {
        return new ApiLifecycleTable(rows);
    }

    /** The largest table file read; the built-in tables are about 60 KB. */
    private static final long MAX_TABLE_BYTES = 4L * 1024 * 1024;

    /**
     * Reads a table file (format in {@code docs/api-table.md}); a file that is not a regular file or is larger
     * than 4 MiB is an {@link IOException}.
     *
     * @throws IllegalArgumentException {@code file:line: problem} for a malformed line
     */
    public static ApiLifecycleTable read(Path file) throws IOException {
        return of(readRows(file));
    }

    /**
     * This table plus the rows of {@code extraTsv}; its rows replace rows here with the same apiVersion and kind.
     * This is how a team declares CRDs or corrects a row without waiting for a release of Ascent.
     *
     * @throws IllegalArgumentException {@code file:line: problem} for a malformed line
     */
    public ApiLifecycleTable with(Path extraTsv) throws IOException {
        return with(readRows(extraTsv));
    }

    /** This table plus {@code extraRows}, which replace rows here with the same apiVersion and kind. */
    public ApiLifecycleTable with(Collection<ApiLifecycle> extraRows) {
        List<ApiLifecycle> all = new ArrayList<>(rows);
        all.addAll(extraRows);
        return new ApiLifecycleTable(all, newestRelease);
    }

    /**
     * The newest Kubernetes release the table's data was generated from (1.37): for a newer target the table
     * cannot know which APIs were removed since, so it answers as that release would. Empty for a table of given
     * rows.
     */
    public Optional<KubernetesVersion> newestRelease() {
        return Optional.ofNullable(newestRelease);
    }

    /** Every row, in file order. */
    public List<ApiLifecycle> rows() {
        return rows;
    }

    /** The row for exactly this apiVersion and kind ({@code v1} for the core group), if the table has one. */
    public Optional<ApiLifecycle> find(String apiVersion, String kind) {
        if (apiVersion == null || kind == null) {
            return Optional.empty();
        }
        Map<String, ApiLifecycle> kinds = byApiVersion.get(apiVersion);
        return kinds == null ? Optional.empty() : Optional.ofNullable(kinds.get(kind));
    }

    /**
     * Whether {@code group} (empty for core) is one of the table's own API groups: a kind in it that the table does
     * not hold is a built-in API of a release outside the table, or a typo, not a custom resource.
     */
    public boolean knowsGroup(String group) {
        return knownGroups.contains(group);
    }

    /** Every version of {@code kind} in {@code group} (empty for core), the one to recommend first. */
    public List<ApiLifecycle> versionsOf(String group, String kind) {
        return byGroupAndKind.getOrDefault(group, Map.of()).getOrDefault(kind, List.of());
    }

    /**
     * Whether {@code target} accepts {@code apiVersion}/{@code kind}, and what to use instead when it does not
     * (or when it is deprecated). Never throws for odd input: a missing or malformed apiVersion gives
     * {@link ApiAvailability#UNKNOWN} with a message saying so.
     */
    public ApiVerdict check(String apiVersion, String kind, KubernetesVersion target) {
        Objects.requireNonNull(target, "target");
        if (apiVersion == null || apiVersion.isBlank() || kind == null || kind.isBlank()) {
            return unknown(apiVersion, kind, target, null,
                    "the resource has no " + (apiVersion == null || apiVersion.isBlank() ? "apiVersion" : "kind")
                            + ", so its availability cannot be checked");
        }
        if (!ApiVersions.isWellFormed(apiVersion)) {
            return unknown(apiVersion, kind, target, null,
                    "apiVersion '" + apiVersion + "' is not of the form v1 or group/version");
        }
        ApiLifecycle row = find(apiVersion, kind).orElse(null);
        if (row == null) {
            return notInTable(apiVersion, kind, target);
        }
        String name = row.displayName();
        if (target.isBefore(row.introduced())) {
            if (!row.introducedExact()) {
                return new ApiVerdict(ApiAvailability.UNKNOWN, apiVersion, kind, target, row, null,
                        name + " is known from " + product + " " + row.introduced() + " on; the API table has no data for "
                                + target + " or older");
            }
            ApiLifecycle use = suggestionForOlder(row, target);
            String hint = use == null
                    ? "; " + product + " " + target + " serves no version of " + kind
                    : "; for " + target + " use " + sameKindName(use, kind);
            return new ApiVerdict(ApiAvailability.NOT_YET_SERVED, apiVersion, kind, target, row, use,
                    name + " is served from " + product + " " + row.introduced() + hint);
        }
        if (row.removed() != null && target.isAtLeast(row.removed())) {
            ApiLifecycle use = suggestionForSuccessor(row, target);
            return new ApiVerdict(ApiAvailability.REMOVED, apiVersion, kind, target, row, use,
                    name + " was removed in " + product + " " + row.removed() + useOrNothing(row, use, target));
        }
        if (row.deprecated() != null && target.isAtLeast(row.deprecated())) {
            ApiLifecycle use = suggestionForSuccessor(row, target);
            String removal = row.removed() == null ? "" : " and removed in " + row.removed();
            return new ApiVerdict(ApiAvailability.DEPRECATED, apiVersion, kind, target, row, use,
                    name + " is deprecated since " + product + " " + row.deprecated() + removal + useOrNothing(row, use, target));
        }
        String served = ApiVersions.isAlpha(row.version()) && "kube-apiserver".equals(row.component())
                ? name + " is an alpha API: " + product + " " + target + " serves it only when enabled with --runtime-config"
                : name + " is served by " + product + " " + target;
        return new ApiVerdict(ApiAvailability.SERVED, apiVersion, kind, target, row, null, served);
    }

    private ApiVerdict notInTable(String apiVersion, String kind, KubernetesVersion target) {
        String group = ApiVersions.group(apiVersion);
        boolean groupKnown = knownGroups.contains(group);
        List<ApiLifecycle> sameGroup = versionsOf(group, kind);
        List<ApiLifecycle> candidates = sameGroup.isEmpty() ? byKind.getOrDefault(kind, List.of()) : sameGroup;
        if (!groupKnown && sameGroup.isEmpty()) {
            // A custom resource or an API outside the table's scope: say so, but do not guess from another group.
            return unknown(apiVersion, kind, target, null, apiVersion + " " + kind
                    + " is not in the API table (a custom resource, or an API outside its scope), so its availability"
                    + " on " + product + " " + target + " cannot be checked");
        }
        if (candidates.isEmpty()) {
            return unknown(apiVersion, kind, target, null, apiVersion + " has no kind " + kind
                    + " in any Kubernetes release the API table covers");
        }
        ApiLifecycle use = firstServed(candidates, target, r -> true);
        StringBuilder known = new StringBuilder();
        for (ApiLifecycle c : candidates) {
            known.append(known.length() == 0 ? "" : ", ").append(c.apiVersion());
        }
        String hint = use == null
                ? "; " + product + " " + target + " serves none of them"
                : "; for " + product + " " + target + " use " + use.displayName();
        return unknown(apiVersion, kind, target, use, apiVersion + " has no kind " + kind
                + " in any Kubernetes release the API table covers; " + kind + " exists as " + known + hint);
    }

    private static ApiVerdict unknown(String apiVersion, String kind, KubernetesVersion target, ApiLifecycle use,
            String message) {
        return new ApiVerdict(ApiAvailability.UNKNOWN, apiVersion, kind, target, null, use, message);
    }

    /** The replacement chain first, then the newest served version of the same kind in the same group. */
    private ApiLifecycle suggestionForSuccessor(ApiLifecycle row, KubernetesVersion target) {
        ApiLifecycle current = row;
        ApiLifecycle otherGroupSuccessor = null;
        for (int hop = 0; hop < MAX_REPLACEMENT_HOPS && current.replacementApiVersion() != null; hop++) {
            ApiLifecycle next = find(current.replacementApiVersion(), current.replacementKind()).orElse(null);
            if (next == null || next == row) {
                break;
            }
            if (next.isServedIn(target) && !next.isDeprecatedIn(target)) {
                return next;
            }
            if (otherGroupSuccessor == null && !next.group().equals(row.group())) {
                otherGroupSuccessor = next;
            }
            current = next;
        }
        ApiLifecycle use = firstServed(versionsOf(row.group(), row.kind()), target, r -> r != row);
        if (use == null && otherGroupSuccessor != null) {
            use = firstServed(versionsOf(otherGroupSuccessor.group(), otherGroupSuccessor.kind()), target, r -> r != row);
        }
        return use;
    }

    /**
     * For a target older than the row: the most recently introduced version of the kind in the group that the
     * target serves, else a predecessor from another group. "Most recently introduced" rather than Kubernetes'
     * priority order, because the manifest was written for a newer version: autoscaling/v2 on 1.22 should become
     * autoscaling/v2beta2 (same fields), not autoscaling/v1. An alpha version comes last whatever its date: the
     * API server serves it only when switched on, so batch/v1 CronJob on 1.18 becomes batch/v1beta1, not
     * batch/v2alpha1 (whose "introduced" is only an upper bound, {@code <=1.17}, and would otherwise look newest).
     */
    private ApiLifecycle suggestionForOlder(ApiLifecycle row, KubernetesVersion target) {
        ApiLifecycle use = firstServed(preferredForOlder(versionsOf(row.group(), row.kind())), target, r -> r != row);
        if (use != null) {
            return use;
        }
        List<ApiLifecycle> before = predecessors.getOrDefault(row.apiVersion() + " " + row.kind(), List.of());
        return firstServed(preferredForOlder(before), target, r -> r != row);
    }

    private static List<ApiLifecycle> preferredForOlder(List<ApiLifecycle> rows) {
        List<ApiLifecycle> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing((ApiLifecycle r) -> ApiVersions.isAlpha(r.version()))
                .thenComparing(Comparator.comparing(ApiLifecycle::introduced).reversed())
                .thenComparing(ApiLifecycle::version, ApiVersions.NEWEST_FIRST));
        return sorted;
    }

    /** Prefers a version that is not deprecated on {@code target}, then any served one. */
    private static ApiLifecycle firstServed(List<ApiLifecycle> candidates, KubernetesVersion target,
            Predicate<ApiLifecycle> allowed) {
        ApiLifecycle deprecatedButServed = null;
        for (ApiLifecycle c : candidates) {
            if (!allowed.test(c) || !c.isServedIn(target)) {
                continue;
            }
            if (!c.isDeprecatedIn(target)) {
                return c;
            }
            if (deprecatedButServed == null) {
                deprecatedButServed = c;
            }
        }
        return deprecatedButServed;
    }

    private String useOrNothing(ApiLifecycle row, ApiLifecycle use, KubernetesVersion target) {
        if (use != null) {
            return "; use " + use.displayName();
        }
        // Hand-kept rows explain a missing successor in their note (policy/v1beta1 PodSecurityPolicy).
        if (row.note().startsWith("no replacement")) {
            return "; " + row.note();
        }
        return "; " + product + " " + target + " serves no other version of " + row.kind();
    }

    /** {@code apps/v1} when the kind is the same, else {@code apps/v1 Other}: the shortest unambiguous advice. */
    private static String sameKindName(ApiLifecycle use, String kind) {
        return use.kind().equals(kind) ? use.apiVersion() : use.displayName();
    }

    private static String key(String apiVersion, String kind) {
        return apiVersion + " " + kind;
    }

    private static List<ApiLifecycle> readRows(Path file) throws IOException {
        // A table file is the operator's (a path on the command line or in code), so it may be anywhere; it is
        // still read only as a regular file of bounded size.
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                ConfinedFiles.anywhere(MAX_TABLE_BYTES).open(file), StandardCharsets.UTF_8))) {
            return ApiLifecycleTsv.read(in, file.toString());
        }
    }

    private static List<ApiLifecycle> readResource(String name) {
        InputStream stream = ApiLifecycleTable.class.getResourceAsStream(name);
        if (stream == null) {
            throw new IllegalStateException("resource " + name + " is missing from the Ascent jar");
        }
        try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            return ApiLifecycleTsv.read(in, name);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + name, e);
        }
    }

    /** The generator writes "# Kubernetes releases scanned: 1.17 .. 1.37." in the header of the table. */
    private static KubernetesVersion newestScanned(String name) {
        InputStream stream = ApiLifecycleTable.class.getResourceAsStream(name);
        if (stream == null) {
            throw new IllegalStateException("resource " + name + " is missing from the Ascent jar");
        }
        try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null && line.startsWith("#"); line = in.readLine()) {
                Matcher scanned = SCANNED.matcher(line);
                if (scanned.find()) {
                    return KubernetesVersion.parse(scanned.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + name, e);
        }
        throw new IllegalStateException("resource " + name + " does not say which releases it was generated from");
    }

    private static Map<String, Map<String, ApiLifecycle>> freeze(Map<String, Map<String, ApiLifecycle>> m) {
        Map<String, Map<String, ApiLifecycle>> out = new HashMap<>();
        m.forEach((k, v) -> out.put(k, Map.copyOf(v)));
        return Collections.unmodifiableMap(out);
    }

    private static Map<String, List<ApiLifecycle>> freezeLists(Map<String, List<ApiLifecycle>> m) {
        Map<String, List<ApiLifecycle>> out = new HashMap<>();
        m.forEach((k, v) -> out.put(k, List.copyOf(v)));
        return Collections.unmodifiableMap(out);
    }

    /** Lazy holder for {@link #clusterApi()}. */
    private static final class ClusterApi {
        static final ApiLifecycleTable TABLE = new ApiLifecycleTable(readResource(CLUSTER_API_RESOURCE), "ClusterAPI");
    }

    /** Lazy holder: the class loader runs this once, on the first builtIn() call, thread-safely. */
    private static final class BuiltIn {
        static final ApiLifecycleTable TABLE;

        static {
            List<ApiLifecycle> all = new ArrayList<>(readResource(GENERATED_RESOURCE));
            all.addAll(readResource(MANUAL_RESOURCE));
            TABLE = new ApiLifecycleTable(all, newestScanned(GENERATED_RESOURCE));
        }
    }
}
