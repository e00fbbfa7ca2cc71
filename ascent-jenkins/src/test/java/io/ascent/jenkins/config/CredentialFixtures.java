package io.ascent.jenkins.config;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import hudson.util.Secret;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/** Credentials as the plain-credentials plugin stores them, for tests that cannot start Jenkins. */
public final class CredentialFixtures {

    private CredentialFixtures() {
    }

    /** A Secret text credential holding {@code text}, as {@code StringCredentialsImpl} does. */
    public static StringCredentials secretText(String text) {
        Secret secret = mock(Secret.class);
        when(secret.getPlainText()).thenReturn(text);
        StringCredentials credential = mock(StringCredentials.class);
        when(credential.getSecret()).thenReturn(secret);
        return credential;
    }
}
