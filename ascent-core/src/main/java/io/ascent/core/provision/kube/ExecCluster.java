package io.ascent.core.provision.kube;

import java.io.IOException;
import io.ascent.core.workspace.ConfinedFiles;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.json.JSONObject;

/**
 * The cluster an exec credential plugin is run for, as kubectl hands it over in {@code KUBERNETES_EXEC_INFO}'s
 * {@code spec.cluster} when the user's {@code exec} says {@code provideClusterInfo: true} (client-go's
 * {@code rest.ConfigToExecCluster}): {@code server} always; {@code tls-server-name},
 * {@code insecure-skip-tls-verify}, {@code certificate-authority-data}, {@code proxy-url} and
 * {@code disable-compression} when set; {@code config}, the cluster's extension named
 * {@value #EXTENSION}, or {@code null} without one. The CA is the bytes the kubeconfig's base64 (or the file it
 * names) holds, base64-encoded again, as Go encodes a byte slice. Plugins that scope a token to one cluster
 * (audiences, cluster-API-aware plugins) read it.
 */
final class ExecCluster {

    /** The cluster extension kubectl reserves for per-cluster exec configuration. */
    static final String EXTENSION = "client.authentication.k8s.io/exec";
    /** A CA bundle larger than this is no CA bundle (and would not fit an environment variable). */
    static final int MAX_CA_BYTES = 1 << 20;

    private final Map<String, Object> stanza;

    /** {@code stanza}: a cluster entry of {@link MergedKubeconfig#cluster} (its file paths already absolute). */
    ExecCluster(Map<String, Object> stanza) {
        this.stanza = stanza == null ? Map.of() : stanza;
    }

    /**
     * {@code spec.cluster}.
     *
     * @throws IOException when the CA cannot be read or is not base64; the message names the field or the file,
     *                     never the data
     */
    JSONObject toJson() throws IOException {
        JSONObject cluster = new JSONObject();
        cluster.put("server", text("server"));
        putIfSet(cluster, "tls-server-name", text("tls-server-name"));
        if (flag("insecure-skip-tls-verify")) {
            cluster.put("insecure-skip-tls-verify", true);
        }
        byte[] ca = certificateAuthority();
        if (ca.length > 0) {
            cluster.put("certificate-authority-data", Base64.getEncoder().encodeToString(ca));
        }
        putIfSet(cluster, "proxy-url", text("proxy-url"));
        if (flag("disable-compression")) {
            cluster.put("disable-compression", true);
        }
        cluster.put("config", extension());
        return cluster;
    }

    /** kubectl's order: the data field when it holds something, else the file. */
    private byte[] certificateAuthority() throws IOException {
        String data = text("certificate-authority-data");
        if (!data.isEmpty()) {
            try {
                return Base64.getMimeDecoder().decode(data);
            } catch (IllegalArgumentException e) {
                throw new IOException("the cluster's certificate-authority-data is not base64");
            }
        }
        String file = text("certificate-authority");
        if (file.isEmpty()) {
            return new byte[0];
        }
        try { // the one gate for file reads: bounded, no pipes or devices (docs/security.md)
            return ConfinedFiles.anywhere(MAX_CA_BYTES).readAllBytes(Path.of(file));
        } catch (IOException | java.nio.file.InvalidPathException e) {
            throw new IOException("the cluster's certificate-authority " + file + " cannot be read (the exec "
                    + "plugin's provideClusterInfo hands it over)");
        }
    }

    /** The {@value #EXTENSION} extension's value as JSON ({@link JSONObject#NULL} without one). */
    private Object extension() {
        if (stanza.get("extensions") instanceof List<?> extensions) {
            for (Object entry : extensions) {
                if (entry instanceof Map<?, ?> named && EXTENSION.equals(named.get("name"))) {
                    Object value = JSONObject.wrap(named.get("extension"));
                    return value == null ? JSONObject.NULL : value;
                }
            }
        }
        return JSONObject.NULL;
    }

    private String text(String field) {
        Object value = stanza.get(field);
        return value == null ? "" : String.valueOf(value);
    }

    private boolean flag(String field) {
        Object value = stanza.get(field);
        return Boolean.TRUE.equals(value) || "true".equals(value);
    }

    private static void putIfSet(JSONObject json, String field, String value) {
        if (!value.isEmpty()) {
            json.put(field, value);
        }
    }
}
