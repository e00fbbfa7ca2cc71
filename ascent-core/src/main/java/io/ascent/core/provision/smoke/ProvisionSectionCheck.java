package io.ascent.core.provision.smoke;

import io.ascent.core.checklist.ProvisionSettings;
import io.ascent.core.checklist.ProvisionSettings.HttpProbe;
import io.ascent.core.checklist.ProvisionSettings.SmokeTest;
import io.ascent.core.manifest.LoadedFile;
import io.ascent.core.manifest.ManifestFile;
import io.ascent.core.manifest.ManifestLoader;
import io.ascent.core.manifest.ProvisionedManifests;
import io.ascent.core.manifest.Resource;
import io.ascent.core.provision.ProvisionRule;
import io.ascent.core.report.Item;
import io.ascent.core.report.Location;
import io.ascent.core.report.Status;
import io.ascent.core.workspace.Workspace;
import io.ascent.core.yaml.YamlDocument;
import io.ascent.core.yaml.YamlLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * Checks, before any cluster exists, that the checklist's smoke tests name what the manifests define: an
 * {@code http} test's Service and port (by number or name), and a {@code job} test's manifest holding exactly one
 * Job. A mistake here is bad input (exit 2) at the checklist's line and column, not a failed test ten minutes later.
 */
public final class ProvisionSectionCheck {

    private final YamlDocument checklist;
    private final Workspace workspace;
    private final ManifestLoader loader = new ManifestLoader();

    /** @param checklist the checklist as a document with positions, for locations */
    public ProvisionSectionCheck(YamlDocument checklist, Workspace workspace) {
        this.checklist = checklist;
        this.workspace = workspace;
    }

    /** The problems; empty when every test names something the deployed manifests define. */
    public List<Item> check(ProvisionSettings settings, List<Resource> deployed) {
        List<Item> problems = new ArrayList<>();
        List<SmokeTest> tests = settings.tests();
        for (int i = 0; i < tests.size(); i++) {
            SmokeTest test = tests.get(i);
            List<String> at = List.of("provision", "tests", String.valueOf(i));
            if (test.http().isPresent()) {
                checkHttp(test.http().get(), at, deployed, problems);
            }
            if (test.job().isPresent()) {
                jobOf(test.job().get().manifest(), at, problems);
            }
        }
        return problems;
    }

    /** The Job a {@code job} test applies, or empty with a problem added. */
    public Optional<Resource> jobOf(String manifest, List<String> at, List<Item> problems) {
        List<String> here = append(at, "job", "manifest");
        Optional<ManifestFile> file = ProvisionedManifests.jobFile(workspace, manifest);
        if (file.isEmpty()) {
            problems.add(problem(here, "job manifest '" + manifest + "' is not a file inside the repository"));
            return Optional.empty();
        }
        LoadedFile loaded = loader.load(workspace.files(YamlLimits.MANIFEST.maxBytes()), file.get());
        if (!loaded.problems().isEmpty()) {
            problems.addAll(loaded.problems());
            return Optional.empty();
        }
        List<Resource> jobs = loaded.resources().stream()
                .filter(r -> "Job".equals(r.kind()) && "batch/v1".equals(r.apiVersion())).toList();
        if (jobs.size() != 1 || loaded.resources().size() != 1) {
            problems.add(problem(here, "job manifest '" + manifest + "' must hold exactly one batch/v1 Job; it holds "
                    + loaded.resources().size() + " object(s), " + jobs.size() + " of them Jobs"));
            return Optional.empty();
        }
        return Optional.of(jobs.get(0));
    }

    private void checkHttp(HttpProbe http, List<String> at, List<Resource> deployed, List<Item> problems) {
        Optional<Resource> service = deployed.stream()
                .filter(r -> "Service".equals(r.kind()) && http.service().equals(r.name())).findFirst();
        if (service.isEmpty()) {
            List<String> names = deployed.stream().filter(r -> "Service".equals(r.kind())).map(Resource::name).toList();
            problems.add(problem(append(at, "http", "service"), "no Service '" + http.service()
                    + "' among the deployed manifests" + (names.isEmpty() ? " (they define no Service)"
                    : "; they define " + String.join(", ", names))));
            return;
        }
        JSONArray ports = service.get().json().optJSONObject("spec", new JSONObject()).optJSONArray("ports");
        List<String> known = new ArrayList<>();
        for (int i = 0; ports != null && i < ports.length(); i++) {
            JSONObject port = ports.optJSONObject(i);
            if (port == null) {
                continue;
            }
            if (String.valueOf(port.opt("port")).equals(http.port()) || port.optString("name").equals(http.port())) {
                return;
            }
            known.add(port.optString("name").isEmpty() ? String.valueOf(port.opt("port"))
                    : port.optString("name") + " (" + port.opt("port") + ")");
        }
        problems.add(problem(append(at, "http", "port"), "Service '" + http.service() + "' has no port '"
                + http.port() + "'; its ports: " + (known.isEmpty() ? "none" : String.join(", ", known))));
    }

    private Item problem(List<String> tokens, String message) {
        Location location = checklist.locationOf(checklist.nodeAt(tokens));
        return ProvisionRule.SECTION.item().status(Status.ERROR).message(message).location(location)
                .key(String.join("/", tokens))
                .remediation("name a Service, port and Job that the deployed manifests define").build();
    }

    private static List<String> append(List<String> tokens, String... more) {
        List<String> all = new ArrayList<>(tokens);
        all.addAll(List.of(more));
        return all;
    }
}
