package io.ascent.cli;

import java.lang.management.ManagementFactory;
import javax.management.ObjectName;

/** A JVM that takes the JIT choice as {@code ascent} does, then prints whether it could and the directives in force. */
final class JitChoiceProbe {

    private JitChoiceProbe() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("applied " + JitChoice.excludeC2());
        System.out.println(ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerDirectivesPrint",
                new Object[] {new String[0]}, new String[] {String[].class.getName()}));
    }
}
