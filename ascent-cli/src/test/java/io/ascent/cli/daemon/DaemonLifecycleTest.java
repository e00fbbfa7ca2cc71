package io.ascent.cli.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The resident engine's life: it binds only in a folder that is its user's alone, replaces a stale socket, leaves a
 * live one be, answers {@code daemon status} and {@code daemon stop}, and exits when idle, when its socket file goes,
 * and, on SIGTERM, only after stopping its running requests as the signal stops the command line.
 */
@Timeout(180)
class DaemonLifecycleTest {
    @TempDir
    Path dir;

    @Test
    void shouldRefuseAFolderOthersMayEnter() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("rt"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));

        try (InProcessDaemon daemon = InProcessDaemon.start(folder.resolve("d.sock"), "10m")) {
            assertThat(daemon.awaitExit(10)).isEqualTo(3);
            assertThat(daemon.log()).contains("has mode 0755, which lets others in; run: chmod 700 " + folder);
            assertThat(folder.resolve("d.sock")).doesNotExist();
        }
    }

    @Test
    void shouldRefuseAFolderThatIsASymbolicLink() throws Exception {
        Path real = Files.createDirectory(dir.resolve("real"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path link = Files.createSymbolicLink(dir.resolve("rt"), real);

        try (InProcessDaemon daemon = InProcessDaemon.start(link.resolve("d.sock"), "10m")) {
            assertThat(daemon.awaitExit(10)).isEqualTo(3);
            assertThat(daemon.log()).contains("the socket folder " + link + " is a symbolic link");
            assertThat(real.resolve("d.sock")).doesNotExist();
        }
    }

    @Test
    void shouldRefuseAFolderOfAnotherUser() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("rt"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        int owner = (Integer) Files.getAttribute(folder, "unix:uid");

        // as seen by a user other than the folder's owner
        assertThatThrownBy(() -> SocketFolder.check(folder, owner + 1))
                .isInstanceOf(SocketFolder.UntrustedException.class)
                .hasMessage("the socket folder " + folder + " belongs to uid " + owner + ", not to you (uid "
                        + (owner + 1) + "); remove it or set XDG_RUNTIME_DIR to a folder of your own");
        SocketFolder.check(folder, owner);
    }

    @Test
    void shouldMakeTheFolderOnlyItsUserMayEnter() throws Exception {
        try (InProcessDaemon daemon = InProcessDaemon.start(dir.resolve("rt").resolve("d.sock"), "10m")) {
            assertThat(Files.getPosixFilePermissions(dir.resolve("rt")))
                    .isEqualTo(PosixFilePermissions.fromString("rwx------"));
            assertThat(InProcessDaemon.accepts(daemon.socket)).isTrue();
        }
    }

    @Test
    void shouldReplaceAStaleSocketNobodyListensOn() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("rt"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path socket = folder.resolve("d.sock");
        try (ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            dead.bind(UnixDomainSocketAddress.of(socket)); // a daemon killed with -9 leaves its file
        }
        assertThat(socket).exists();

        try (InProcessDaemon daemon = InProcessDaemon.start(socket, "10m")) {
            DaemonClient.Answer answer = DaemonClient.run(socket, dir, Map.of(), "daemon", "status");
            assertThat(answer.status()).isZero();
            assertThat(daemon.awaitExit(0)).isNull();
        }
    }

    @Test
    void shouldLeaveALiveServerBeAndExitQuietly() throws Exception {
        Path socket = dir.resolve("rt").resolve("d.sock");
        try (InProcessDaemon first = InProcessDaemon.start(socket, "10m");
                InProcessDaemon second = InProcessDaemon.start(socket, "10m")) {
            assertThat(second.awaitExit(10)).isZero();
            assertThat(second.log()).contains("already answers");
            assertThat(first.awaitExit(0)).isNull();
            assertThat(DaemonClient.run(socket, dir, Map.of(), "daemon", "status").status()).isZero();
        }
    }

    @Test
    void shouldDescribeItselfOnDaemonStatus() throws Exception {
        try (InProcessDaemon daemon = InProcessDaemon.start(dir.resolve("rt").resolve("d.sock"), "45m")) {
            DaemonClient.run(daemon.socket, dir, Map.of(), "checks");

            DaemonClient.Answer answer = DaemonClient.run(daemon.socket, dir, Map.of(), "daemon", "status");

            assertThat(answer.status()).isZero();
            assertThat(answer.out()).matches("ascent daemon: pid " + ProcessHandle.current().pid()
                    + ", up \\d+s, 1 requests served, 0 running, idle timeout 45m\n");
        }
    }

    @Test
    void shouldStopAfterTheRunningRequestsOnDaemonStop() throws Exception {
        try (InProcessDaemon daemon = InProcessDaemon.start(dir.resolve("rt").resolve("d.sock"), "10m");
                HangingSchemaServer schemas = new HangingSchemaServer()) {
            Path app = schemas.application(dir.resolve("app"));
            Map<String, String> env = Map.of("ASCENT_ALLOWED_URLS", schemas.base, "XDG_CACHE_HOME",
                    dir.resolve("cache").toString());
            CompletableFuture<DaemonClient.Answer> running = CompletableFuture.supplyAsync(() -> {
                try {
                    return DaemonClient.run(daemon.socket, app, env, "validate", ".", "--no-git");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(schemas.awaitAsked(60)).isTrue();

            CompletableFuture<DaemonClient.Answer> stop = CompletableFuture.supplyAsync(() -> {
                try {
                    return DaemonClient.run(daemon.socket, dir, Map.of(), "daemon", "stop");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(500);
            assertThat(stop).as("waits for the running request").isNotDone();
            assertThat(daemon.socket).as("new clients start a new daemon meanwhile").doesNotExist();
            schemas.release();

            assertThat(running.get(60, TimeUnit.SECONDS).status()).isZero();
            DaemonClient.Answer stopped = stop.get(60, TimeUnit.SECONDS);
            assertThat(stopped.out()).isEqualTo("ascent daemon: stopping\n");
            assertThat(stopped.status()).isZero();
            assertThat(daemon.awaitExit(30)).isZero();
            assertThat(daemon.log()).contains("exiting (asked to stop)");
        }
    }

    @Test
    void shouldExitWhenIdleForItsTimeout() throws Exception {
        try (InProcessDaemon daemon = InProcessDaemon.start(dir.resolve("rt").resolve("d.sock"), "1s")) {
            assertThat(daemon.awaitExit(1)).as("not before its timeout").isNull();

            assertThat(daemon.awaitExit(30)).isZero();
            assertThat(daemon.log()).contains("exiting (idle for 1s)");
            assertThat(daemon.socket).doesNotExist();
        }
    }

    @Test
    void shouldExitWhenItsJarIsRebuiltButNotWhileACommandRuns() throws Exception {
        Path jar = Files.writeString(dir.resolve("ascent.jar"), "the engine's jar");
        try (HangingSchemaServer schemas = new HangingSchemaServer();
                InProcessDaemon daemon = InProcessDaemon.start(dir.resolve("rt").resolve("d.sock"), "10m",
                        OwnJar.of(jar))) {
            Path app = schemas.application(dir.resolve("app"));
            try (DaemonClient client = DaemonClient.connect(daemon.socket)) {
                client.send(app, Map.of("ASCENT_ALLOWED_URLS", schemas.base, "XDG_CACHE_HOME",
                        dir.resolve("cache").toString()), "validate", ".", "--no-git");
                assertThat(schemas.awaitAsked(60)).isTrue();

                Files.writeString(jar, "the engine's jar, rebuilt");
                assertThat(daemon.awaitExit(2)).as("not while a command runs").isNull();

                client.signal(15);
                assertThat(client.answer().status()).isEqualTo(143);
            }
            assertThat(daemon.awaitExit(30)).isZero();
            assertThat(daemon.log()).contains("exiting (its jar " + jar + " was rebuilt or removed");
            assertThat(daemon.socket).doesNotExist();
        }
    }

    @Test
    void shouldExitWhenItsSocketFileIsRemoved() throws Exception {
        try (InProcessDaemon daemon = InProcessDaemon.start(dir.resolve("rt").resolve("d.sock"), "10m")) {
            Files.delete(daemon.socket);

            assertThat(daemon.awaitExit(30)).isZero();
            assertThat(daemon.log()).contains("exiting (the socket file was removed or replaced)");
        }
    }

    @Test
    void shouldStopItsRunningRequestsAsSigtermWouldWhenItsJvmIsTerminated() throws Exception {
        try (HangingSchemaServer schemas = new HangingSchemaServer();
                ChildDaemon daemon = ChildDaemon.start(dir.resolve("rt").resolve("d.sock"), dir.resolve("d.log"))) {
            Path app = schemas.application(dir.resolve("app"));
            Map<String, String> env = new HashMap<>(Map.of("ASCENT_ALLOWED_URLS", schemas.base, "XDG_CACHE_HOME",
                    dir.resolve("cache").toString()));
            try (DaemonClient client = DaemonClient.connect(daemon.socket)) {
                client.send(app, env, "validate", ".", "--no-git", "-f", "json", "-o", "report.json");
                assertThat(schemas.awaitAsked(60)).isTrue();

                daemon.process.destroy(); // SIGTERM
                DaemonClient.Answer answer = client.answer();

                assertThat(answer.status()).as(answer.err() + daemon.log()).isEqualTo(143);
                assertThat(app.resolve("report.json")).content().contains("\"interrupted\" : true",
                        "\"exitStatus\" : 143");
                assertThat(daemon.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
                assertThat(daemon.process.exitValue()).isEqualTo(143);
                assertThat(daemon.socket).doesNotExist();
            }
        }
    }
}
