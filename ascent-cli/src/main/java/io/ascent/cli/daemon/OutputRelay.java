package io.ascent.cli.daemon;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * Carries a run's output to the client. The run's thread never writes to the connection itself: a stop interrupts
 * that thread, and an interrupted thread's write to a socket channel closes the channel (it is an
 * {@code InterruptibleChannel}), which would lose the interrupted run's report. The run's thread hands its bytes to
 * this relay; one thread of the connection's, never interrupted, sends them as frames in order. At most
 * {@link #BOUND} bytes wait; the run waits for the client beyond that. Once the client is gone, output is dropped.
 */
final class OutputRelay {
    /** The most bytes waiting to be sent before the run waits for the client. */
    static final int BOUND = 1024 * 1024;

    private final FrameChannel channel;
    private final Deque<Frame> waiting = new ArrayDeque<>(); // guarded by this
    private long waitingBytes; // guarded by this
    private boolean finished; // guarded by this
    private boolean broken; // guarded by this

    OutputRelay(FrameChannel channel) {
        this.channel = channel;
    }

    /**
     * Queues bytes for standard output or error; waits (not interruptibly: a stopped run's report is still to come)
     * while too much is waiting. Dropped once the client is gone or the run's answer has been sent.
     */
    void send(byte type, byte[] data, int offset, int length) {
        boolean interrupted = false;
        synchronized (this) {
            for (int done = 0; done < length && !broken && !finished; ) {
                while (waitingBytes >= BOUND && !broken && !finished) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        interrupted = true; // kept for the run to see: it is the stop
                    }
                }
                int size = Math.min(length - done, Frame.MAX_PAYLOAD);
                byte[] chunk = Arrays.copyOfRange(data, offset + done, offset + done + size);
                waiting.add(new Frame(type, chunk));
                waitingBytes += size;
                done += size;
                notifyAll();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** No more output will be sent: {@link #relay()} returns once what waits is sent. */
    synchronized void finish() {
        finished = true;
        notifyAll();
    }

    /** Sends what the run writes until {@link #finish()}; on the connection's own thread. */
    void relay() {
        while (true) {
            Frame next;
            synchronized (this) {
                while (waiting.isEmpty() && !finished) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                if (waiting.isEmpty()) {
                    return;
                }
                next = waiting.peekFirst();
            }
            boolean sent = true;
            try {
                channel.write(next);
            } catch (IOException e) {
                sent = false;
            }
            synchronized (this) {
                waiting.pollFirst();
                waitingBytes -= next.payload().length;
                if (!sent) {
                    broken = true; // the client hung up: what the run still writes is dropped
                    waiting.clear();
                    waitingBytes = 0;
                }
                notifyAll();
            }
        }
    }
}
