package io.ascent.core.provision.kube;

import io.ascent.core.provision.ProvisionException;
import io.ascent.core.provision.ProvisionException.Kind;
import io.kubernetes.client.util.KubeConfig;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The clusters, users and contexts of one or more kubeconfig files merged as kubectl merges them: the first file that
 * defines a name wins, {@code current-context} comes from the first file that sets one, and the relative paths of a
 * stanza (a cluster's {@code certificate-authority}; a user's {@code client-certificate}, {@code client-key},
 * {@code tokenFile} and an {@code exec} command with a folder in it) are resolved against the folder of the file
 * that defined the stanza. Holds credentials: never printed ({@link #toString()} names the files only).
 */
public final class MergedKubeconfig {

    private final KubeconfigFiles files;
    private final Map<String, Map<String, Object>> clusters;
    private final Map<String, Map<String, Object>> users;
    private final Map<String, Map<String, Object>> contexts;
    private final Optional<String> currentContext;

    private MergedKubeconfig(Builder builder) {
        this.files = builder.files;
        this.clusters = builder.clusters;
        this.users = builder.users;
        this.contexts = builder.contexts;
        this.currentContext = Optional.ofNullable(builder.currentContext);
    }

    static Builder builder(KubeconfigFiles files) {
        return new Builder(files);
    }

    /** The files merged. */
    public KubeconfigFiles files() {
        return files;
    }

    /** The {@code current-context} of the first file that sets one. */
    public Optional<String> currentContext() {
        return currentContext;
    }

    /** Every context's name, in the order the files define them. */
    public List<String> contextNames() {
        return List.copyOf(contexts.keySet());
    }

    /** A cluster's stanza ({@code server}, {@code certificate-authority}, ...), paths absolute; empty if undefined. */
    public Optional<Map<String, Object>> cluster(String name) {
        return Optional.ofNullable(clusters.get(name));
    }

    /** A user's stanza, paths absolute; empty if undefined. */
    public Optional<Map<String, Object>> user(String name) {
        return Optional.ofNullable(users.get(name));
    }

    /** A context's stanza ({@code cluster}, {@code user}, {@code namespace}); empty if undefined. */
    public Optional<Map<String, Object>> context(String name) {
        return Optional.ofNullable(contexts.get(name));
    }

    /**
     * The context a command uses: {@code asked}, else the current one.
     *
     * @throws ProvisionException (ENVIRONMENT) when {@code asked} is not defined in any file (the message names the
     *                            files looked in and the contexts they define), or none is asked and none is current
     */
    public String chooseContext(Optional<String> asked) throws ProvisionException {
        if (asked.isPresent()) {
            if (!contexts.containsKey(asked.get())) {
                throw new ProvisionException(Kind.ENVIRONMENT, "no context '" + asked.get() + "' in " + lookedIn()
                        + "; " + names(), "pass --context with one of those names");
            }
            return asked.get();
        }
        if (currentContext.isEmpty()) {
            throw new ProvisionException(Kind.ENVIRONMENT, lookedIn() + " names no current context; " + names(),
                    "pass --context NAME, or run kubectl config use-context NAME");
        }
        if (!contexts.containsKey(currentContext.get())) {
            throw new ProvisionException(Kind.ENVIRONMENT, "the current context '" + currentContext.get() + "' is "
                    + "not defined in " + lookedIn() + "; " + names(),
                    "pass --context with one of those names, or run kubectl config use-context NAME");
        }
        return currentContext.get();
    }

    /**
     * client-java's configuration for {@code context} (a name {@link #chooseContext} returned): the merged
     * clusters, users and contexts, that context current.
     */
    public KubeConfig toKubeConfig(String context) {
        return toKubeConfig(context, null);
    }

    /**
     * {@link #toKubeConfig(String)} with the context's user replaced by {@code user} (an exec plugin's answer in
     * place of the plugin), when not null.
     */
    KubeConfig toKubeConfig(String context, Map<String, Object> user) {
        Map<String, Map<String, Object>> withUser = users;
        if (user != null && contexts.get(context) != null) {
            withUser = new LinkedHashMap<>(users);
            withUser.put(String.valueOf(contexts.get(context).get("user")), user);
        }
        KubeConfig config = new KubeConfig(named(contexts, "context"), named(clusters, "cluster"),
                named(withUser, "user"));
        config.setContext(context);
        return config;
    }

    /**
     * Writes a kubeconfig of {@code context} alone (its context, cluster and user, paths absolute) to {@code file},
     * readable by its owner only ({@code 0600}): what a run names to its user ("kubectl --kubeconfig FILE") when its
     * cluster came from several files. It may hold a token or key, so it belongs in the run's private folder.
     *
     * @throws IOException when the file cannot be written; the message names the file only
     */
    public void writeSingle(String context, Path file) throws IOException {
        Map<String, Object> stanza = contexts.get(context);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("apiVersion", "v1");
        document.put("kind", "Config");
        String cluster = String.valueOf(stanza.get("cluster"));
        String user = String.valueOf(stanza.get("user"));
        document.put("clusters", clusters.containsKey(cluster) ? named(Map.of(cluster, clusters.get(cluster)),
                "cluster") : List.of());
        document.put("users", users.containsKey(user) ? named(Map.of(user, users.get(user)), "user") : List.of());
        document.put("contexts", named(Map.of(context, stanza), "context"));
        document.put("current-context", context);
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        String text = new Yaml(options).dump(document);
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file); // not a POSIX file system: the folder's own protection stands
        }
        Files.writeString(file, text, StandardOpenOption.TRUNCATE_EXISTING);
    }

    private String lookedIn() {
        List<Path> existing = files.existing();
        String missing = files.files().stream().filter(f -> !existing.contains(f)).map(Path::toString)
                .collect(Collectors.joining(", "));
        return (existing.size() == 1 ? "the kubeconfig " + existing.get(0) : "the kubeconfigs "
                + existing.stream().map(Path::toString).collect(Collectors.joining(", ")))
                + (missing.isEmpty() ? "" : " (" + missing + " not found)");
    }

    private String names() {
        return contexts.isEmpty() ? "they define no contexts" : "defined: " + contexts.keySet().stream()
                .map(name -> "'" + name + "'").collect(Collectors.joining(", "));
    }

    private static ArrayList<Object> named(Map<String, Map<String, Object>> entries, String field) {
        ArrayList<Object> list = new ArrayList<>();
        entries.forEach((name, stanza) -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", name);
            entry.put(field, stanza);
            list.add(entry);
        });
        return list;
    }

    @Override
    public String toString() {
        return "MergedKubeconfig[" + files.describe() + "]";
    }

    /** Adds files in order of precedence. */
    static final class Builder {
        private final KubeconfigFiles files;
        private final Map<String, Map<String, Object>> clusters = new LinkedHashMap<>();
        private final Map<String, Map<String, Object>> users = new LinkedHashMap<>();
        private final Map<String, Map<String, Object>> contexts = new LinkedHashMap<>();
        private String currentContext;

        private Builder(KubeconfigFiles files) {
            this.files = files;
        }

        /** The next file's top level: what it defines that no earlier file did. */
        Builder add(Path file, Map<?, ?> document) throws ProvisionException {
            Path folder = file.toAbsolutePath().getParent();
            for (Map<String, Object> cluster : entries(file, document, "clusters", "cluster").values()) {
                resolve(cluster, folder, "certificate-authority");
            }
            for (Map<String, Object> user : entries(file, document, "users", "user").values()) {
                resolve(user, folder, "client-certificate", "client-key", "tokenFile");
                if (user.get("exec") instanceof Map<?, ?> exec && exec.get("command") instanceof String command
                        && command.contains(File.separator)) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> writable = (Map<String, Object>) exec;
                    writable.put("command", folder.resolve(command).normalize().toString());
                }
            }
            entries(file, document, "clusters", "cluster").forEach(clusters::putIfAbsent);
            entries(file, document, "users", "user").forEach(users::putIfAbsent);
            entries(file, document, "contexts", "context").forEach(contexts::putIfAbsent);
            if (currentContext == null && document.get("current-context") instanceof String current
                    && !current.isEmpty()) {
                currentContext = current;
            }
            return this;
        }

        MergedKubeconfig build() {
            return new MergedKubeconfig(this);
        }

        private final Map<String, Map<String, Map<String, Object>>> parsed = new LinkedHashMap<>();

        /**
         * The named stanzas of one list ({@code clusters}, {@code users}, {@code contexts}) of one file, copied once
         * (resolving writes to the copy); within a file the first entry of a name counts.
         */
        private Map<String, Map<String, Object>> entries(Path file, Map<?, ?> document, String list, String field)
                throws ProvisionException {
            String key = file + "\u0000" + list;
            Map<String, Map<String, Object>> known = parsed.get(key);
            if (known != null) {
                return known;
            }
            Map<String, Map<String, Object>> result = new LinkedHashMap<>();
            Object value = document.get(list);
            if (value != null && !(value instanceof List<?>)) {
                throw KubeconfigFiles.notKubeconfig(file, "'" + list + "' is not a list");
            }
            for (Object entry : value == null ? List.of() : (List<?>) value) {
                if (!(entry instanceof Map<?, ?> map) || !(map.get("name") instanceof String name)) {
                    throw KubeconfigFiles.notKubeconfig(file, "an entry of '" + list + "' has no name");
                }
                result.putIfAbsent(name, KubeconfigFiles.copy(map.get(field)));
            }
            parsed.put(key, result);
            return result;
        }

        private static void resolve(Map<String, Object> stanza, Path folder, String... fields) {
            for (String field : fields) {
                if (stanza.get(field) instanceof String path && !path.isEmpty() && !Path.of(path).isAbsolute()) {
                    stanza.put(field, folder.resolve(path).normalize().toString());
                }
            }
        }
    }
}
