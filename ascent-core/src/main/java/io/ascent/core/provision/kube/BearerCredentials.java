package io.ascent.core.provision.kube;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.auth.ApiKeyAuth;
import io.kubernetes.client.openapi.auth.Authentication;
import io.kubernetes.client.util.KubeConfig;
import java.io.IOException;
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
 * <p>A {@code 401 Unauthorized} answer fetches the credentials once more, as kubectl does when an exec plugin's
 * token has expired (EKS tokens last 15 minutes, a provision may run longer), and retries the request once with the
 * new token when it differs. The token never reaches a log, a message or {@link #toString()}.
 */
final class BearerCredentials implements Interceptor {

    private final String scheme;
    private final Supplier<Optional<String>> refresh;
    private volatile String credential;

    BearerCredentials(String scheme, String credential, Supplier<Optional<String>> refresh) {
        this.scheme = scheme;
        this.credential = credential;
        this.refresh = refresh;
    }

    /**
     * Carries {@code client}'s API-key credentials (what client-java's kubeconfig authentication put there) on its
     * HTTP client; {@code config} is asked again for a bearer token after a 401. A client without such credentials
     * (a client certificate, the in-cluster token, none) is returned as it is.
     */
    static ApiClient carry(ApiClient client, KubeConfig config) {
        Authentication authentication = client.getAuthentication("BearerToken");
        if (!(authentication instanceof ApiKeyAuth key) || key.getApiKey() == null || key.getApiKey().isEmpty()) {
            return client;
        }
        String scheme = key.getApiKeyPrefix() == null ? "Bearer" : key.getApiKeyPrefix();
        Supplier<Optional<String>> refresh = "Bearer".equals(scheme) ? () -> token(config) : Optional::empty;
        BearerCredentials credentials = new BearerCredentials(scheme, key.getApiKey(), refresh);
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
        String sent = credential;
        Response response = chain.proceed(authorised(chain.request(), sent));
        if (response.code() != 401) {
            return response;
        }
        String fresh;
        synchronized (this) {
            if (sent.equals(credential)) { // no other request has fetched a new one meanwhile
                refresh.get().ifPresent(token -> credential = token);
            }
            fresh = credential;
        }
        if (fresh.equals(sent) || chain.call().isCanceled()) {
            return response;
        }
        response.close();
        return chain.proceed(authorised(chain.request(), fresh));
    }

    private Request authorised(Request request, String value) {
        return request.newBuilder().header("Authorization", scheme + " " + value).build();
    }

    @Override
    public String toString() {
        return "BearerCredentials[" + scheme + " ***]";
    }
}
