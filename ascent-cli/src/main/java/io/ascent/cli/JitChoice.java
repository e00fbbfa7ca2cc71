package io.ascent.cli;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.management.ObjectName;

/**
 * Gives a JVM started without the launcher ({@code java -jar ascent.jar}) the launcher's choice of JIT compiler:
 * C1 only. The launcher passes {@code -XX:TieredStopAtLevel=1}, since a run of Ascent is short and C2 spends more
 * compiling than its code saves: on 50,000 manifests with the JVM's defaults, C2 compiling was a third of the
 * process's CPU (docs/performance.md, "Where the second core idles"). A jar cannot carry JVM flags, but
 * HotSpot takes compiler directives at run time through its diagnostic-command MBean (what
 * {@code jcmd PID Compiler.directives_add} sends): one that excludes every method from C2 leaves the compiling to
 * C1.
 *
 * <p>Only {@link Main#main} calls it, for the commands that validate, never the engine in a longer-lived JVM
 * (Jenkins) where C2 pays for itself. A JVM that already runs C1 alone (the launcher's; "emulated-client" in
 * {@code java.vm.info}) or interpreted is left as it is. Any failure (another JVM, no {@code java.management}) leaves
 * the JIT as it was: this changes speed only, never what a run reports.
 */
final class JitChoice {
    /** Every method excluded from C2; C1 compiles them as before (JSON with HotSpot's directive keys). */
    private static final String C1_ONLY = "[{\"match\": [\"*.*\"], \"c2\": {\"Exclude\": true}}]";

    private JitChoice() {
    }

    /** Adds the directive on a daemon thread, so the main thread starts at once; compiling is still young then. */
    static void applyInBackground() {
        if (!hasC2(System.getProperty("java.vm.info", ""))) {
            return;
        }
        Thread thread = new Thread(JitChoice::excludeC2, "ascent-jit-choice");
        thread.setDaemon(true);
        thread.start();
    }

    /** Whether the JVM runs C2 at all, as its {@code java.vm.info} says. */
    static boolean hasC2(String vmInfo) {
        return vmInfo.contains("mixed mode") && !vmInfo.contains("emulated-client");
    }

    /** Adds the directive now; {@code false} when this JVM would not take it. */
    static boolean excludeC2() {
        Path directives = null;
        try {
            directives = Files.createTempFile("ascent-jit-", ".json");
            Files.writeString(directives, C1_ONLY, StandardCharsets.UTF_8);
            ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerDirectivesAdd",
                    new Object[] {new String[] {directives.toString()}}, new String[] {String[].class.getName()});
            return true;
        } catch (Exception | LinkageError e) {
            return false; // another JVM, or management left out of the runtime: the JIT stays as it was
        } finally {
            if (directives != null) {
                try {
                    Files.deleteIfExists(directives);
                } catch (java.io.IOException e) {
                    directives.toFile().deleteOnExit();
                }
            }
        }
    }
}
