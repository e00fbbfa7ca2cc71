package io.ascent.cli.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.cli.StopSource;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A request's stop does what the JVM's shutdown does for the command line: interrupts the run, names 128 + the signal,
 * and waits for the report within the run's grace; a run that does not stop by then is answered without it and must
 * not write its report later.
 */
@Timeout(60)
class RequestStopTest {

    @Test
    void shouldInterruptTheArmedRunAndNameTheSignalsStatus() throws Exception {
        CountDownLatch armed = new CountDownLatch(1);
        boolean[] interrupted = new boolean[1];
        Thread run = new Thread(() -> {
            try (StopSource.Armed ignored = STOPS.get().arm(Duration.ofSeconds(10))) {
                armed.countDown();
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted[0] = true;
            }
        });
        RequestStop stop = new RequestStop(run);
        STOPS.set(stop);
        run.start();
        assertThat(armed.await(10, TimeUnit.SECONDS)).isTrue();

        stop.stop(2);
        stop.stop(15); // the first stop decides
        run.join(10_000);

        assertThat(interrupted[0]).isTrue();
        assertThat(stop.status()).hasValue(130);
        assertThat(stop.abandoned()).isFalse();
    }

    @Test
    void shouldAnswerWhenTheGraceIsOverAndAbandonARunThatIgnoresTheStop() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Thread run = new Thread(() -> {
            STOPS.get().arm(Duration.ofSeconds(1));
            while (release.getCount() > 0) {
                try {
                    release.await(); // a read the interrupt cannot reach
                } catch (InterruptedException e) {
                    // ignored, as such a read ignores it
                }
            }
        });
        RequestStop stop = new RequestStop(run);
        STOPS.set(stop);
        run.start();
        Thread.sleep(100);
        StringWriter err = new StringWriter();

        long started = System.nanoTime();
        stop.stop(15);
        Connection.awaitRun(stop, run, new PrintWriter(err, true));

        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isBetween(900L, 5000L);
        assertThat(run.isAlive()).isTrue();
        assertThat(stop.abandoned()).as("its report is not to be written any more").isTrue();
        assertThat(err.toString()).isEqualTo("ascent: the run did not stop within 1 s of the stop signal; no report"
                + " is written" + System.lineSeparator());
        release.countDown();
    }

    /** The stop the test made for the run's thread, which starts only once it is made. */
    private static final AtomicReference<RequestStop> STOPS = new AtomicReference<>();
}
