package io.ascent.core.manifest.cel;

import dev.cel.common.ast.CelExpr;
import dev.cel.runtime.CelEvaluationListener;

/**
 * Bounds what evaluating rules may cost, so that a hostile CRD cannot hang a run: every evaluated expression node is
 * one step; one evaluation may take {@link #PER_CALL_STEPS} steps (the API server's per-call cost limit is
 * 1,000,000 units of comparable size) and a run {@link #PER_RUN_STEPS}, and one evaluation stops after
 * {@link #PER_CALL_NANOS} of wall-clock time whatever its count. Regular expressions are RE2 (linear time), and
 * values are bounded by the manifest size limits, so a step costs little. One budget serves one run on one thread.
 */
final class EvaluationBudget {
    static final long PER_CALL_STEPS = 1_000_000;
    static final long PER_RUN_STEPS = 200_000_000;
    static final long PER_CALL_NANOS = 2_000_000_000L;
    /** How often (in steps) the clock is read. */
    private static final int CLOCK_EVERY = 4096;

    /** Thrown from inside an evaluation to stop it; it reaches the caller as the cause of the evaluation error. */
    static final class Exhausted extends RuntimeException {
        Exhausted(String message) {
            super(message, null, false, false);
        }
    }

    private final long perCallSteps;
    private final long perRunSteps;
    private long spent;

    EvaluationBudget() {
        this(PER_CALL_STEPS, PER_RUN_STEPS);
    }

    /** Other bounds (tests). */
    EvaluationBudget(long perCallSteps, long perRunSteps) {
        this.perCallSteps = perCallSteps;
        this.perRunSteps = perRunSteps;
    }

    /** Whether the run's budget is spent: no further rule is evaluated. */
    boolean spent() {
        return spent >= perRunSteps;
    }

    /** A listener that counts one evaluation's steps against both bounds. */
    CelEvaluationListener call() {
        long started = System.nanoTime();
        return new CelEvaluationListener() {
            private long steps;

            @Override
            public void callback(CelExpr expr, Object result) {
                steps++;
                spent++;
                if (steps > perCallSteps) {
                    throw new Exhausted("it took more than " + perCallSteps + " evaluation steps on one value");
                }
                if (spent > perRunSteps) {
                    throw new Exhausted("the run's budget of " + perRunSteps + " evaluation steps for CRD rules"
                            + " is spent");
                }
                if (steps % CLOCK_EVERY == 0 && System.nanoTime() - started > PER_CALL_NANOS) {
                    throw new Exhausted("it ran for more than " + PER_CALL_NANOS / 1_000_000_000L + " s on one"
                            + " value");
                }
            }
        };
    }
}
