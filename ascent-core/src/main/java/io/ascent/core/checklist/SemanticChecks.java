package io.ascent.core.checklist;

import io.ascent.core.glob.Glob;
import io.ascent.core.glob.GlobSyntaxException;
import io.ascent.core.glob.PathPattern;
import io.ascent.core.report.Item;
import io.ascent.core.report.Location;
import io.ascent.core.report.Severity;
import io.ascent.core.report.Status;
import io.ascent.core.workspace.Workspace;
import io.ascent.core.yaml.YamlDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * What the schema cannot say: dates that exist, regular expressions that compile, paths that exist and stay inside
 * the repository, unique ids, and waivers that are current.
 */
final class SemanticChecks {
    /** Prefixes of built-in check ids; custom items may not use them, waivers may name them. */
    static final List<String> RESERVED_PREFIXES = List.of("checklist.", "repo.", "manifest.", "provision.");
    /** A waiver this close to expiry warns, so that it is renewed or fixed before it fails a build. */
    static final int EXPIRY_WARNING_DAYS = 14;

    private final Workspace workspace;
    private final YamlDocument document;
    private final JSONObject root;
    private final LocalDate today;
    /** Checklists name the same file many times (every 'contains' item on the Dockerfile): resolve each once. */
    private final Map<String, Optional<Path>> resolved = new HashMap<>();

    SemanticChecks(Workspace workspace, YamlDocument document, LocalDate today) {
        this.workspace = workspace;
        this.document = document;
        this.root = (JSONObject) document.json();
        this.today = today;
    }

    /** Checks that must pass before the model can be built; their failures are input errors. */
    List<Item> preModel() {
        List<Item> items = new ArrayList<>();
        checkDates(items);
        checkPatterns(items);
        checkGlobs(items);
        checkPaths(items);
        passUnlessReported(ChecklistRule.PATHS, "every path the checklist names exists inside the repository", items);
        return items;
    }

    /** Checks on the built model. */
    List<Item> onModel(Checklist checklist) {
        List<Item> items = new ArrayList<>();
        checkIds(checklist, items);
        checkWaivers(checklist, items);
        if (!checklist.items().isEmpty()) {
            passUnlessReported(ChecklistRule.IDS, checklist.items().size() + " custom item ids are unique", items);
        }
        long waivers = checklist.waivers().size()
                + checklist.items().stream().filter(item -> item.waiver().isPresent()).count();
        if (waivers > 0) {
            passUnlessReported(ChecklistRule.WAIVERS, waivers == 1 ? "the waiver is current" : waivers + " waivers are current", items);
        }
        return items;
    }

    /** Shows a rule that found nothing, so a report says what was checked and not only what failed. */
    private void passUnlessReported(ChecklistRule rule, String message, List<Item> items) {
        if (items.stream().noneMatch(item -> item.id().equals(rule.id()))) {
            items.add(rule.item().message(message).location(Location.of(document.path())).build());
        }
    }

    private void checkDates(List<Item> items) {
        forEach("waivers", (waiver, tokens) -> checkDate(waiver, tokens, items));
        forEach("items", (item, tokens) -> {
            JSONObject waiver = item.optJSONObject("waiver");
            if (waiver != null) {
                checkDate(waiver, append(tokens, "waiver"), items);
            }
        });
    }

    private void checkDate(JSONObject waiver, List<String> tokens, List<Item> items) {
        String expires = waiver.getString("expires");
        try {
            LocalDate.parse(expires);
        } catch (DateTimeParseException e) {
            items.add(ChecklistRule.SCHEMA.item().status(Status.ERROR)
                    .message("'" + expires + "' is not a calendar date; write YYYY-MM-DD")
                    .location(at(append(tokens, "expires"))).build());
        }
    }

