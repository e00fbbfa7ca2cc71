package io.ascent.core.provision.kube;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Lets the first request of a connection set up the TCP and TLS connection alone: requests that start while it is
 * under way wait for its response (or failure) and then share that connection (HTTP/2 multiplexes them), instead of
 * each making a connection, a TLS handshake and a client-key signature of its own. A provision meets this every
 * time: the warm-up's {@code /version} and preflight's requests start together when validation ends first (a
 * second handshake, about 20 ms of CPU on the critical path, seen in a profile of the cold CLI). A waiter waits at
 * most {@link #MAX_WAIT}, then goes its own way; an interrupt ends the wait as an {@link InterruptedIOException},
 * as OkHttp's own waits do.
 */
final class FirstConnectionGate implements Interceptor {

    /** Longer than a connection takes to open (connect timeout 10 s) plus a first answer. */
    static final long MAX_WAIT_SECONDS = 30;

    private final AtomicBoolean first = new AtomicBoolean(true);
    private final CountDownLatch opened = new CountDownLatch(1);

    @Override
    public Response intercept(Chain chain) throws IOException {
        if (first.compareAndSet(true, false)) {
            try {
                return chain.proceed(chain.request()); // returns at the response's headers, a watch's included
            } finally {
                opened.countDown();
            }
        }
        try {
            opened.await(MAX_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while the connection was being opened");
        }
        return chain.proceed(chain.request());
    }
}
