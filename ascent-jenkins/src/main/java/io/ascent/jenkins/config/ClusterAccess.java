package io.ascent.jenkins.config;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.AbortException;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.ascent.jenkins.agent.ApiServer;
import io.ascent.jenkins.agent.ClusterCredential;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.List;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * How a build reaches an existing cluster: the id of a credential, either a <em>Secret file</em> holding a kubeconfig
 * or a <em>Secret text</em> holding a bearer token, and for a token the API server's URL and optionally its CA
 * certificates. Only ids and URLs are held (it is kept with the step's execution); the credential itself is read for
 * one build by {@link #read}, its use recorded, its id logged, its content never.
 */
public final class ClusterAccess implements Serializable {

    private static final long serialVersionUID = 1L;

    /** No existing cluster: provisioning uses kind. */
    public static final ClusterAccess NONE = new ClusterAccess("", "", "");

    /** A kubeconfig is a few kilobytes; anything this large is the wrong credential. */
    static final int MAX_BYTES = 1 << 20;

    private final String credentialsId;
    private final String serverUrl;
    private final String caCertificate;

    /**
     * @param credentialsId a Secret file or Secret text credential's id; empty for none
     * @param serverUrl     the API server for a token; empty for a kubeconfig, which names its own
     * @param caCertificate the CA certificates (PEM) for a token; empty for the agent's trust store
     */
    public ClusterAccess(String credentialsId, String serverUrl, String caCertificate) {
        this.credentialsId = trim(credentialsId);
        this.serverUrl = trim(serverUrl);
        this.caCertificate = trim(caCertificate);
    }

    private static String trim(String value) {
        return value == null ? "" : value.trim();
    }

    public String credentialsId() {
        return credentialsId;
    }

    /** Whether a credential is named at all. */
    public boolean isSet() {
        return !credentialsId.isEmpty();
    }

    /**
     * The credential for this build, or {@code null} when none is named.
     *
     * @throws AbortException when the credential is missing or not permitted for this run, of another kind, too
     *                        large, a token without a (valid) server URL, or a kubeconfig with one
     */
    public ClusterCredential read(Run<?, ?> run, TaskListener listener) throws IOException {
        if (!isSet()) {
            if (!serverUrl.isEmpty() || !caCertificate.isEmpty()) {
                throw new AbortException("[ascent] serverUrl and caCertificate are set without credentialsId: they "
                        + "say where a token credential is sent; name the Secret text credential too");
            }
            return null;
        }
        StandardCredentials credential = CredentialsProvider.findCredentialById(credentialsId,
                StandardCredentials.class, run, List.of());
        if (credential == null) {
            throw new AbortException("[ascent] cluster credential '" + credentialsId
                    + "' does not exist or this build may not use it");
        }
        CredentialsProvider.track(run, credential);
        if (credential instanceof FileCredentials file) {
            return kubeconfig(file, listener);
        }
        if (credential instanceof StringCredentials text) {
            return token(text, listener);
        }
        throw new AbortException("[ascent] cluster credential '" + credentialsId + "' is a "
                + credential.getClass().getSimpleName() + "; use a Secret file (a kubeconfig) or a Secret text "
                + "(a service account token with serverUrl)");
    }

    private ClusterCredential kubeconfig(FileCredentials credential, TaskListener listener) throws IOException {
        if (!serverUrl.isEmpty() || !caCertificate.isEmpty()) {
            throw new AbortException("[ascent] cluster credential '" + credentialsId + "' is a Secret file: its "
                    + "kubeconfig names the server and its CA; leave serverUrl and caCertificate empty");
        }
        listener.getLogger().println("[ascent] using the kubeconfig of credential '" + credentialsId + "'");
        try (InputStream in = credential.getContent()) {
            byte[] content = in.readNBytes(MAX_BYTES + 1);
            if (content.length > MAX_BYTES) {
                throw new AbortException("[ascent] kubeconfig credential '" + credentialsId
                        + "' is larger than 1 MB");
            }
            return ClusterCredential.kubeconfig(credentialsId, content);
        }
    }

    private ClusterCredential token(StringCredentials credential, TaskListener listener) throws AbortException {
        if (serverUrl.isEmpty()) {
            throw new AbortException("[ascent] cluster credential '" + credentialsId + "' is a Secret text (a "
                    + "token): set serverUrl to the API server's URL (such as https://api.example.com:6443), and "
                    + "caCertificate unless the agent's Java trust store knows the server's CA");
        }
        try {
            ClusterCredential token = ClusterCredential.token(credentialsId,
                    credential.getSecret().getPlainText(), ApiServer.of(serverUrl, caCertificate));
            listener.getLogger().println("[ascent] using " + token);
            return token;
        } catch (IllegalArgumentException e) {
            // The messages name the field or the credential's id, never the token.
            throw new AbortException("[ascent] " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return isSet() ? "credential '" + credentialsId + "'" : "no cluster credential";
    }
}
