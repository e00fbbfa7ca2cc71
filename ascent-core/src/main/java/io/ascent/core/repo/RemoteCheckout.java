package io.ascent.core.repo;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jgit.api.CloneCommand;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.EmptyProgressMonitor;
import org.eclipse.jgit.transport.TransportHttp;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * {@code --repository URL [--ref REF]}: a shallow clone (depth 1, one branch, no tags) of a remote repository into
 * a temporary directory, removed on {@link #close()} or, when the process is stopped first (SIGTERM), by a shutdown
 * hook ({@link TemporaryDirectory}). It is checked out, not bare: the other validation steps
 * (manifests, provisioning) read files from disk, and a checkout of depth 1 costs little more than the bare pack.
 * The clone stops when the calling thread is interrupted (JGit asks its progress monitor between units of work),
 * and a remote that stops answering fails after the network timeout; a {@code git://} remote goes through a
 * {@link GitProtocolRelay}, since JGit cannot bound or interrupt that protocol's reads itself. The clone runs on a
 * thread of its own, so an interrupted caller returns within seconds even while a read is blocked.
 */
public final class RemoteCheckout implements AutoCloseable {
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private final TemporaryDirectory directory;

    private RemoteCheckout(TemporaryDirectory directory) {
        this.directory = directory;
    }

    /** Why a clone failed, and whether the fault is the environment's (network) or the input's (URL, ref). */
    public static final class CloneException extends IOException {
        private static final long serialVersionUID = 1L;
        private final boolean environment;

        CloneException(String message, boolean environment) {
            super(message);
            this.environment = environment;
        }

        /** True when the remote could not be reached (DNS, refused connection, no route, timeout). */
        public boolean environment() {
            return environment;
        }
    }

    /** Clones into the system's temporary folder, with a 60 s network timeout. */
    public static RemoteCheckout clone(String url, Optional<String> ref) throws CloneException, InterruptedException {
        return clone(url, ref, Path.of(System.getProperty("java.io.tmpdir")), DEFAULT_TIMEOUT);
    }

    /**
     * Clones {@code url} at {@code ref} (a branch or tag name; the remote's default branch when empty) into a new
     * folder under {@code temporaryParent}.
     *
     * @throws CloneException       when the clone fails; the message says why and never holds credentials from
     *                              the URL
     * @throws InterruptedException when the thread is interrupted; the partial clone is removed first
     */
    public static RemoteCheckout clone(String url, Optional<String> ref, Path temporaryParent, Duration timeout)
            throws CloneException, InterruptedException {
        return clone(url, ref, temporaryParent, timeout, Optional.empty());
    }

    /**
     * As {@link #clone(String, Optional, Path, Duration)}, authenticating with {@code credentials} when the remote
     * asks (HTTP basic authentication); the secret never appears in an exception message.
     */
    public static RemoteCheckout clone(String url, Optional<String> ref, Path temporaryParent, Duration timeout,
            Optional<GitCredentials> credentials) throws CloneException, InterruptedException {
        return clone(url, ref, temporaryParent, timeout, credentials, Map.of());
    }

    /**
     * As {@link #clone(String, Optional, Path, Duration, Optional)}, an {@code http(s)} remote reached through the
     * proxy {@code environment} names ({@code HTTPS_PROXY}, {@code HTTP_PROXY}, {@code NO_PROXY}: the run's, not
     * the JVM's; {@link ProxiedHttpConnections}). A proxy setting that cannot be used is an environment failure.
     */
    public static RemoteCheckout clone(String url, Optional<String> ref, Path temporaryParent, Duration timeout,
            Optional<GitCredentials> credentials, Map<String, String> environment)
            throws CloneException, InterruptedException {
        refuseOptionLikeParts(url);
        if (Thread.interrupted()) {
            throw new InterruptedException("cancelled before the clone");
        }
        TemporaryDirectory directory;
        try {
            Files.createDirectories(temporaryParent);
            directory = TemporaryDirectory.create(temporaryParent, "ascent-remote-");
        } catch (IOException e) {
            throw new CloneException("could not make a temporary folder for the clone: " + e.getMessage(), true);
        }
        GitProtocolRelay relay;
        try {
            relay = isGitProtocol(url) ? GitProtocolRelay.open(new URIish(url), timeout) : null;
        } catch (IOException | URISyntaxException e) {
            deleteQuietly(directory);
            throw new CloneException("could not clone " + withoutCredentials(url) + ": " + e.getMessage(), true);
        }
        String cloneUrl = relay == null ? url : relayed(url, relay);
        CancelOnInterrupt monitor = new CancelOnInterrupt(Thread.currentThread());
        HostGitConfiguration.applyRequested();
        CloneCommand clone = Git.cloneRepository()
                .setURI(cloneUrl)
                .setDirectory(directory.path().toFile())
                .setDepth(1)
                .setCloneAllBranches(false)
                .setNoTags()
                .setTimeout((int) Math.max(1, timeout.toSeconds()))
                .setProgressMonitor(monitor);
        ProxiedHttpConnections connections = new ProxiedHttpConnections(environment);
        clone.setTransportConfigCallback(transport -> {
            if (transport instanceof TransportHttp http) {
                http.setHttpConnectionFactory(connections); // this transport only: nothing JVM-wide
            }
        });
        ref.ifPresent(clone::setBranch);
        credentials.ifPresent(c -> clone.setCredentialsProvider(
                new UsernamePasswordCredentialsProvider(c.username(), c.secret())));
        try {
            if (relay == null) {
                // http(s) and ssh reads ignore interrupts: the caller stops waiting, the clone ends at its timeout
                callOnWorker(clone, directory, () -> { }, HTTP_STOP_GRACE);
            } else {
                callOnWorker(clone, directory, relay::close, RELAY_STOP_GRACE);
            }
            if (Thread.interrupted() || monitor.cancelled()) {
                throw new InterruptedException("clone interrupted");
            }
            return new RemoteCheckout(directory);
        } catch (GitAPIException | RuntimeException e) {
            deleteQuietly(directory);
            if (Thread.interrupted() || monitor.cancelled()) {
                throw new InterruptedException("clone interrupted");
            }
            if (relay != null && relay.timedOut()) {
                throw new CloneException("could not clone " + withoutCredentials(url) + ": the remote did not "
                        + "answer within " + timeout.toSeconds() + " s", true);
            }
            Optional<ProxiedHttpConnections.UnusableProxy> proxy = unusableProxy(e);
            if (proxy.isPresent()) {
                // JGit's message says only "cannot open git-upload-pack"; the proxy's names the setting
                throw new CloneException("could not clone " + withoutCredentials(url) + ": "
                        + proxy.get().getMessage(), true);
            }
            String why = withoutCredentials(String.valueOf(e.getMessage()).replace(cloneUrl, url));
            if (credentials.isPresent() && !credentials.get().secret().isEmpty()) {
                why = why.replace(credentials.get().secret(), "***");
            }
            throw new CloneException("could not clone " + withoutCredentials(url)
                    + ref.map(r -> " at " + r).orElse("") + ": " + why, isUnreachable(e));
        } catch (AbandonedClone e) {
            throw e; // the clone's own thread removes the folder when its blocked read ends
        } catch (InterruptedException e) {
            deleteQuietly(directory);
            throw e;
        } finally {
            if (relay != null) {
                relay.close();
            }
        }
    }

    private static boolean isGitProtocol(String url) {
        return url.strip().regionMatches(true, 0, "git://", 0, 6);
    }

    private static String relayed(String url, GitProtocolRelay relay) throws CloneException {
        try {
            return relay.local(new URIish(url)).toString();
        } catch (URISyntaxException e) {
            relay.close();
            throw new CloneException("could not clone " + withoutCredentials(url) + ": not a git URL", false);
        }
    }

    /** How long an interrupted caller waits for a clone whose reads ignore interrupts before leaving it. */
    private static final Duration HTTP_STOP_GRACE = Duration.ofSeconds(2);
    /** Closing the relay ends a {@code git://} clone's read at once; this is only a bound. */
    private static final Duration RELAY_STOP_GRACE = Duration.ofSeconds(10);

    /** An interrupted caller left a clone still blocked in a read; the clone's thread removes the folder. */
    static final class AbandonedClone extends InterruptedException {
        private static final long serialVersionUID = 1L;

        AbandonedClone() {
            super("clone interrupted (its remote had not answered; the partial clone is removed when it stops)");
        }
    }

    /**
     * Runs the clone on a thread of its own, which the caller waits for interruptibly: JGit's socket reads (HTTP,
     * SSH, and {@code git://} before the relay) ignore interrupts, so an aborted Jenkins build or a Ctrl-C waited
     * for the network timeout (60 s by default). On an interrupt the caller runs {@code stop} (closing the
     * {@code git://} relay ends the clone's read at once), interrupts the clone's thread, and waits at most
     * {@code grace}; a clone still blocked then is left to end at its own timeout and remove its folder itself.
     */
    private static void callOnWorker(CloneCommand clone, TemporaryDirectory directory, Runnable stop,
            Duration grace) throws GitAPIException, InterruptedException {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        // RUNNING until the clone's thread ends (DONE) or the interrupted caller leaves it (ABANDONED), once.
        java.util.concurrent.atomic.AtomicInteger state = new java.util.concurrent.atomic.AtomicInteger(RUNNING);
        Thread worker = new Thread(() -> {
            try {
                clone.call().close(); // only the files are needed; the repository is reopened by the validation
            } catch (GitAPIException | RuntimeException | Error e) {
                failure.set(e);
            } finally {
                if (!state.compareAndSet(RUNNING, DONE)) {
                    deleteQuietly(directory);
                }
            }
        }, "ascent-clone");
        worker.setDaemon(true);
        worker.start();
        try {
            worker.join();
        } catch (InterruptedException e) {
            stop.run();
            worker.interrupt();
            worker.join(grace.toMillis());
            if (state.compareAndSet(RUNNING, ABANDONED)) {
                throw new AbandonedClone();
            }
            throw e;
        }
        Throwable thrown = failure.get();
        if (thrown instanceof GitAPIException e) {
            throw e;
        }
        if (thrown instanceof RuntimeException e) {
            throw e;
        }
        if (thrown instanceof Error e) {
            throw e;
        }
    }

    private static final int RUNNING = 0;
    private static final int DONE = 1;
    private static final int ABANDONED = 2;

    /**
     * Refuses a URL whose host or user begins with {@code -}: an SSH client given {@code -oProxyCommand=...} as a
     * host name runs it as an option (git's CVE-2017-1000117). Checked before JGit or {@code GIT_SSH} sees it.
     *
     * @throws CloneException naming the part, never the credentials; bad input, not the environment's fault
     */
    static void refuseOptionLikeParts(String url) throws CloneException {
        URIish parsed;
        try {
            parsed = new URIish(url);
        } catch (URISyntaxException e) {
            throw new CloneException("could not clone " + withoutCredentials(url) + ": not a git URL", false);
        }
        String host = parsed.getHost() == null ? "" : parsed.getHost();
        String user = parsed.getUser() == null ? "" : parsed.getUser();
        if (host.startsWith("-") || user.startsWith("-") || url.strip().startsWith("-")) {
            throw new CloneException("refused to clone " + withoutCredentials(url) + ": a "
                    + (user.startsWith("-") ? "user name" : "host name") + " beginning with '-' would be read as "
                    + "an option by ssh", false);
        }
    }

    /** Whether the cause chain says the remote could not be reached, rather than that the URL or ref is wrong. */
    private static Optional<ProxiedHttpConnections.UnusableProxy> unusableProxy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProxiedHttpConnections.UnusableProxy proxy) {
                return Optional.of(proxy);
            }
        }
        return Optional.empty();
    }

    static boolean isUnreachable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnknownHostException || cause instanceof ConnectException
                    || cause instanceof ProxiedHttpConnections.UnusableProxy
                    || cause instanceof NoRouteToHostException || cause instanceof SocketTimeoutException) {
                return true;
            }
            String message = String.valueOf(cause.getMessage());
            if (message.contains("Connection refused") || message.contains("Network is unreachable")
                    || message.contains("No route to host") || message.contains("timed out")
                    || message.contains("UnknownHostException") || message.contains("Unknown host")) {
                return true;
            }
        }
        return false;
    }

    /**
     * JGit asks this between units of work; an interrupted caller cancels the clone. It remembers having seen the
     * interrupt, since code inside JGit may clear the thread's flag on the way.
     */
    static final class CancelOnInterrupt extends EmptyProgressMonitor {
        private final Thread caller;
        private volatile boolean cancelled;

        CancelOnInterrupt(Thread caller) {
            this.caller = caller;
        }

        @Override
        public boolean isCancelled() {
            if (caller.isInterrupted()) {
                cancelled = true;
            }
            return cancelled;
        }

        boolean cancelled() {
            return cancelled;
        }
    }

    /** The work tree of the clone. */
    public Path directory() {
        return directory.path();
    }

    @Override
    public void close() throws IOException {
        directory.close();
    }

    private static void deleteQuietly(TemporaryDirectory directory) {
        // Clear the flag while deleting (JGit's retrying delete sleeps), then restore it for the caller to see.
        boolean interrupted = Thread.interrupted();
        try {
            directory.close();
        } catch (IOException ignored) {
            // a leftover temporary folder is not worth hiding the clone's own error
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** {@code https://user:token@host/x} → {@code https://***@host/x}: a URL may carry a token. */
    public static String withoutCredentials(String text) {
        return text.replaceAll("(?<=://)[^/@\\s]+@", "***@");
    }
}