    private void checkPatterns(List<Item> items) {
        forEach("items", (item, tokens) -> {
            JSONObject contains = item.getJSONObject("check").optJSONObject("contains");
            if (contains == null) {
                return;
            }
            try {
                Pattern.compile(contains.getString("pattern"));
            } catch (PatternSyntaxException e) {
                items.add(ChecklistRule.PATTERNS.item().status(Status.ERROR)
                        .message("the regular expression does not compile: " + e.getDescription()
                                + " near index " + e.getIndex())
                        .location(at(append(tokens, "check", "contains", "pattern"))).build());
            }
        });
    }

    /**
     * Every path pattern and glob compiles: a malformed one ({@code [z-a]}, an unclosed {@code [} or {@code {} in a
     * manifest glob, a nested group) is an input error at its line, not a failure later in the run.
     */
    private void checkGlobs(List<Item> items) {
        JSONObject repository = root.optJSONObject("repository");
        if (repository != null) {
            checkPathPatterns(repository.optJSONArray("required"), List.of("repository", "required"), items);
            JSONArray forbidden = repository.optJSONArray("forbidden");
            for (int i = 0; forbidden != null && i < forbidden.length(); i++) {
                List<String> tokens = List.of("repository", "forbidden", String.valueOf(i), "path");
                checkPathPattern(forbidden.getJSONObject(i).getString("path"), tokens, items);
            }
            JSONObject secrets = repository.optJSONObject("secrets");
            JSONObject allow = secrets == null ? null : secrets.optJSONObject("allow");
            if (allow != null) {
                checkPathPatterns(allow.optJSONArray("paths"), List.of("repository", "secrets", "allow", "paths"),
                        items);
            }
            JSONObject executables = repository.optJSONObject("executables");
            if (executables != null) {
                checkPathPatterns(executables.optJSONArray("forbid"), List.of("repository", "executables", "forbid"),
                        items);
            }
        }
        forEach("items", (item, tokens) -> {
            JSONObject check = item.getJSONObject("check");
            checkPathPatterns(check.optJSONArray("require"), append(tokens, "check", "require"), items);
            checkPathPatterns(check.optJSONArray("forbid"), append(tokens, "check", "forbid"), items);
        });
        JSONObject kubernetes = root.optJSONObject("kubernetes");
        if (kubernetes != null) {
            checkGlobList(kubernetes.optJSONArray("manifests"), List.of("kubernetes", "manifests"), items);
            checkPathPatterns(kubernetes.optJSONArray("exclude"), List.of("kubernetes", "exclude"), items);
        }
        JSONObject provision = root.optJSONObject("provision");
        JSONObject deploy = provision == null ? null : provision.optJSONObject("deploy");
        if (deploy != null) {
            checkGlobList(deploy.optJSONArray("manifests"), List.of("provision", "deploy", "manifests"), items);
        }
        forEach("waivers", (waiver, tokens) -> {
            if (waiver.has("path")) {
                for (String alternative : waiver.getString("path").split("\\|")) {
                    checkGlob(alternative.trim(), append(tokens, "path"), items);
                }
            }
        });
    }

    private void checkPathPatterns(JSONArray patterns, List<String> tokens, List<Item> items) {
        for (int i = 0; patterns != null && i < patterns.length(); i++) {
            checkPathPattern(patterns.getString(i), append(tokens, String.valueOf(i)), items);
        }
    }

    private void checkPathPattern(String pattern, List<String> tokens, List<Item> items) {
        try {
            PathPattern.compile(pattern);
        } catch (GlobSyntaxException e) {
            items.add(malformed(pattern, e, tokens));
        }
    }

    private void checkGlobList(JSONArray globs, List<String> tokens, List<Item> items) {
        for (int i = 0; globs != null && i < globs.length(); i++) {
            for (String glob : alternatives(globs.getString(i))) {
                if (isGlob(glob)) {
                    checkGlob(glob, append(tokens, String.valueOf(i)), items);
                }
            }
        }
    }

