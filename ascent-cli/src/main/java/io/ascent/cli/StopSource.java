package io.ascent.cli;

import java.time.Duration;
import java.util.OptionalInt;

/**
 * What stops a run and says with which status it ends: for the plain command line the JVM's shutdown on SIGINT or
 * SIGTERM ({@link ProcessStop}), for a request of the resident engine the client's stop request or its hang-up.
 * Either way the run's thread is interrupted, the engine cleans up (a provision tears its cluster down) and the
 * partial report, marked interrupted with 128 plus the signal's number, is written.
 */
public interface StopSource {

    /** Arms it for a run on the calling thread, before the run starts; close it when the report is written. */
    Armed arm(Duration grace);

    /** 128 plus the number of the stop signal received, or empty when none was. */
    OptionalInt status();

    /**
     * Whether whoever stopped the run no longer waits for it: its grace is over and its exit status given. The
     * command line's process is gone by then; a run of the resident engine that ends later must not write its
     * report files either.
     */
    default boolean abandoned() {
        return false;
    }

    /** A run that a stop interrupts. */
    interface Armed extends AutoCloseable {
        /**
         * The run has returned its report, which is about to be written: a stop from now on holds nothing, and the
         * interrupt a stop set is cleared so that writing the report is not cut short by it.
         */
        void writing();

        /** The report is written (or the command ended without one). */
        @Override
        void close();
    }
}
