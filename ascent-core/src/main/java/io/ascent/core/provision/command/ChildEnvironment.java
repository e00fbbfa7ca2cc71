package io.ascent.core.provision.command;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The environment a child process is given, built from the run's and what a call adds. On Windows a variable's name
 * has no case ({@code Path} and {@code PATH} are one variable, as Jenkins' {@code EnvVars} and
 * {@code GetEnvironmentVariable} treat them), but {@link ProcessBuilder#environment()} there is an ordinary map:
 * given both spellings it passes both, and which one the child reads is then the Windows loader's choice. So on
 * Windows the names are merged ignoring case before the child sees them, a later value replacing an earlier one.
 */
public final class ChildEnvironment {

    private ChildEnvironment() {
    }

    /**
     * The run's environment with {@code added} on top (an added variable replaces the run's of the same name, on
     * Windows whatever its case), without null names or values (a child cannot be given one).
     */
    public static Map<String, String> of(Map<String, String> run, Map<String, String> added, OperatingSystem system) {
        Map<String, String> child = system == OperatingSystem.WINDOWS
                ? new TreeMap<>(String.CASE_INSENSITIVE_ORDER) : new LinkedHashMap<>();
        for (Map<String, String> layer : java.util.List.of(run, added)) {
            layer.forEach((name, value) -> {
                if (name != null && value != null) {
                    // TreeMap.put keeps the first spelling of the name: remove it so the value's own spelling stays
                    child.remove(name);
                    child.put(name, value);
                }
            });
        }
        return child;
    }

    /**
     * The value of {@code name} in {@code environment} as a child on {@code system} would read it: on Windows
     * ignoring case (of two spellings, the one {@link #of} keeps), elsewhere exactly. Null when unset.
     */
    public static String get(Map<String, String> environment, String name, OperatingSystem system) {
        return system == OperatingSystem.WINDOWS ? of(environment, Map.of(), system).get(name)
                : environment.get(name);
    }
}