    /** The {@code |}-separated alternatives of a path, trimmed, empty ones dropped. */
    private static List<String> alternatives(String written) {
        List<String> out = new ArrayList<>();
        for (String alternative : written.split("\\|")) {
            if (!alternative.isBlank()) {
                out.add(alternative.trim());
            }
        }
        return out;
    }

    private static boolean isGlob(String path) {
        return path.chars().anyMatch(c -> "*?[{".indexOf(c) >= 0);
    }

    private void checkGlob(String glob, List<String> tokens, List<Item> items) {
        try {
            Glob.compile(glob);
        } catch (GlobSyntaxException e) {
            items.add(malformed(glob, e, tokens));
        }
    }

    private Item malformed(String pattern, GlobSyntaxException e, List<String> tokens) {
        return ChecklistRule.PATTERNS.item().status(Status.ERROR)
                .message("the pattern '" + pattern + "' is malformed: " + e.description() + " (character "
                        + (e.index() + 1) + ")")
                .location(at(tokens)).build();
    }

    /** Files named one by one must exist; every path and pattern must stay inside the repository. */
    private void checkPaths(List<Item> items) {
        JSONObject kubernetes = root.optJSONObject("kubernetes");
        if (kubernetes != null) {
            checkManifestPaths(kubernetes.optJSONArray("manifests"), List.of("kubernetes", "manifests"), items);
            checkRender(kubernetes.optJSONArray("render"), items);
        }
        JSONObject provision = root.optJSONObject("provision");
        if (provision != null) {
            JSONObject cluster = provision.optJSONObject("cluster");
            if (cluster != null && cluster.has("config")) {
                checkPath(cluster.getString("config"), List.of("provision", "cluster", "config"), items);
            }
            JSONObject deploy = provision.optJSONObject("deploy");
            if (deploy != null) {
                checkManifestPaths(deploy.optJSONArray("manifests"), List.of("provision", "deploy", "manifests"),
                        items);
            }
            JSONArray tests = provision.optJSONArray("tests");
            for (int i = 0; tests != null && i < tests.length(); i++) {
                JSONObject job = tests.getJSONObject(i).optJSONObject("job");
                if (job != null) {
                    checkPath(job.getString("manifest"),
                            List.of("provision", "tests", String.valueOf(i), "job", "manifest"), items);
                }
            }
        }
        forEach("items", (item, tokens) -> {
            JSONObject contains = item.getJSONObject("check").optJSONObject("contains");
            if (contains != null) {
                checkPath(contains.getString("path"), append(tokens, "check", "contains", "path"), items);
            }
        });
        if (root.has("baseline")) {
            // 'ascent baseline' writes it, so it need not exist yet; it must stay inside, as it is read and written.
            checkInside(root.getString("baseline"), List.of("baseline"), items);
        }
    }

    /**
     * Manifest paths with {@code |} alternatives: each alternative stays inside the repository, and at least one
     * exists (a glob may match nothing at load time; the manifest step says so).
     */
    private void checkManifestPaths(JSONArray paths, List<String> tokens, List<Item> items) {
        for (int i = 0; paths != null && i < paths.length(); i++) {
            List<String> alternatives = alternatives(paths.getString(i));
            if (alternatives.size() <= 1) {
                checkPath(paths.getString(i).trim(), append(tokens, String.valueOf(i)), items);
                continue;
            }
            List<String> missing = new ArrayList<>();
            for (String alternative : alternatives) {
                Optional<Path> resolved = this.resolved.computeIfAbsent(alternative, workspace::resolveInside);
                if (resolved.isEmpty()) {
                    checkPath(alternative, append(tokens, String.valueOf(i)), items); // says it leaves
                } else if (!isGlob(alternative) && !Files.exists(resolved.get())) {
                    missing.add(alternative);
                }
            }
            if (missing.size() == alternatives.size()) {
                items.add(ChecklistRule.PATHS.item().status(Status.ERROR)
                        .message("none of '" + String.join("', '", missing) + "' exists in " + displayDir())
                        .location(at(append(tokens, String.valueOf(i))))
                        .remediation("correct the paths (relative to the application directory) or add a file")
                        .build());
            }
        }
    }

