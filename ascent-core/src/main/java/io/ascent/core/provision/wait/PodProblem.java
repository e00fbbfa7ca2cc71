package io.ascent.core.provision.wait;

import java.util.Optional;
import java.util.Set;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * A reason a pod will not become ready on its own, found in its status. kstatus and {@code kubectl rollout status}
 * wait until the deadline for these; Ascent fails at once, because no amount of waiting pulls a missing image.
 *
 * @param pod       the pod's name; for {@link #FAILED_CREATE}, the workload whose pods could not be created
 * @param container the container concerned, or empty for a pod-level problem (unschedulable)
 * @param reason    the kubelet's or scheduler's reason ({@code ImagePullBackOff}, {@code Unschedulable}, ...), or
 *                  {@link #FAILED_CREATE}
 * @param message   the kubelet's, scheduler's or API server's message
 */
public record PodProblem(String pod, Optional<String> container, String reason, String message) {

    /** Waiting reasons that never resolve without a change to the manifest, image or cluster. */
    static final Set<String> FATAL_WAITING = Set.of("ImagePullBackOff", "ErrImagePull", "InvalidImageName",
            "CrashLoopBackOff", "CreateContainerConfigError", "CreateContainerError", "RunContainerError");

    /** The reason of a workload whose pods the API server refuses to create ({@link CreationFailure}). */
    public static final String FAILED_CREATE = "FailedCreate";

    /** The API server refused to create the pods of {@code workload}, saying {@code message}. */
    static PodProblem refused(String workload, String message) {
        return new PodProblem(workload, Optional.empty(), FAILED_CREATE, message);
    }

    /** The first problem of a pod: init containers first, then containers, then scheduling. */
    public static Optional<PodProblem> of(JSONObject pod) {
        String name = pod.optJSONObject("metadata", new JSONObject()).optString("name");
        JSONObject status = pod.optJSONObject("status", new JSONObject());
        for (String list : new String[] {"initContainerStatuses", "containerStatuses"}) {
            JSONArray statuses = status.optJSONArray(list);
            for (int i = 0; statuses != null && i < statuses.length(); i++) {
                JSONObject container = statuses.optJSONObject(i);
                JSONObject waiting = container == null ? null
                        : container.optJSONObject("state", new JSONObject()).optJSONObject("waiting");
                if (waiting != null && FATAL_WAITING.contains(waiting.optString("reason"))) {
                    return Optional.of(new PodProblem(name, Optional.of(container.optString("name")),
                            waiting.optString("reason"), waiting.optString("message")));
                }
            }
        }
        Optional<JSONObject> scheduled = RolloutJudge.condition(status, "PodScheduled");
        if (scheduled.isPresent() && "False".equals(scheduled.get().optString("status"))
                && "Unschedulable".equals(scheduled.get().optString("reason"))) {
            return Optional.of(new PodProblem(name, Optional.empty(), "Unschedulable",
                    scheduled.get().optString("message")));
        }
        return Optional.empty();
    }

    /** {@code pod web-7d9 container nginx: ImagePullBackOff (message)}. */
    public String describe() {
        return "pod " + pod + container.map(c -> " container " + c).orElse("") + ": " + reason
                + (message.isBlank() ? "" : " (" + message + ")");
    }
}
