package io.ascent.core.provision.kube;

import io.ascent.core.provision.ProvisionException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The connections of one run, opened once each: preflight, the driver and the deploy phase talk to the same
 * cluster, and loading a kubeconfig and building its TLS client is the costly part of a request. Per run, never
 * shared between runs (credentials may rotate between builds); {@link #close} at the end of the run. Thread-safe:
 * a connection is built by the first caller while later callers for the same cluster wait for it, and the lock is
 * never held while one is built.
 */
public final class KubeConnections implements AutoCloseable {

    /** The files (none: the pod's service account), whether named on purpose, and the context. */
    private record Key(List<Path> kubeconfigs, boolean explicit, Optional<String> context) {
    }

    private final Map<Key, FutureTask<KubeConnection>> open = new HashMap<>();
    private final Set<Key> warmed = new HashSet<>();
    private final List<Thread> warmUps = new ArrayList<>();
    private boolean closed;
    private final Map<String, String> environment;

    /**
     * @param environment the run's environment (a Jenkins build's, not the agent JVM's): its proxy variables, the
     *                    {@code PATH} exec credential plugins are found on and what they get, the pod's service
     *                    address, and {@code KUBECONFIG} for the drivers that share these connections
     */
    public KubeConnections(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** The run's environment these connections are opened in. */
    public Map<String, String> environment() {
        return environment;
    }

    private static Key key(Optional<KubeconfigFiles> kubeconfigs, Optional<String> context) {
        return new Key(kubeconfigs.map(k -> k.files().stream().map(p -> p.toAbsolutePath().normalize()).toList())
                .orElse(List.of()), kubeconfigs.map(KubeconfigFiles::explicit).orElse(false), context);
    }

    /** The connection through {@code kubeconfig} alone and {@code context}, or the pod's service account when empty. */
    public KubeConnection connect(Optional<Path> kubeconfig, Optional<String> context) throws ProvisionException {
        return connectTo(kubeconfig.map(KubeconfigFiles::of), context);
    }

    /** The connection through the merge of {@code kubeconfigs} and {@code context}. */
    public KubeConnection connect(KubeconfigFiles kubeconfigs, Optional<String> context) throws ProvisionException {
        return connectTo(Optional.of(kubeconfigs), context);
    }

    /**
     * Lets {@code file} and {@code fileContext} reach the connection already open (or being opened) through
     * {@code kubeconfigs} and {@code context}: the run's single-context copy of a merged kubeconfig
     * ({@link MergedKubeconfig#writeSingle}) names the same cluster and user, and a second connection would cost a
     * second TLS handshake. Nothing happens when there is no such connection.
     */
    public synchronized void share(KubeconfigFiles kubeconfigs, Optional<String> context, Path file,
            Optional<String> fileContext) {
        FutureTask<KubeConnection> task = open.get(key(Optional.of(kubeconfigs), context));
        if (task != null && !closed) {
            open.putIfAbsent(key(Optional.of(KubeconfigFiles.of(file)), fileContext), task);
        }
    }

    private KubeConnection connectTo(Optional<KubeconfigFiles> kubeconfigs, Optional<String> context)
            throws ProvisionException {
        Key key = key(kubeconfigs, context);
        FutureTask<KubeConnection> task;
        boolean builder = false;
        synchronized (this) {
            if (closed) {
                throw new ProvisionException(ProvisionException.Kind.ENVIRONMENT, "the run's connections are "
                        + "closed", "this is a bug in Ascent, please report it");
            }
            task = open.get(key);
            if (task == null) {
                task = new FutureTask<>(() -> kubeconfigs.isPresent()
                        ? ClusterConnector.fromKubeconfigs(kubeconfigs.get(), context, environment)
                        : ClusterConnector.inCluster(environment));
                open.put(key, task);
                builder = true;
            }
        }
        if (builder) {
            task.run();
        }
        try {
            KubeConnection connection = await(task);
            synchronized (this) {
                if (closed && builder) {
                    connection.close(); // the run ended while this one was built (a warm-up)
                }
            }
            return connection;
        } catch (ExecutionException e) {
            synchronized (this) {
                open.remove(key, task); // the next caller tries again and reports its own failure
            }
            if (e.getCause() instanceof ProvisionException failure) {
                throw failure;
            }
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Waits for a connection another thread builds. The build reads files and sets up TLS, bounded; an interrupt
     * meanwhile is kept for the caller's next blocking call rather than lost.
     */
    private static KubeConnection await(FutureTask<KubeConnection> task) throws ExecutionException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Opens the connection through {@code kubeconfig} and {@code context} on a background thread and asks the
     * server's {@code /version} once, ignoring every failure: loading the API client, reading the kubeconfig,
     * building its TLS client and the first handshake then overlap with the static validation that runs before
     * preflight, and preflight finds the connection open. Only reads: nothing is created before validation
     * passes. A failure here is met again, and reported, when preflight connects for real. Once per cluster: the
     * command line warms up from its words before it parses them, and the run, which does not know that, asks
     * again for the same cluster (one connection, one handshake); a different cluster gets its own warm-up.
     */
    public synchronized void warmUp(Path kubeconfig, Optional<String> context) {
        warmUp(KubeconfigFiles.of(kubeconfig), context);
    }

    /** {@link #warmUp(Path, Optional)} through the merge of {@code kubeconfigs}. */
    public synchronized void warmUp(KubeconfigFiles kubeconfigs, Optional<String> context) {
        if (closed || !warmed.add(key(Optional.of(kubeconfigs), context))) {
            return;
        }
        Thread warmUp = new Thread(() -> {
            try {
                connect(kubeconfigs, context).get("/version");
            } catch (ProvisionException | KubeException | RuntimeException e) {
                // reported by preflight, which makes the same connection and request
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "ascent-connection-warm-up");
        warmUp.setDaemon(true);
        warmUps.add(warmUp);
        warmUp.start();
    }

    /** For tests: waits until every {@link #warmUp} started so far has ended. */
    void awaitWarmUps() throws InterruptedException {
        List<Thread> started;
        synchronized (this) {
            started = new ArrayList<>(warmUps);
        }
        for (Thread thread : started) {
            thread.join();
        }
    }

    /**
     * Stops every {@link #warmUp} still under way and closes every connection (their idle sockets and threads), so
     * that nothing of the run outlives it and the JVM can exit at once. A connection still being built is closed
     * by its builder when it is done.
     */
    @Override
    public void close() {
        List<FutureTask<KubeConnection>> tasks;
        List<Thread> running;
        synchronized (this) {
            closed = true;
            running = new ArrayList<>(warmUps);
            tasks = new ArrayList<>(open.values());
            open.clear();
        }
        running.forEach(Thread::interrupt);
        // a shared connection is in the map under two keys: close it once
        for (FutureTask<KubeConnection> task : new java.util.LinkedHashSet<>(tasks)) {
            if (task.isDone()) {
                try {
                    task.get().close();
                } catch (ExecutionException e) {
                    // it never opened: nothing to close
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt(); // not reached: a done task's get() does not wait
                }
            }
        }
    }
}
