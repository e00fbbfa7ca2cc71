package io.ascent.cli;

import io.ascent.core.Ascent;
import io.ascent.core.provision.kube.KubeConnections;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine;

/** Entry point of {@code ascent}. */
public final class Main {

    /** The commands that validate an application (provision validates first), which {@link Ascent#warmUp()} serves. */
    private static final Set<String> VALIDATING = Set.of("validate", "baseline", "provision");

    private Main() {
    }

    public static void main(String[] args) {
        StopSignals.install();
        // First of all: the client, the kubeconfig, the TLS handshake and /version took longer than validation
        // when they started only once the command line was parsed (docs/performance.md, "The connection's
        // warm-up from the first word"). Only warms; picocli still decides what the words mean.
        Optional<KubeConnections> warm = ClusterWarmUp.start(args);
        Ascent.ignoreHostGitConfiguration(); // verdicts from the commit and checklist only, no git processes
        if (args.length > 0 && VALIDATING.contains(args[0])) {
            // On a second core while picocli builds the command line. Before parsing, --no-git is looked for
            // among the words: as another option's value it only costs the run loading JGit's state itself.
            Ascent.warmUp(!Arrays.asList(args).contains("--no-git"));
            JitChoice.applyInBackground(); // C1 only, as the launcher chooses, when started with java -jar
        }
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int status = run(Invocation.ofProcess(out, err), warm, args);
        out.flush();
        err.flush();
        System.exit(status);
    }

    /** Runs {@code ascent} with the given arguments and returns the exit status; never calls System.exit. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(Invocation.ofProcess(out, err), Optional.empty(), args);
    }

    /**
     * Runs {@code ascent} as {@code invocation} asks (its directory, environment, streams and stop) and returns the
     * exit status; never calls System.exit. The resident engine's entry for each request: as {@link #main} does, a
     * provision's cluster connection starts warming from the words before picocli parses them ({@link ClusterWarmUp},
     * the request's own connections).
     */
    public static int run(Invocation invocation, String... args) {
        return run(invocation, ClusterWarmUp.start(invocation, args), args);
    }

    /**
     * As {@link #run(PrintWriter, PrintWriter, String...)}, with the connections {@link ClusterWarmUp} started
     * warming from these arguments: a provision run takes them over; they are closed when the command ends, also
     * when no run took them (a usage error, help).
     */
    static int run(PrintWriter out, PrintWriter err, Optional<KubeConnections> warm, String... args) {
        return run(Invocation.ofProcess(out, err), warm, args);
    }

    /** As {@link #run(PrintWriter, PrintWriter, Optional, String...)}, as {@code invocation} asks. */
    static int run(Invocation invocation, Optional<KubeConnections> warm, String... args) {
        try {
            return execute(invocation, warm, args);
        } finally {
            warm.ifPresent(KubeConnections::close); // idempotent: a run that took them has closed them already
        }
    }

    private static int execute(Invocation invocation, Optional<KubeConnections> warm, String... args) {
        PrintWriter out = invocation.out();
        PrintWriter err = invocation.err();
        CommandLine commandLine = AscentCommand.commandLine(invocation, warm, args);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        if (!invocation.isProcess()) {
            // picocli would ask the engine JVM's console and environment: the request's terminal and environment decide
            commandLine.setColorScheme(CommandLine.Help.defaultColorScheme(HelpColors.of(invocation)));
        }
        commandLine.setParameterExceptionHandler(new UsageErrorHandler());
        commandLine.setExecutionExceptionHandler(new InternalErrorHandler(invocation));
        commandLine.setExitCodeExceptionMapper(exception -> ExitCodes.INTERNAL_ERROR);
        int status;
        try {
            status = commandLine.execute(args);
        } catch (StackOverflowError | OutOfMemoryError e) {
            // The engine bounds what it reads and reports what it cannot judge; reaching here is a bug, but it
            // still gets one line and the internal-error status, not a stack trace and the JVM's exit 1.
            err.println("ascent: internal error: " + (e instanceof OutOfMemoryError
                    ? "out of memory (" + e.getMessage() + "); raise -Xmx or report the input that caused it"
                    : "the stack overflowed; please report the input that caused it"));
            status = ExitCodes.INTERNAL_ERROR;
        }
        out.flush();
        err.flush();
        return status;
    }

    /**
     * Anything that escapes a command is a bug: one line by default, the stack trace only with
     * {@code ASCENT_DEBUG=1}, as kind's CLI does with its verbosity flag.
     */
    private static final class InternalErrorHandler implements CommandLine.IExecutionExceptionHandler {
        private final Invocation invocation;

        InternalErrorHandler(Invocation invocation) {
            this.invocation = invocation;
        }

        @Override
        public int handleExecutionException(Exception e, CommandLine command, CommandLine.ParseResult parse) {
            PrintWriter err = command.getErr();
            err.println("ascent: internal error: " + e);
            if ("1".equals(invocation.variable("ASCENT_DEBUG"))) {
                e.printStackTrace(err);
            } else {
                err.println("Set ASCENT_DEBUG=1 for the stack trace, and please report it.");
            }
            return ExitCodes.INTERNAL_ERROR;
        }
    }
}