    /**
     * Each {@code kubernetes.render} entry names exactly one tool, its folder holds what that tool reads, Helm's
     * settings go with Helm only, and values files exist inside the repository.
     */
    private void checkRender(JSONArray render, List<Item> items) {
        for (int i = 0; render != null && i < render.length(); i++) {
            JSONObject entry = render.getJSONObject(i);
            List<String> tokens = List.of("kubernetes", "render", String.valueOf(i));
            boolean kustomize = entry.has("kustomize");
            boolean helm = entry.has("helm");
            if (kustomize == helm) {
                items.add(ChecklistRule.SCHEMA.item().status(Status.ERROR)
                        .message("a render entry names exactly one of 'kustomize' and 'helm'"
                                + (kustomize ? ", not both" : ""))
                        .location(at(tokens)).build());
                continue;
            }
            if (kustomize) {
                for (String helmOnly : List.of("releaseName", "namespace", "values")) {
                    if (entry.has(helmOnly)) {
                        items.add(ChecklistRule.SCHEMA.item().status(Status.ERROR)
                                .message("'" + helmOnly + "' applies to helm only; a kustomization sets it in "
                                        + "kustomization.yaml")
                                .location(document.locationOf(document.keyAt(tokens, helmOnly))).build());
                    }
                }
            }
            String folder = entry.getString(kustomize ? "kustomize" : "helm");
            List<String> folderTokens = append(tokens, kustomize ? "kustomize" : "helm");
            int before = items.size();
            checkPath(folder, folderTokens, items);
            Optional<Path> resolved = this.resolved.computeIfAbsent(folder, workspace::resolveInside);
            if (items.size() == before && resolved.isPresent()) {
                List<String> expected = kustomize
                        ? List.of("kustomization.yaml", "kustomization.yml", "Kustomization")
                        : List.of("Chart.yaml");
                if (expected.stream().noneMatch(name -> Files.isRegularFile(resolved.get().resolve(name)))) {
                    items.add(ChecklistRule.PATHS.item().status(Status.ERROR)
                            .message("'" + folder + "' holds no " + String.join(" or ", expected)
                                    + (kustomize ? "; kustomize renders a folder with a kustomization"
                                            : "; helm renders a folder with a chart"))
                            .location(at(folderTokens))
                            .remediation("name the folder that holds " + expected.get(0))
                            .build());
                }
            }
            checkPathList(entry.optJSONArray("values"), append(tokens, "values"), items);
        }
    }

    private void checkPathList(JSONArray paths, List<String> tokens, List<Item> items) {
        for (int i = 0; paths != null && i < paths.length(); i++) {
            checkPath(paths.getString(i), append(tokens, String.valueOf(i)), items);
        }
    }

    private void checkPath(String written, List<String> tokens, List<Item> items) {
        Optional<Path> resolved = checkInside(written, tokens, items);
        if (resolved.isEmpty()) {
            return;
        }
        boolean glob = written.contains("*") || written.contains("?") || written.contains("[");
        if (!glob && !Files.exists(resolved.get())) {
            items.add(ChecklistRule.PATHS.item().status(Status.ERROR)
                    .message("'" + written + "' does not exist in " + displayDir())
                    .location(at(tokens))
                    .remediation("correct the path (relative to the application directory) or add the file")
                    .build());
        }
    }

    /** The path, when it stays inside the repository; otherwise an ERROR item at it. */
    private Optional<Path> checkInside(String written, List<String> tokens, List<Item> items) {
        Optional<Path> resolved = this.resolved.computeIfAbsent(written, workspace::resolveInside);
        if (resolved.isEmpty()) {
            items.add(ChecklistRule.PATHS.item().status(Status.ERROR)
                    .message("'" + written + "' leaves the repository; paths are relative to "
                            + displayDir() + " and must stay inside it")
                    .location(at(tokens)).build());
        }
        return resolved;
    }

