package io.ascent.jenkins.config;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import hudson.AbortException;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;

/** An existing cluster's kubeconfig from a file credential: looked up for the run, its use recorded, its id logged. */
public final class KubeconfigCredential {

    /** A kubeconfig is a few kilobytes; anything this large is the wrong credential. */
    static final int MAX_BYTES = 1 << 20;

    private KubeconfigCredential() {
    }

    /**
     * @return the kubeconfig's bytes, or {@code null} when {@code id} is empty
     * @throws AbortException when the credential is missing, not permitted for this run, or too large
     */
    public static byte[] read(String id, Run<?, ?> run, TaskListener listener) throws IOException {
        if (id == null || id.isEmpty()) {
            return null;
        }
        FileCredentials credential = CredentialsProvider.findCredentialById(id, FileCredentials.class, run,
                List.of());
        if (credential == null) {
            throw new AbortException("[ascent] kubeconfig credential '" + id
                    + "' does not exist or this build may not use it");
        }
        CredentialsProvider.track(run, credential);
        listener.getLogger().println("[ascent] using the kubeconfig of credential '" + id + "'");
        try (InputStream in = credential.getContent()) {
            byte[] content = in.readNBytes(MAX_BYTES + 1);
            if (content.length > MAX_BYTES) {
                throw new AbortException("[ascent] kubeconfig credential '" + id + "' is larger than 1 MB");
            }
            return content;
        }
    }
}
