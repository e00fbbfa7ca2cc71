package io.ascent.core.provision.wait;

/**
 * What a wait concluded about one object at one moment.
 *
 * @param state   whether it is done, still going, or failed for good
 * @param message what {@code kubectl rollout status} would print: why it is not done yet, or why it failed
 */
public record Verdict(State state, String message) {

    public enum State { DONE, WAITING, FAILED }

    static Verdict done(String message) {
        return new Verdict(State.DONE, message);
    }

    static Verdict waiting(String message) {
        return new Verdict(State.WAITING, message);
    }

    static Verdict failed(String message) {
        return new Verdict(State.FAILED, message);
    }
}
