package io.ascent.core.repo;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The user name and password or token a {@code --repository} clone authenticates with (HTTP basic authentication, as
 * {@code git} sends it). The operator's, never the repository's: set in {@link io.ascent.core.EngineConfig} from
 * the environment ({@value #USERNAME_VARIABLE}, {@value #SECRET_VARIABLE}) or by the Jenkins plugin from a
 * credential. The secret never reaches an output: {@link #toString()} names the user only, and a URL or message
 * that could carry it is cleaned by {@link RemoteCheckout#withoutCredentials}.
 *
 * @param username the user name (for a token, any non-empty name the server accepts)
 * @param secret   the password or token
 */
public record GitCredentials(String username, String secret) {

    /** The environment variable with the user name. */
    public static final String USERNAME_VARIABLE = "ASCENT_GIT_USERNAME";
    /** The environment variable with the password or token. */
    public static final String SECRET_VARIABLE = "ASCENT_GIT_TOKEN";

    public GitCredentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(secret, "secret");
    }

    /**
     * The credentials an environment gives, when {@value #SECRET_VARIABLE} is set ({@value #USERNAME_VARIABLE}
     * defaults to {@code git}, which hosts that take a token as the password accept).
     */
    public static Optional<GitCredentials> fromEnvironment(Map<String, String> environment) {
        String secret = environment.get(SECRET_VARIABLE);
        if (secret == null || secret.isEmpty()) {
            return Optional.empty();
        }
        String username = environment.get(USERNAME_VARIABLE);
        return Optional.of(new GitCredentials(username == null || username.isBlank() ? "git" : username, secret));
    }

    /** Names the user, never the secret. */
    @Override
    public String toString() {
        return "GitCredentials[username=" + username + ", secret=***]";
    }
}
