package io.ascent.jenkins.config;

import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import hudson.model.Item;
import hudson.security.ACL;
import hudson.util.ListBoxModel;
import io.ascent.jenkins.agent.ApiServer;
import io.ascent.jenkins.steps.FieldChecks;
import java.util.List;
import java.util.Optional;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * The form's view of a {@link ClusterAccess}, for the global configuration and the step alike: which credentials may
 * be picked, and whether the server URL and CA certificates fit the picked credential. Callers check permissions.
 */
public final class ClusterAccessChecks {

    private ClusterAccessChecks() {
    }

    /**
     * The Secret file and Secret text credentials visible in {@code item} ({@code null}: Jenkins itself), ids and
     * names only, and the current value even when it is not among them.
     */
    public static ListBoxModel credentials(Item item, String current) {
        return new StandardListBoxModel().includeEmptyValue()
                .includeAs(ACL.SYSTEM2, item, FileCredentials.class)
                .includeAs(ACL.SYSTEM2, item, StringCredentials.class)
                .includeCurrentValue(current);
    }

    /** What is wrong with {@code serverUrl} for the credential {@code credentialsId} names in {@code item}. */
    public static Optional<String> serverUrl(String serverUrl, String credentialsId, Item item) {
        String id = credentialsId == null ? "" : credentialsId.trim();
        Credentials credential = id.isEmpty() ? null : CredentialsProvider.findCredentialByIdInItem(id,
                StandardCredentials.class, item, ACL.SYSTEM2, List.of());
        return serverUrl(serverUrl, credential);
    }

    /**
     * A Secret text (a token) needs the server's URL; a Secret file's kubeconfig names its own server; any URL given
     * must be one a token may be sent to.
     */
    static Optional<String> serverUrl(String serverUrl, Credentials credential) {
        String url = serverUrl == null ? "" : serverUrl.trim();
        if (credential instanceof StringCredentials && url.isEmpty()) {
            return Optional.of("the credential is a Secret text (a token): give the API server's URL, such as "
                    + "https://api.example.com:6443");
        }
        if (credential instanceof FileCredentials && !url.isEmpty()) {
            return Optional.of("the credential is a Secret file: its kubeconfig names the server; leave this "
                    + "empty");
        }
        return url.isEmpty() ? Optional.empty() : FieldChecks.refusal(url, ApiServer::url);
    }

    /** Blank, or certificates the JDK reads. */
    public static Optional<String> caCertificate(String value) {
        return FieldChecks.refusal(value, ApiServer::certificates);
    }
}
