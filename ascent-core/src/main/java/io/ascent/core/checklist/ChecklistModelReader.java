package io.ascent.core.checklist;

import io.ascent.core.checklist.ProvisionSettings.Cluster;
import io.ascent.core.checklist.ProvisionSettings.Deploy;
import io.ascent.core.checklist.ProvisionSettings.Driver;
import io.ascent.core.checklist.ProvisionSettings.HttpProbe;
import io.ascent.core.checklist.ProvisionSettings.JobProbe;
import io.ascent.core.checklist.ProvisionSettings.SmokeTest;
import io.ascent.core.checklist.ProvisionSettings.Teardown;
import io.ascent.core.checklist.RepositoryRules.ChangePolicy;
import io.ascent.core.checklist.RepositoryRules.ForbiddenPath;
import io.ascent.core.checklist.RepositoryRules.SecretScanning;
import io.ascent.core.checklist.RepositoryRules.SubmodulePolicy;
import io.ascent.core.checklist.RepositoryRules.SymlinkPolicy;
import io.ascent.core.report.Location;
import io.ascent.core.report.Severity;
import io.ascent.core.report.Waiver;
import io.ascent.core.yaml.YamlDocument;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * Builds the typed {@link Checklist} from a document that already passed the schema, so every shape here is
 * known; defaults are the ones the schema documents.
 */
final class ChecklistModelReader {
    private final YamlDocument document;

    ChecklistModelReader(YamlDocument document) {
        this.document = document;
    }

    Checklist read() {
        JSONObject root = (JSONObject) document.json();
        return new Checklist(
                document.path(),
                root.getString("apiVersion"),
                metadata(root.getJSONObject("metadata")),
                repository(root.optJSONObject("repository")),
                kubernetes(root.optJSONObject("kubernetes")),
                provision(root.optJSONObject("provision")),
                items(root.optJSONArray("items")),
                waivers(root.optJSONArray("waivers")),
                root.optString("baseline", null));
    }

    private static Metadata metadata(JSONObject json) {
        Map<String, String> labels = new LinkedHashMap<>();
        JSONObject labelJson = json.optJSONObject("labels");
        if (labelJson != null) {
            for (String key : labelJson.keySet()) {
                labels.put(key, labelJson.getString(key));
            }
        }
        return new Metadata(json.getString("name"), json.optString("owner", null),
                json.optString("description", null), labels);
    }

    private static RepositoryRules repository(JSONObject json) {
        if (json == null) {
            return RepositoryRules.defaults();
        }
        List<ForbiddenPath> forbidden = new ArrayList<>();
        for (JSONObject entry : objects(json.optJSONArray("forbidden"))) {
            forbidden.add(new ForbiddenPath(entry.getString("path"), entry.getString("reason")));
        }
        JSONObject secrets = json.optJSONObject("secrets");
        SecretScanning scanning = SecretScanning.DEFAULT;
        if (secrets != null) {
            JSONObject allow = secrets.optJSONObject("allow");
            scanning = new SecretScanning(secrets.optBoolean("scan", true),
                    strings(allow == null ? null : allow.optJSONArray("paths")),
                    strings(allow == null ? null : allow.optJSONArray("fingerprints")));
        }
        JSONObject executables = json.optJSONObject("executables");
        return new RepositoryRules(
                strings(json.optJSONArray("required")),
                forbidden,
                json.has("maxFileSize") ? OptionalLong.of(Quantities.bytes(json.get("maxFileSize")))
                        : OptionalLong.empty(),
                scanning,
                constant(SymlinkPolicy.class, json.optString("symlinks", "within-repository")),
                constant(SubmodulePolicy.class, json.optString("submodules", "allow")),
                json.optBoolean("codeowners", false),
                json.optBoolean("license", false),
                strings(executables == null ? null : executables.optJSONArray("forbid")),
                constant(ChangePolicy.class, json.optString("uncommittedChanges", "warn")),
                ruleSeverities(json.optJSONObject("rules")));
    }

    /** {@code repository.rules.<id>.severity}; the schema allows only known rule ids and severities. */
    private static Map<String, Severity> ruleSeverities(JSONObject rules) {
        Map<String, Severity> severities = new LinkedHashMap<>();
        if (rules != null) {
            for (String id : rules.keySet()) {
                optional(rules.getJSONObject(id), "severity").ifPresent(s -> severities.put(id, Severity.fromLabel(s)));
            }
        }
        return severities;
    }

    private KubernetesSettings kubernetes(JSONObject json) {
        if (json == null) {
            return KubernetesSettings.defaults();
        }
        Map<String, KubernetesSettings.CheckSetting> checks = new LinkedHashMap<>();
        JSONObject checkJson = json.optJSONObject("checks");
        if (checkJson != null) {
            for (String id : checkJson.keySet()) {
                JSONObject setting = checkJson.getJSONObject(id);
                checks.put(id, new KubernetesSettings.CheckSetting(setting.optBoolean("enabled", true),
                        optional(setting, "severity").map(Severity::fromLabel), optional(setting, "level")));
            }
        }
        List<String> locations = strings(json.optJSONArray("schemaLocations"));
        return new KubernetesSettings(
                optional(json, "version"),
                strings(json.optJSONArray("manifests")),
                locations.isEmpty() ? List.of("default") : locations,
                json.optBoolean("strict", true),
                checks,
                Optional.ofNullable(json.optJSONObject("clusterApi")).flatMap(c -> optional(c, "version")),
                strings(json.optJSONArray("exclude")),
                render(json.optJSONArray("render"), document));
    }

