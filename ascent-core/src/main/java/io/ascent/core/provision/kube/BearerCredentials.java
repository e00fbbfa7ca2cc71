package io.ascent.core.provision.kube;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.auth.ApiKeyAuth;
import io.kubernetes.client.openapi.auth.Authentication;
import io.kubernetes.client.util.KubeConfig;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Puts the kubeconfig's bearer token (or basic credentials) on every request of the connection's own HTTP client.
 *
 * <p>client-java keeps a kubeconfig's {@code token}, an exec plugin's or an auth provider's token and a
 * {@code username}/{@code password} as an API key of its {@link ApiClient}, which adds the header only to the requests
 * its generated API classes build. {@link KubeConnection} sends its requests through the client's OkHttp client
 * directly, so without this interceptor they went out anonymous: a service-account token kubeconfig, the usual
 * credential of a CI job on a shared cluster, was answered {@code User "system:anonymous" cannot ...}. (Client
 * certificates work at the TLS level and the in-cluster token is already an interceptor of client-java's own.)
 *
 * <p>An exec plugin's token that says when it expires ({@code status.expirationTimestamp}; EKS tokens last 15
 * minutes, a provision may run longer) is fetched again before a request would carry it expired, as client-go does.
 * A {@code 401 Unauthorized} answer also fetches the credentials once more (a token revoked early, or one that says
 * nothing of its expiry) and retries the request once with the new token when it differs. The token never reaches a
 * log, a message or {@link #toString()}.
 */
final class BearerCredentials implements Interceptor {

    /** A credential and, if it says so, when it stops being accepted. */
    record Token(String value, Optional<Instant> expiry) {

        static Token lasting(String value) {
            return new Token(value, Optional.empty());
        }

        boolean expiredAt(Instant now) {
            return expiry.isPresent() && !now.isBefore(expiry.get());
        }

        @Override
        public String toString() {
            return "Token[***" + expiry.map(at -> ", expires " + at).orElse("") + "]";
        }
    }

    private final String scheme;
    private final Supplier<Optional<Token>> refresh;
    private final Clock clock;
    private volatile Token credential;

    BearerCredentials(String scheme, Token credential, Supplier<Optional<Token>> refresh, Clock clock) {
        this.scheme = scheme;
        this.credential = credential;
        this.refresh = refresh;
        this.clock = clock;
    }

    /**
     * Carries {@code client}'s API-key credentials (what client-java's kubeconfig authentication put there) on its
     * HTTP client; {@code config} is asked again for a bearer token after a 401. A client without such credentials
     * (a client certificate, the in-cluster token, none) is returned as it is.
     */
    static ApiClient carry(ApiClient client, KubeConfig config) {
        return carry(client, () -> token(config).map(Token::lasting), Optional.empty(), Clock.systemUTC());
    }

    /**
     * {@link #carry(ApiClient, KubeConfig)} for a token an exec plugin gave, which expires at {@code expiry} (if it
     * said), and which {@code refresh} fetches anew, judged by {@code clock}.
     */
    static ApiClient carry(ApiClient client, Supplier<Optional<Token>> refresh, Optional<Instant> expiry,
            Clock clock) {
        Authentication authentication = client.getAuthentication("BearerToken");
        if (!(authentication instanceof ApiKeyAuth key) || key.getApiKey() == null || key.getApiKey().isEmpty()) {
            return client;
        }
        String scheme = key.getApiKeyPrefix() == null ? "Bearer" : key.getApiKeyPrefix();
        BearerCredentials credentials = new BearerCredentials(scheme, new Token(key.getApiKey(), expiry),
                "Bearer".equals(scheme) ? refresh : Optional::empty, clock);
        return client.setHttpClient(client.getHttpClient().newBuilder().addInterceptor(credentials).build());
    }

    private static Optional<String> token(KubeConfig config) {
        try {
            synchronized (config) { // KubeConfig keeps state (the current user, an auth provider's refresh)
                Map<String, String> fresh = config.getCredentials();
                return Optional.ofNullable(fresh == null ? null : fresh.get(KubeConfig.CRED_TOKEN_KEY))
                        .filter(t -> !t.isBlank());
            }
        } catch (RuntimeException e) {
            return Optional.empty(); // the plugin failed now; the server's 401 stands and says what is wrong
        }
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Token sent = credential;
        if (sent.expiredAt(clock.instant())) {
            sent = renew(sent);
        }
        Response response = chain.proceed(authorised(chain.request(), sent));
        if (response.code() != 401) {
            return response;
        }
        Token fresh = renew(sent);
        if (fresh.value().equals(sent.value()) || chain.call().isCanceled()) {
            return response;
        }
        response.close();
        return chain.proceed(authorised(chain.request(), fresh));
    }

    /**
     * A new token in place of {@code stale}, fetched once however many requests find it stale at the same time;
     * {@code stale} itself when none can be fetched (the server's answer then says what is wrong).
     */
    private synchronized Token renew(Token stale) {
        if (credential == stale) { // no other request has fetched a new one meanwhile
            refresh.get().ifPresent(token -> credential = token);
        }
        return credential;
    }

    private Request authorised(Request request, Token token) {
        return request.newBuilder().header("Authorization", scheme + " " + token.value()).build();
    }

    @Override
    public String toString() {
        return "BearerCredentials[" + scheme + " ***]";
    }
}
