package io.ascent.core;

import io.ascent.core.repo.RemoteCheckout;
import io.ascent.core.repo.RepositoryIdentity;
import io.ascent.core.run.RunRecorder;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Function;

/**
 * The repository and commit a report's header names, read on a thread of its own while the run reads its checklist,
 * and set on the report once the run is judged ({@link #applyTo}). Read on the run's own thread before the checklist,
 * it made every git run wait there for JGit's classes, which a warm-up thread was loading at the same time
 * (docs/performance.md, "Start-up cuts, fourth round"). The header is the same as when it was read first: the URL
 * given with {@code --repository}, else the work tree's own remote or folder; with {@code --no-git} only the folder,
 * since no commit is read.
 */
final class HeaderIdentity {
    private final ValidateOptions options;
    private final Path directory;
    /** The read; {@code null} when there is nothing to read ({@code --no-git}, or a run cancelled before it began). */
    private final FutureTask<Optional<RepositoryIdentity>> read;

    private HeaderIdentity(ValidateOptions options, Path directory, FutureTask<Optional<RepositoryIdentity>> read) {
        this.options = options;
        this.directory = directory;
        this.read = read;
    }

    /** Starts reading the identity of the work tree holding {@code directory}. */
    static HeaderIdentity start(ValidateOptions options, Path directory) {
        return start(options, directory, RepositoryIdentity::of);
    }

    /** As {@link #start(ValidateOptions, Path)}, the identity read by {@code reader} (tests hold it up). */
    static HeaderIdentity start(ValidateOptions options, Path directory,
            Function<Path, Optional<RepositoryIdentity>> reader) {
        if (options.noGit() || Thread.currentThread().isInterrupted()) {
            // A cancelled run reads nothing more (RepositoryIdentity.of answers empty on an interrupted thread).
            return new HeaderIdentity(options, directory, null);
        }
        FutureTask<Optional<RepositoryIdentity>> read = new FutureTask<>(() -> reader.apply(directory));
        Thread thread = new Thread(read, "ascent-identity");
        thread.setDaemon(true);
        try {
            thread.start();
        } catch (OutOfMemoryError noThread) {
            read.run(); // no thread to be had: read it here, as before
        }
        return new HeaderIdentity(options, directory, read);
    }

    /**
     * Waits for the read and names the repository and commit in {@code run}'s header. The wait is not cut short by
     * an interrupt (a few small files; a cancelled run's partial report still names its commit, as when the read
     * came first), and the interrupt is kept for the caller.
     */
    void applyTo(RunRecorder run) {
        Optional<RepositoryIdentity> identity = read == null ? Optional.empty() : await(read);
        String name = options.repository().map(RemoteCheckout::withoutCredentials)
                .or(() -> identity.map(RepositoryIdentity::name))
                .orElseGet(() -> String.valueOf(directory.toAbsolutePath().normalize().getFileName()));
        String commit = identity.map(RepositoryIdentity::commit).orElse(null);
        run.header(header -> header.withRepository(name).withCommit(commit));
    }

    private static Optional<RepositoryIdentity> await(FutureTask<Optional<RepositoryIdentity>> read) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return read.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    // RepositoryIdentity.of answers empty for what it cannot read; anything else is the run's to meet.
                    if (e.getCause() instanceof Error error) {
                        throw error;
                    }
                    if (e.getCause() instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
