package io.ascent.core.provision.kube;

import io.kubernetes.client.util.SSLUtils;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509KeyManager;
import okhttp3.ConnectionPool;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * The client certificate an exec plugin gave ({@code status.clientCertificateData} and {@code clientKeyData}),
 * renewed as kubectl renews it: when its {@code expirationTimestamp} has passed, or the server answers 401, the plugin
 * runs again and new TLS connections present the new pair. As kubectl, the request answered 401 is not retried.
 *
 * <p>It is the connection's key manager: every TLS handshake asks it which pair to present, so a new connection
 * always gets the current one (client-go's {@code GetClientCertificate} works the same way). It is also an
 * interceptor, because a pooled connection made with the old pair does no handshake: before a request it renews an
 * expired pair, and after a renewal it forgets the TLS sessions and closes the idle pooled connections, so that the
 * next connection is new and does not resume a session made with the old pair (a resumed TLS 1.3 session presents
 * no certificate, and the server would go on seeing the old one). A connection busy at that moment (a watch on an
 * HTTP/2 connection) keeps the old pair until it is idle: client-go closes those too, OkHttp offers no public way to.
 *
 * <p>The key never leaves the JDK's key objects: never logged, never in a message or {@link #toString()}.
 */
final class RenewingClientCertificate extends X509ExtendedKeyManager implements Interceptor {

    /** One pair: the JDK key manager holding it, its number (part of the alias), and when it expires, if it says. */
    private record Pair(int number, X509KeyManager keys, Optional<Instant> expiry, X509Certificate leaf) {

        boolean expiredAt(Instant now) {
            return expiry.isPresent() && !now.isBefore(expiry.get());
        }

        @Override
        public String toString() {
            return "Pair[" + number + ", ***]";
        }
    }

    private final Supplier<Optional<ExecCredentialPlugin.ExecCredential>> plugin;
    private final Clock clock;
    private final List<ConnectionPool> pools = new CopyOnWriteArrayList<>();
    private volatile SSLSessionContext sessions;
    /** The pair whose renewal last closed the idle connections. */
    private volatile int evictedFor = 1;
    private volatile Pair current;
    /** The pair before the last renewal: a handshake that chose it just before can still finish with it. */
    private volatile Pair previous;

    private RenewingClientCertificate(Pair first, Supplier<Optional<ExecCredentialPlugin.ExecCredential>> plugin,
            Clock clock) {
        this.current = first;
        this.previous = first;
        this.plugin = plugin;
        this.clock = clock;
    }

    /**
     * The renewing key manager of {@code first}'s certificate, which {@code plugin} renews, judged expired by
     * {@code clock}; empty when {@code first} holds no certificate.
     *
     * @throws IOException when the certificate or key cannot be read (the message quotes neither)
     */
    static Optional<RenewingClientCertificate> of(ExecCredentialPlugin.ExecCredential first,
            Supplier<Optional<ExecCredentialPlugin.ExecCredential>> plugin, Clock clock) throws IOException {
        if (first.clientCertificateData().isEmpty() || first.clientKeyData().isEmpty()) {
            return Optional.empty();
        }
        Optional<Pair> pair = pair(1, first);
        if (pair.isEmpty()) {
            throw new IOException("the exec plugin's client certificate and key cannot be read as PEM");
        }
        return Optional.of(new RenewingClientCertificate(pair.get(), plugin, clock));
    }

    private static Optional<Pair> pair(int number, ExecCredentialPlugin.ExecCredential credential) {
        if (credential.clientCertificateData().isEmpty() || credential.clientKeyData().isEmpty()) {
            return Optional.empty();
        }
        byte[] certificate = credential.clientCertificateData().get().getBytes(StandardCharsets.UTF_8);
        byte[] key = credential.clientKeyData().get().getBytes(StandardCharsets.UTF_8);
        Optional<KeyManager[]> managers = ClientCertificate.keyManagers(certificate, key);
        if (managers.isEmpty()) {
            try { // an EC key in SEC1 form or the like: client-java's reader (Bouncy Castle), as for a kubeconfig
                managers = Optional.of(SSLUtils.keyManagers(certificate, key, "RSA", "", null, null));
            } catch (GeneralSecurityException | IOException | RuntimeException e) {
                return Optional.empty();
            }
        }
        for (KeyManager manager : managers.get()) {
            if (manager instanceof X509KeyManager keys) {
                String alias = firstAlias(keys);
                X509Certificate[] chain = alias == null ? null : keys.getCertificateChain(alias);
                if (chain != null && chain.length > 0) {
                    return Optional.of(new Pair(number, keys, credential.expiry(), chain[0]));
                }
            }
        }
        return Optional.empty();
    }

    /** The alias of the only entry of a key manager made from one pair, whatever its key's type. */
    private static String firstAlias(X509KeyManager keys) {
        for (String type : new String[] {"RSA", "EC", "EdDSA", "Ed25519", "RSASSA-PSS"}) {
            String[] aliases = keys.getClientAliases(type, null);
            if (aliases != null && aliases.length > 0) {
                return aliases[0];
            }
        }
        return null;
    }

    /** Connections made with an old pair are closed from {@code pool} when idle, after each renewal. */
    void evictFrom(ConnectionPool pool) {
        if (!pools.contains(pool)) {
            pools.add(pool);
        }
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Pair sent = current;
        if (sent.expiredAt(clock.instant())) {
            sent = renew(sent);
        }
        if (evictedFor != sent.number()) {
            // a renewal since the last request: the connections it left idle (the one a 401 came on is idle only
            // once its call is over) are closed, so this request opens a new one
            evictedFor = sent.number();
            pools.forEach(ConnectionPool::evictAll);
        }
        Response response = chain.proceed(chain.request());
        if (response.code() == 401 && !chain.call().isCanceled()) {
            // kubectl runs the plugin again and answers with the 401 all the same; the next request presents the
            // new pair. (A retry here would go out on this call's connection, still made with the old pair.)
            renew(sent);
        }
        return response;
    }

    /**
     * A new pair in place of {@code stale}, fetched once however many requests and handshakes find it stale at the
     * same time; {@code stale} itself when the plugin fails now (the server's answer then says what is wrong).
     */
    private synchronized Pair renew(Pair stale) {
        if (current != stale) {
            return current; // another request renewed it meanwhile
        }
        Optional<Pair> fresh = plugin.get().flatMap(credential -> pair(stale.number() + 1, credential));
        if (fresh.isEmpty()) {
            return current;
        }
        previous = current;
        current = fresh.get();
        forgetOldConnections();
        return current;
    }

    private void forgetOldConnections() {
        SSLSessionContext context = sessions;
        if (context != null) {
            for (byte[] id : Collections.list(context.getIds())) {
                SSLSession session = context.getSession(id);
                if (session != null) {
                    session.invalidate();
                }
            }
        }
        pools.forEach(ConnectionPool::evictAll);
    }

    /** The pair an alias of ours names: {@code exec-NUMBER:ALIAS-IN-ITS-KEY-MANAGER}. */
    private Optional<Pair> pairOf(String alias) {
        if (alias == null || !alias.startsWith("exec-") || alias.indexOf(':') < 0) {
            return Optional.empty();
        }
        String number = alias.substring("exec-".length(), alias.indexOf(':'));
        for (Pair pair : new Pair[] {current, previous}) {
            if (String.valueOf(pair.number()).equals(number)) {
                return Optional.of(pair);
            }
        }
        return Optional.empty();
    }

    private static String inner(String alias) {
        return alias.substring(alias.indexOf(':') + 1);
    }

    /** The current pair, renewed first when it has expired (a handshake of a new connection). */
    private Pair forHandshake() {
        Pair pair = current;
        return pair.expiredAt(clock.instant()) ? renew(pair) : pair;
    }

    @Override
    public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
        if (socket instanceof SSLSocket tls && tls.getHandshakeSession() != null) {
            sessions = tls.getHandshakeSession().getSessionContext();
        }
        Pair pair = forHandshake();
        String alias = pair.keys().chooseClientAlias(keyTypes, issuers, socket);
        return alias == null ? null : "exec-" + pair.number() + ":" + alias;
    }

    @Override
    public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
        if (engine != null && engine.getHandshakeSession() != null) {
            sessions = engine.getHandshakeSession().getSessionContext();
        }
        Pair pair = forHandshake();
        String alias = pair.keys() instanceof X509ExtendedKeyManager extended
                ? extended.chooseEngineClientAlias(keyTypes, issuers, engine)
                : pair.keys().chooseClientAlias(keyTypes, issuers, null);
        return alias == null ? null : "exec-" + pair.number() + ":" + alias;
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        return pairOf(alias).map(pair -> pair.keys().getCertificateChain(inner(alias))).orElse(null);
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        return pairOf(alias).map(pair -> pair.keys().getPrivateKey(inner(alias))).orElse(null);
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        Pair pair = current;
        String[] aliases = pair.keys().getClientAliases(keyType, issuers);
        if (aliases == null) {
            return null;
        }
        String[] ours = new String[aliases.length];
        for (int i = 0; i < aliases.length; i++) {
            ours[i] = "exec-" + pair.number() + ":" + aliases[i];
        }
        return ours;
    }

    /** A client never serves. */
    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return null;
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return null;
    }

    @Override
    public String toString() {
        return "RenewingClientCertificate[pair " + current.number() + current.expiry().map(at -> ", expires " + at)
                .orElse("") + "]";
    }
}
