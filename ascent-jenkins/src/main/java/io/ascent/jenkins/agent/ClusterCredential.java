package io.ascent.jenkins.agent;

import io.ascent.jenkins.masking.KubeconfigSecrets;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * An existing cluster's credential on its way to the agent, read on the controller for one build: a kubeconfig (a
 * <em>Secret file</em>'s content) or a service account's bearer token (a <em>Secret text</em>) with the
 * {@link ApiServer} it is for. The agent writes it as a kubeconfig into the run's private folder, and only there: a
 * token's kubeconfig is made on the agent. It crosses the channel inside a callable and is never stored with the
 * build; its content is in no {@code toString}, log line or message, only its credential's id.
 */
public final class ClusterCredential implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The name of the cluster, user and context of a token's kubeconfig. */
    static final String NAME = "ascent-credential";

    private final String id;
    /** A Secret file's kubeconfig, or null for a token. */
    private final byte[] kubeconfig;
    /** A Secret text's token, or null for a kubeconfig. */
    private final String token;
    private final ApiServer server;

    private ClusterCredential(String id, byte[] kubeconfig, String token, ApiServer server) {
        this.id = id;
        this.kubeconfig = kubeconfig;
        this.token = token;
        this.server = server;
    }

    /** A kubeconfig as a <em>Secret file</em> holds it. */
    public static ClusterCredential kubeconfig(String id, byte[] content) {
        return new ClusterCredential(id, content.clone(), null, null);
    }

    /**
     * A bearer token as a <em>Secret text</em> holds it, surrounding whitespace (a pasted line end) dropped.
     *
     * @throws IllegalArgumentException when the text cannot be a bearer token (the message never quotes it)
     */
    public static ClusterCredential token(String id, String text, ApiServer server) {
        String token = text == null ? "" : text.strip();
        tokenProblem(token).ifPresent(problem -> {
            throw new IllegalArgumentException("credential '" + id + "' " + problem);
        });
        return new ClusterCredential(id, null, token, server);
    }

    /**
     * Why {@code token} cannot be sent as {@code Authorization: Bearer}: empty, or holding a character outside
     * visible ASCII (a header value would break, or the text is not a token at all, such as a whole kubeconfig).
     */
    static Optional<String> tokenProblem(String token) {
        if (token.isEmpty()) {
            return Optional.of("holds an empty text, not a token");
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                return Optional.of("holds whitespace or characters a bearer token cannot have; a Secret text "
                        + "credential must hold the token alone (a kubeconfig belongs in a Secret file credential)");
            }
        }
        return Optional.empty();
    }

    /** The credential's id, the only part of it that may be shown. */
    public String id() {
        return id;
    }

    /**
     * What the output of {@code ascentProvision}'s block must not show: the token, or the Secret file kubeconfig's
     * {@link KubeconfigSecrets}.
     */
    public List<String> secrets() {
        return token != null ? List.of(token) : KubeconfigSecrets.of(kubeconfig);
    }

    /** Whether it is a token (made into a kubeconfig on the agent) rather than a kubeconfig. */
    public boolean isToken() {
        return token != null;
    }

    /**
     * Writes the kubeconfig to {@code file}, readable by the agent's user only (the caller deletes it when the run
     * ends).
     */
    Path writeTo(Path file) throws IOException {
        byte[] content = token == null ? kubeconfig : tokenKubeconfig().getBytes(StandardCharsets.UTF_8);
        return CreateClusterCallable.PrivateFiles.write(file, content);
    }

    /**
     * The kubeconfig kubectl and the engine read for a token: one cluster (the server, its CA certificates when
     * given), one user with the token, one context joining them. Written by a YAML library, so no value can change
     * the document's structure.
     */
    String tokenKubeconfig() {
        Map<String, Object> cluster = new LinkedHashMap<>();
        cluster.put("server", server.url());
        server.caPem().ifPresent(pem -> cluster.put("certificate-authority-data",
                Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII))));
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("apiVersion", "v1");
        config.put("kind", "Config");
        config.put("clusters", List.of(ordered("name", NAME, "cluster", cluster)));
        config.put("users", List.of(ordered("name", NAME, "user", Map.of("token", token))));
        config.put("contexts", List.of(ordered("name", NAME, "context", ordered("cluster", NAME, "user", NAME))));
        config.put("current-context", NAME);
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        return new Yaml(options).dump(config);
    }

    /** A map in the order given, so that the file reads as kubeconfigs usually do ({@code name} first). */
    private static Map<String, Object> ordered(String key, Object value, String otherKey, Object otherValue) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(key, value);
        map.put(otherKey, otherValue);
        return map;
    }

    @Override
    public String toString() {
        return token == null ? "the kubeconfig of credential '" + id + "'"
                : "the token of credential '" + id + "' for " + server;
    }
}