    private String displayDir() {
        String dir = workspace.displayPath(workspace.applicationDir());
        return dir.isEmpty() ? "the repository root" : dir + "/";
    }

    private void checkIds(Checklist checklist, List<Item> items) {
        Map<String, CustomItem> seen = new HashMap<>();
        for (CustomItem item : checklist.items()) {
            CustomItem first = seen.putIfAbsent(item.id(), item);
            if (first != null) {
                items.add(ChecklistRule.IDS.item().status(Status.ERROR)
                        .message("item id '" + item.id() + "' is used twice (first at line "
                                + first.location().line() + ")")
                        .location(item.location()).build());
            }
            RESERVED_PREFIXES.stream().filter(item.id()::startsWith).findFirst().ifPresent(prefix ->
                    items.add(ChecklistRule.IDS.item().status(Status.ERROR)
                            .message("item id '" + item.id() + "' uses the prefix '" + prefix
                                    + "' of built-in checks; choose another id")
                            .location(item.location()).build()));
        }
    }

    private void checkWaivers(Checklist checklist, List<Item> items) {
        java.util.Set<String> itemIds = new java.util.HashSet<>();
        checklist.items().forEach(item -> itemIds.add(item.id()));
        for (int i = 0; i < checklist.waivers().size(); i++) {
            WaiverRule rule = checklist.waivers().get(i);
            checkExpiry(rule.id(), rule.waiver().expires(), rule.location(), items);
            boolean known = itemIds.contains(rule.id()) || RESERVED_PREFIXES.stream().anyMatch(rule.id()::startsWith);
            if (!known) {
                items.add(ChecklistRule.WAIVERS.item().severity(Severity.WARNING)
                        .problem("waiver for '" + rule.id() + "' matches no custom item and no built-in check")
                        .location(at(List.of("waivers", String.valueOf(i), "id")))
                        .build());
            }
        }
        for (int i = 0; i < checklist.items().size(); i++) {
            CustomItem item = checklist.items().get(i);
            List<String> tokens = List.of("items", String.valueOf(i), "waiver", "expires");
            item.waiver().ifPresent(waiver -> checkExpiry(item.id(), waiver.expires(), at(tokens), items));
        }
    }

    private void checkExpiry(String id, LocalDate expires, Location location, List<Item> items) {
        long daysLeft = ChronoUnit.DAYS.between(today, expires);
        if (daysLeft < 0) {
            items.add(ChecklistRule.WAIVERS.item().severity(Severity.ERROR)
                    .problem("the waiver for '" + id + "' expired on " + expires)
                    .location(location)
                    .remediation("fix the finding, or renew the waiver with a new reason and expiry date")
                    .build());
        } else if (daysLeft <= EXPIRY_WARNING_DAYS) {
            items.add(ChecklistRule.WAIVERS.item().severity(Severity.WARNING)
                    .problem("the waiver for '" + id + "' expires on " + expires + " (in " + daysLeft + " days)")
                    .location(location).build());
        }
    }

    private interface Visitor {
        void visit(JSONObject element, List<String> tokens);
    }

    private void forEach(String listKey, Visitor visitor) {
        JSONArray array = root.optJSONArray(listKey);
        for (int i = 0; array != null && i < array.length(); i++) {
            visitor.visit(array.getJSONObject(i), List.of(listKey, String.valueOf(i)));
        }
    }

    private Location at(List<String> tokens) {
        return document.locationOf(document.nodeAt(tokens));
    }

    private static List<String> append(List<String> tokens, String... more) {
        List<String> out = new ArrayList<>(tokens);
        out.addAll(List.of(more));
        return out;
    }
}
