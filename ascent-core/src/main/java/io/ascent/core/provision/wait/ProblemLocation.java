package io.ascent.core.provision.wait;

import io.ascent.core.manifest.Resource;
import io.ascent.core.report.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * Where in its manifest a workload's pod problem is fixed: the {@code image} line of the container that cannot pull
 * its image, the container that crashes or cannot be created, the {@code serviceAccountName} the API server found no
 * account for; the object itself otherwise. A report that says
 * {@code deployment.yaml:24:18} for an ImagePullBackOff sends the reader to the line to change.
 */
public final class ProblemLocation {

    private static final Set<String> IMAGE_REASONS = Set.of("ImagePullBackOff", "ErrImagePull", "InvalidImageName");
    /** The ServiceAccount admission plugin's refusal, naming the account. */
    private static final Pattern MISSING_ACCOUNT = Pattern.compile("serviceaccount \"([^\"]+)\" not found");

    private ProblemLocation() {
    }

    /** The location for {@code problem} of a pod of {@code workload}, or the workload's own when none is better. */
    public static Location of(Resource workload, PodProblem problem) {
        List<String> spec = podSpec(workload.kind());
        JSONObject podSpec = at(workload.json(), spec);
        if (PodProblem.FAILED_CREATE.equals(problem.reason())) {
            return missingAccount(workload, spec, podSpec, problem.message());
        }
        if (problem.container().isEmpty()) {
            return workload.location();
        }
        for (String list : List.of("initContainers", "containers")) {
            JSONArray containers = podSpec == null ? null : podSpec.optJSONArray(list);
            for (int i = 0; containers != null && i < containers.length(); i++) {
                JSONObject container = containers.optJSONObject(i);
                if (container != null && problem.container().get().equals(container.optString("name"))) {
                    List<String> tokens = new ArrayList<>(spec);
                    tokens.add(list);
                    tokens.add(String.valueOf(i));
                    if (IMAGE_REASONS.contains(problem.reason())) {
                        tokens.add("image");
                    }
                    return workload.locationAt(tokens);
                }
            }
        }
        return workload.location();
    }

    /** The {@code serviceAccountName} line when the refusal is that this account does not exist. */
    private static Location missingAccount(Resource workload, List<String> spec, JSONObject podSpec, String message) {
        Matcher missing = MISSING_ACCOUNT.matcher(message);
        if (podSpec != null && missing.find() && missing.group(1).equals(podSpec.optString("serviceAccountName"))) {
            List<String> tokens = new ArrayList<>(spec);
            tokens.add("serviceAccountName");
            return workload.locationAt(tokens);
        }
        return workload.location();
    }

    /** The tokens of a workload's pod spec: {@code spec} for a Pod, else its pod template's. */
    static List<String> podSpec(String kind) {
        return "Pod".equals(kind) ? List.of("spec") : List.of("spec", "template", "spec");
    }

    private static JSONObject at(JSONObject object, List<String> tokens) {
        JSONObject current = object;
        for (String token : tokens) {
            current = current == null ? null : current.optJSONObject(token);
        }
        return current;
    }
}
