package io.ascent.controlplane;

/**
 * The labels and annotations that switch this project's kwok stages
 * ({@code kwok-stages.yaml}) for a pod: tests put them on pod templates to make
 * the fake kubelet fail, or publish a chosen pod IP.
 */
public final class KwokStageLabels {

    /** Label whose value picks a simulated failure. */
    public static final String SIMULATE = "ascent.io/simulate";

    /** The container's image can never be pulled: it waits in ImagePullBackOff. */
    public static final String IMAGE_PULL_FAILURE = "image-pull-failure";

    /** The container exits 1 again and again: CrashLoopBackOff, rising restart count. */
    public static final String CRASH_LOOP = "crash-loop";

    /**
     * The container refers to a Secret that does not exist: it waits in CreateContainerConfigError with the kubelet's
     * message ({@code secret "app-credentials" not found}). kwok has no kubelet to find that out, so the stage writes
     * the status a kubelet writes; the API server, the watches and Ascent see it exactly as from a real node.
     */
    public static final String CONFIG_ERROR = "config-error";

    /**
     * Label that makes a deleted pod go only at the end of the grace period its deletion gave it (its
     * {@code deletionTimestamp}), as a container that ignores SIGTERM does on a real node; kwok otherwise removes a
     * deleted pod at once.
     */
    public static final String TERMINATION = "ascent.io/termination";

    /** {@link #TERMINATION}'s value: the container outlives SIGTERM until it is killed. */
    public static final String WHOLE_GRACE_PERIOD = "whole-grace-period";

    /** Annotation with the IP kwok publishes as the pod's IP instead of one from its own range. */
    public static final String POD_IP = "ascent.io/pod-ip";

    private KwokStageLabels() {
    }
}
