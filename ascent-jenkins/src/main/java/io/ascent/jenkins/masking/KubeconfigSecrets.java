package io.ascent.jenkins.masking;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The values of a kubeconfig that grant access, to be masked: each user's {@code token}, {@code password} and
 * {@code client-key-data}, and its {@code auth-provider}'s {@code access-token}, {@code refresh-token},
 * {@code id-token} and {@code client-secret}. Server URLs, names and certificates are public and stay readable.
 */
public final class KubeconfigSecrets {

    private static final List<String> USER_SECRETS = List.of("token", "password", "client-key-data");
    private static final List<String> AUTH_PROVIDER_SECRETS =
            List.of("access-token", "refresh-token", "id-token", "client-secret");

    private KubeconfigSecrets() {
    }

    /**
     * @param kubeconfig a Secret file's content (YAML or JSON)
     * @return its secrets; empty when it is not a kubeconfig this can read (then kubectl and the engine refuse it too,
     *         and the message never quotes it)
     */
    public static List<String> of(byte[] kubeconfig) {
        Object document;
        try {
            // A credential is hostile input like any other: plain data only, SnakeYAML's alias and size limits.
            document = new Yaml(new SafeConstructor(new LoaderOptions()))
                    .load(new String(kubeconfig, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            return List.of();
        }
        List<String> secrets = new ArrayList<>();
        if (document instanceof Map<?, ?> config && config.get("users") instanceof List<?> users) {
            for (Object entry : users) {
                if (entry instanceof Map<?, ?> named && named.get("user") instanceof Map<?, ?> user) {
                    collect(user, USER_SECRETS, secrets);
                    if (user.get("auth-provider") instanceof Map<?, ?> provider
                            && provider.get("config") instanceof Map<?, ?> settings) {
                        collect(settings, AUTH_PROVIDER_SECRETS, secrets);
                    }
                }
            }
        }
        return List.copyOf(secrets);
    }

    private static void collect(Map<?, ?> map, List<String> keys, List<String> into) {
        for (String key : keys) {
            Object value = map.get(key);
            if (value != null && !(value instanceof Map) && !(value instanceof List)) {
                into.add(String.valueOf(value));
            }
        }
    }
}
