package io.ascent.core.provision.kube;

import io.ascent.core.provision.ProvisionException;
import io.ascent.core.provision.ProvisionException.Kind;
import io.ascent.core.workspace.ConfinedFiles;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The kubeconfig files a command reads, chosen and merged as kubectl chooses and merges them (client-go's
 * {@code clientcmd} loading rules): {@code --kubeconfig} alone (it must exist); else every file of {@code KUBECONFIG}
 * in order, empty entries, duplicates and missing files skipped; else {@code ~/.kube/config}. {@link #load()} merges
 * them into one {@link MergedKubeconfig}: for clusters, users and contexts the first file that defines a name wins,
 * {@code current-context} comes from the first file that sets one, and relative paths in a stanza are resolved
 * against the folder of the file that defined it.
 */
public final class KubeconfigFiles {

    /** The environment variable kubectl reads its list of files from. */
    public static final String VARIABLE = "KUBECONFIG";

    /** A kubeconfig larger than this is not one (they hold a few certificates). */
    static final long MAX_BYTES = 4L * 1024 * 1024;

    private final List<Path> files;
    private final boolean explicit;

    private KubeconfigFiles(List<Path> files, boolean explicit) {
        this.files = List.copyOf(files);
        this.explicit = explicit;
    }

    /** One file named on purpose ({@code --kubeconfig}): it must exist, as kubectl requires. */
    public static KubeconfigFiles of(Path file) {
        return new KubeconfigFiles(List.of(file), true);
    }

    /**
     * The files kubectl would read: {@code given} alone, else {@code environment}'s {@value #VARIABLE} (split at the
     * platform's path separator, empty entries and repeats dropped; missing files stay in the list and are skipped
     * when loading, as kubectl skips them), else {@code $HOME/.kube/config} ({@code user.home} when {@code HOME} is
     * not set).
     */
    public static KubeconfigFiles locate(Optional<Path> given, Map<String, String> environment) {
        if (given.isPresent()) {
            return of(given.get());
        }
        String variable = environment.get(VARIABLE);
        if (variable != null && !variable.isEmpty()) {
            Set<Path> entries = new LinkedHashSet<>();
            for (String entry : variable.split(File.pathSeparator)) {
                if (!entry.isEmpty()) {
                    entries.add(Path.of(entry));
                }
            }
            if (!entries.isEmpty()) {
                return new KubeconfigFiles(new ArrayList<>(entries), false);
            }
        }
        String home = environment.getOrDefault("HOME", System.getProperty("user.home"));
        return new KubeconfigFiles(List.of(Path.of(home, ".kube", "config")), false);
    }

    /** The files in kubectl's order of precedence, existing or not. */
    public List<Path> files() {
        return files;
    }

    /** Whether the one file was named on purpose ({@code --kubeconfig}) rather than found. */
    public boolean explicit() {
        return explicit;
    }

    /** The files of {@link #files()} that exist, in order. */
    public List<Path> existing() {
        return files.stream().filter(Files::isRegularFile).toList();
    }

    /** The files as a user names them: one path, or {@code KUBECONFIG=a:b} for a list. */
    public String describe() {
        if (files.size() == 1) {
            return files.get(0).toString();
        }
        return VARIABLE + "=" + files.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }

    /**
     * Reads and merges the files. A missing {@code --kubeconfig} and a file that is not a kubeconfig are errors
     * naming the file, never quoting it (a YAML error quotes the text around the fault, which may be a token).
     *
     * @throws ProvisionException (ENVIRONMENT) when the explicit file is missing, no file of the list exists, or a
     *                            file cannot be read or is not a kubeconfig
     */
    public MergedKubeconfig load() throws ProvisionException {
        if (explicit && !Files.isRegularFile(files.get(0))) {
            throw new ProvisionException(Kind.ENVIRONMENT, "the kubeconfig " + files.get(0) + " does not exist",
                    "pass --kubeconfig PATH (or set KUBECONFIG) to the file of the cluster to deploy to");
        }
        List<Path> found = existing();
        if (found.isEmpty()) {
            throw new ProvisionException(Kind.ENVIRONMENT, "no kubeconfig: " + describe() + " names no file that "
                    + "exists", "pass --kubeconfig PATH, or set KUBECONFIG to the files of the cluster to deploy to");
        }
        MergedKubeconfig.Builder merged = MergedKubeconfig.builder(this);
        for (Path file : found) {
            merged.add(file, read(file));
        }
        return merged.build();
    }

    /** One file's top level: a mapping (an empty file is an empty kubeconfig, as kubectl reads it). */
    private static Map<?, ?> read(Path file) throws ProvisionException {
        try {
            return OperatorYamlFile.readMapping(file, MAX_BYTES);
        } catch (OperatorYamlFile.Unreadable e) {
            throw notKubeconfig(file, e.getMessage());
        }
    }

    static ProvisionException notKubeconfig(Path file, String why) {
        return new ProvisionException(Kind.ENVIRONMENT, "the kubeconfig " + file + " cannot be read (" + why + ")",
                "check that the file is a kubeconfig (kubectl config view --kubeconfig " + file + ")");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KubeconfigFiles that && files.equals(that.files) && explicit == that.explicit;
    }

    @Override
    public int hashCode() {
        return files.hashCode();
    }

    @Override
    public String toString() {
        return describe();
    }

    /** For the stanza builders: a map with string keys, copied, or empty when {@code value} is not a mapping. */
    static Map<String, Object> copy(Object value) {
        Map<String, Object> copy = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, entry) -> copy.put(String.valueOf(key), entry instanceof Map<?, ?> inner
                    ? copy(inner) : entry));
        }
        return copy;
    }
}