    private static List<RenderSetting> render(JSONArray array, YamlDocument document) {
        List<RenderSetting> render = new ArrayList<>();
        for (int i = 0; array != null && i < array.length(); i++) {
            JSONObject entry = array.getJSONObject(i);
            Location location = document.locationOf(document.nodeAt(List.of("kubernetes", "render",
                    String.valueOf(i))));
            if (entry.has("kustomize")) {
                render.add(new RenderSetting(RenderSetting.Tool.KUSTOMIZE, entry.getString("kustomize"),
                        Optional.empty(), Optional.empty(), List.of(), location));
            } else {
                render.add(new RenderSetting(RenderSetting.Tool.HELM, entry.getString("helm"),
                        optional(entry, "releaseName"), optional(entry, "namespace"),
                        strings(entry.optJSONArray("values")), location));
            }
        }
        return render;
    }

    private static ProvisionSettings provision(JSONObject json) {
        JSONObject section = json == null ? new JSONObject() : json;
        JSONObject cluster = section.optJSONObject("cluster");
        if (cluster == null) {
            cluster = new JSONObject();
        }
        JSONObject deploy = section.optJSONObject("deploy");
        if (deploy == null) {
            deploy = new JSONObject();
        }
        List<SmokeTest> tests = new ArrayList<>();
        for (JSONObject test : objects(section.optJSONArray("tests"))) {
            JSONObject http = test.optJSONObject("http");
            JSONObject job = test.optJSONObject("job");
            tests.add(new SmokeTest(
                    test.getString("name"),
                    Quantities.duration(test.optString("timeout", "1m")),
                    Optional.ofNullable(http).map(h -> new HttpProbe(h.getString("service"),
                            String.valueOf(h.get("port")), h.optString("method", "GET"), h.optString("path", "/"),
                            h.optInt("expectStatus", 200),
                            optional(h, "expectBody"))),
                    Optional.ofNullable(job).map(j -> new JobProbe(j.getString("manifest")))));
        }
        return new ProvisionSettings(
                new Cluster(constant(Driver.class, cluster.optString("driver", "kind")),
                        optional(cluster, "kubernetesVersion"), optional(cluster, "nodeImage"),
                        optional(cluster, "config"), optional(cluster, "context"),
                        cluster.optString("namespacePrefix", "ascent-"), optional(cluster, "podSecurity")),
                new Deploy(strings(deploy.optJSONArray("manifests")),
                        deploy.has("timeout") ? Quantities.duration(deploy.getString("timeout")) : Duration.ofMinutes(5)),
                tests,
                constant(Teardown.class, section.optString("teardown", "always")));
    }

    private List<CustomItem> items(JSONArray array) {
        List<CustomItem> items = new ArrayList<>();
        for (int i = 0; i < (array == null ? 0 : array.length()); i++) {
            JSONObject json = array.getJSONObject(i);
            JSONObject check = json.getJSONObject("check");
            CustomItem.Rule rule;
            if (check.has("require")) {
                rule = new CustomItem.Require(strings(check.getJSONArray("require")));
            } else if (check.has("forbid")) {
                rule = new CustomItem.Forbid(strings(check.getJSONArray("forbid")));
            } else {
                JSONObject contains = check.getJSONObject("contains");
                rule = new CustomItem.Contains(contains.getString("path"), contains.getString("pattern"));
            }
            JSONObject waiver = json.optJSONObject("waiver");
            items.add(new CustomItem(json.getString("id"), json.getString("title"), optional(json, "description"),
                    Severity.fromLabel(json.optString("severity", "error")), optional(json, "remediation"), rule,
                    Optional.ofNullable(waiver).map(ChecklistModelReader::waiver),
                    document.locationOf(document.nodeAt(List.of("items", String.valueOf(i), "id")))));
        }
        return items;
    }

    private List<WaiverRule> waivers(JSONArray array) {
        List<WaiverRule> waivers = new ArrayList<>();
        for (int i = 0; i < (array == null ? 0 : array.length()); i++) {
            JSONObject json = array.getJSONObject(i);
            String index = String.valueOf(i);
            waivers.add(new WaiverRule(json.getString("id"), optional(json, "path"), optional(json, "resource"),
                    optional(json, "key"), waiver(json),
                    document.locationOf(document.nodeAt(List.of("waivers", index, "expires"))),
                    document.locationOf(document.nodeAt(List.of("waivers", index, "id")))));
        }
        return waivers;
    }

    private static Waiver waiver(JSONObject json) {
        return new Waiver(json.getString("reason"), json.optString("owner", null),
                LocalDate.parse(json.getString("expires")));
    }

    private static Optional<String> optional(JSONObject json, String key) {
        return json.has(key) && !json.isNull(key) ? Optional.of(String.valueOf(json.get(key))) : Optional.empty();
    }

    private static List<String> strings(JSONArray array) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < (array == null ? 0 : array.length()); i++) {
            out.add(array.getString(i));
        }
        return out;
    }

    private static List<JSONObject> objects(JSONArray array) {
        List<JSONObject> out = new ArrayList<>();
        for (int i = 0; i < (array == null ? 0 : array.length()); i++) {
            out.add(array.getJSONObject(i));
        }
        return out;
    }

    /** {@code within-repository} → {@code WITHIN_REPOSITORY}. */
    private static <E extends Enum<E>> E constant(Class<E> type, String spelling) {
        return Enum.valueOf(type, spelling.replace('-', '_').toUpperCase(Locale.ROOT));
    }
}
