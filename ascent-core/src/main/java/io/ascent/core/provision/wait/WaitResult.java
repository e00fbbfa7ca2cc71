package io.ascent.core.provision.wait;

import java.time.Duration;
import java.util.Optional;
import org.json.JSONObject;

/**
 * How the wait for one object ended.
 *
 * @param target     the object
 * @param verdict    done, or failed with the reason (a timeout is a failure whose message says so)
 * @param elapsed    from the start of the wait to the verdict
 * @param object     the object as the server last reported it, if ever seen
 * @param problem    the pod problem that failed it early, if that is why
 * @param failingPod the pod concerned, if any
 */
public record WaitResult(WaitTarget target, Verdict verdict, Duration elapsed, Optional<JSONObject> object,
        Optional<PodProblem> problem, Optional<JSONObject> failingPod) {

    public boolean succeeded() {
        return verdict.state() == Verdict.State.DONE;
    }
}
