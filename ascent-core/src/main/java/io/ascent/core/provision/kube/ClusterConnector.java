package io.ascent.core.provision.kube;

import io.ascent.core.network.ProxyRoute;
import io.ascent.core.provision.ProvisionException;
import io.ascent.core.provision.ProvisionException.Kind;
import io.ascent.core.provision.command.CommandLookup;
import io.ascent.core.provision.command.OperatingSystem;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.KubeConfig;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.KeyManager;

/**
 * Opens a {@link KubeConnection} from a kubeconfig and context, or from the service account of the pod Ascent runs
 * in. Every failure is a {@link ProvisionException} of kind {@link Kind#ENVIRONMENT} saying what to fix; no message
 * ever quotes the kubeconfig (a YAML error would echo a token or a certificate), only its path and context names.
 */
public final class ClusterConnector {

    /** The variable Kubernetes sets in a pod to the API server's service address. */
    public static final String SERVICE_HOST = "KUBERNETES_SERVICE_HOST";

    /**
     * {@code https://HOST:PORT} of the API server's service from {@code environment}'s
     * {@code KUBERNETES_SERVICE_HOST} and {@code KUBERNETES_SERVICE_PORT} (443 when unset), as a pod sees it.
     */
    public static String serviceAddress(Map<String, String> environment) {
        String host = environment.get(SERVICE_HOST);
        String port = Optional.ofNullable(environment.get("KUBERNETES_SERVICE_PORT")).orElse("443");
        // an IPv6 service address is bracketed in a URL
        return "https://" + (host != null && host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    /** A service account's CA bundle is a few certificates; more is not one. */
    private static final long MAX_CA_BYTES = 1 << 20;

    /** Where Kubernetes mounts a pod's service account. */
    static final Path SERVICE_ACCOUNT = Path.of("/var/run/secrets/kubernetes.io/serviceaccount/token");

    private ClusterConnector() {
    }

    /**
     * Connects through {@code kubeconfig} alone, using {@code context} or the file's current context.
     *
     * @param environment the run's: its proxy variables and the {@code PATH} an exec plugin is found on (and the
     *                    variables the plugin gets)
     * @throws ProvisionException (ENVIRONMENT) when the file is missing or unreadable, the context is unknown, or
     *                            the credentials cannot be loaded
     */
    public static KubeConnection fromKubeconfig(Path kubeconfig, Optional<String> context,
            Map<String, String> environment) throws ProvisionException {
        return fromKubeconfigs(KubeconfigFiles.of(kubeconfig), context, environment);
    }

    /**
     * Connects through the merge of {@code kubeconfigs} ({@link KubeconfigFiles#load()}, as kubectl merges a
     * {@code KUBECONFIG} list), using {@code context} or the current context.
     *
     * @param environment the run's: its proxy variables and the {@code PATH} an exec plugin is found on (and the
     *                    variables the plugin gets)
     * @throws ProvisionException (ENVIRONMENT) when a file is missing or unreadable, the context is unknown, or the
     *                            credentials cannot be loaded
     */
    public static KubeConnection fromKubeconfigs(KubeconfigFiles kubeconfigs, Optional<String> context,
            Map<String, String> environment) throws ProvisionException {
        return fromKubeconfigs(kubeconfigs, context, Clock.systemUTC(), environment);
    }

    /**
     * {@link #fromKubeconfigs(KubeconfigFiles, Optional, Map)}, an exec plugin's token judged expired by
     * {@code clock}.
     */
    static KubeConnection fromKubeconfigs(KubeconfigFiles kubeconfigs, Optional<String> context, Clock clock,
            Map<String, String> environment) throws ProvisionException {
        MergedKubeconfig merged = kubeconfigs.load();
        String chosen = merged.chooseContext(context);
        KubeConfig config = merged.toKubeConfig(chosen);
        String kubeconfig = kubeconfigs.describe();
        if (config.getServer() == null || config.getServer().isBlank()) {
            throw new ProvisionException(Kind.ENVIRONMENT, "the context '" + config.getCurrentContext()
                    + "' of " + kubeconfig + " names no cluster with a server address",
                    "check the context's cluster entry (kubectl config view)");
        }
        String userName = merged.context(chosen).map(c -> String.valueOf(c.get("user"))).orElse("");
        Map<String, Object> clusterStanza = merged.context(chosen).map(c -> String.valueOf(c.get("cluster")))
                .flatMap(merged::cluster).orElse(Map.of());
        Optional<ExecCredentialPlugin> exec = merged.user(userName)
                .flatMap(user -> ExecCredentialPlugin.of(userName, user, clusterStanza, environment));
        if (exec.isPresent()) {
            try {
                exec.get().requireUsable(); // what kubectl refuses, refused before anything runs
                // and what the user's kuberc forbids kubectl to run
                CredentialPluginPolicy.of(environment).check(exec.get().name(), environment);
            } catch (ExecCredentialPlugin.Unusable e) {
                throw new ProvisionException(Kind.ENVIRONMENT, "the credentials of context '" + chosen + "' in "
                        + kubeconfig + " cannot be used: " + e.getMessage(), e.fix());
            }
        }
        // the merge made a command with a folder absolute (kubectl's rule), so no folder to resolve against
        Optional<CommandLookup.Relative> relative = relativeExecPlugin(config, environment);
        if (relative.isPresent()) {
            throw new ProvisionException(Kind.ENVIRONMENT, "the credentials of context '"
                    + config.getCurrentContext() + "' in " + kubeconfig + " come from an exec plugin that is not "
                    + "run: " + relative.get().message(), relative.get().fix());
        }
        Optional<String> plugin = missingExecPlugin(config, null, environment);
        if (plugin.isPresent()) {
            // client-java would go on without credentials, and the server's answer would blame system:anonymous
            Optional<String> hint = exec.flatMap(ExecCredentialPlugin::installHint);
            throw new ProvisionException(Kind.ENVIRONMENT, "the credentials of context '" + config.getCurrentContext()
                    + "' in " + kubeconfig + " come from the exec plugin '" + plugin.get() + "', which is not on "
                    + "PATH" + hint.map(h -> "; its kubeconfig says: " + h).orElse(""),
                    (hint.isPresent() ? "follow the kubeconfig's install hint" : "install " + plugin.get())
                            + " on this machine (kubectl needs it too), or pass a kubeconfig whose credentials are "
                            + "a certificate or token");
        }
        Optional<ProxyRoute> route;
        try {
            route = route(config, environment);
        } catch (ProxyRoute.ProxyException | IOException e) {
            throw new ProvisionException(Kind.ENVIRONMENT, "the context '" + config.getCurrentContext() + "' of "
                    + kubeconfig + " cannot be reached: " + e.getMessage(), "fix the cluster's proxy-url in the "
                    + "kubeconfig or the HTTPS_PROXY / HTTP_PROXY variable, or name the server in NO_PROXY");
        }
        ExecCredentialPlugin.ExecCredential first = null;
        if (exec.isPresent()) {
            // run here, not by client-java, to learn when the token expires (BearerCredentials renews it then)
            try {
                first = exec.get().fetch();
            } catch (IOException e) {
                throw new ProvisionException(Kind.ENVIRONMENT, "the credentials of context '" + chosen + "' in "
                        + kubeconfig + " cannot be loaded: " + e.getMessage(), "run the exec plugin yourself "
                                + "(kubectl --context " + chosen + " get --raw /version shows its error)");
            }
            config = merged.toKubeConfig(chosen, first.asUser());
        }
        try {
            ApiClient client;
            if (exec.isPresent()) {
                ExecCredentialPlugin runner = exec.get();
                // a client certificate from the plugin is asked for again when it expires (or after a 401)
                Optional<RenewingClientCertificate> certificate = RenewingClientCertificate.of(first,
                        () -> rerun(runner), clock);
                client = BearerCredentials.carry(tlsClient(config, certificate), () -> renewed(runner),
                        first.expiry(), clock);
            } else {
                client = apiClientDirect(config);
            }
            return new KubeConnection(proxied(client, route));
        } catch (IOException | RuntimeException e) {
            String where = "context '" + config.getCurrentContext() + "' in " + kubeconfig;
            Optional<String> certificate = unreadableCertificate(config);
            if (certificate.isPresent()) {
                throw new ProvisionException(Kind.ENVIRONMENT, "the " + certificate.get() + " of " + where
                        + " is not a PEM certificate", "check the kubeconfig's " + certificate.get() + " (kubectl "
                        + "config view --raw shows it; it must decode to -----BEGIN CERTIFICATE-----)");
            }
            throw new ProvisionException(Kind.ENVIRONMENT, "the credentials of " + where + " cannot be loaded ("
                    + causes(e) + ")",
                    "check that the certificate and key files the kubeconfig names exist and are readable, "
                            + "and that its exec plugin (if any) is on PATH");
        }
    }

    /**
     * The command of the current context's {@code exec} credential plugin when it cannot be run: not found on the
     * {@code PATH} of {@code environment}, or, named with a folder, not an executable file there (relative to the
     * kubeconfig's folder, as kubectl resolves it). Empty when the context has no exec plugin or it can be run.
     */
    static Optional<String> missingExecPlugin(KubeConfig config, Path kubeconfigFolder,
            Map<String, String> environment) {
        Optional<String> command = execCommand(config);
        if (command.isEmpty()) {
            return Optional.empty();
        }
        String name = command.get();
        if (name.contains("/")) {
            Path file = kubeconfigFolder == null ? Path.of(name) : kubeconfigFolder.resolve(name);
            return Files.isExecutable(file) && Files.isRegularFile(file) ? Optional.empty() : command;
        }
        return new CommandLookup(OperatingSystem.current()).find(name, environment).program().isPresent()
                ? Optional.empty() : command;
    }

    /**
     * The current context's exec plugin when the {@code PATH} of {@code environment} finds it only through a
     * relative entry: it is not run (Go's rule, kubectl's too; {@link CommandLookup}).
     */
    static Optional<CommandLookup.Relative> relativeExecPlugin(KubeConfig config, Map<String, String> environment) {
        return execCommand(config).filter(name -> !name.contains("/"))
                .map(name -> new CommandLookup(OperatingSystem.current()).find(name, environment))
                .filter(CommandLookup.Relative.class::isInstance).map(CommandLookup.Relative.class::cast);
    }

    /** The command of the current context's {@code exec} credential plugin, when it has one. */
    private static Optional<String> execCommand(KubeConfig config) {
        return entry(config.getUsers(), entry(config.getContexts(), config.getCurrentContext())
                .map(context -> context.get("context")).filter(Map.class::isInstance)
                .map(context -> String.valueOf(((Map<?, ?>) context).get("user"))).orElse(null))
                .map(user -> user.get("user")).filter(Map.class::isInstance)
                .map(user -> ((Map<?, ?>) user).get("exec")).filter(Map.class::isInstance)
                .map(exec -> ((Map<?, ?>) exec).get("command")).filter(String.class::isInstance)
                .map(String.class::cast).filter(c -> !c.isBlank());
    }

    /** The entry of a kubeconfig list ({@code contexts}, {@code users}) called {@code name}. */
    private static Optional<Map<?, ?>> entry(List<Object> entries, String name) {
        if (entries == null || name == null) {
            return Optional.empty();
        }
        for (Object entry : entries) {
            if (entry instanceof Map<?, ?> map && name.equals(map.get("name"))) {
                return Optional.of(map);
            }
        }
        return Optional.empty();
    }

    /**
     * Which certificate of the context cannot be parsed, when one cannot: client-java reports both as a bare
     * CertificateException, and its message is never shown (it may quote the data).
     */
    private static Optional<String> unreadableCertificate(KubeConfig config) {
        for (String[] certificate : new String[][] {
                {"certificate-authority", config.getCertificateAuthorityData(), config.getCertificateAuthorityFile()},
                {"client-certificate", config.getClientCertificateData(), config.getClientCertificateFile()}}) {
            if (certificate[1] == null && certificate[2] == null) {
                continue;
            }
            try {
                byte[] pem = config.getDataOrFileRelative(certificate[1], certificate[2]);
                if (pem == null || java.security.cert.CertificateFactory.getInstance("X.509")
                        .generateCertificates(new java.io.ByteArrayInputStream(pem)).isEmpty()) {
                    return Optional.of(certificate[0]);
                }
            } catch (IOException | java.security.cert.CertificateException | IllegalArgumentException e) {
                return Optional.of(certificate[0]);
            }
        }
        return Optional.empty();
    }

    /** The exception's class and its causes' classes, outermost first: what failed, without any message. */
    private static String causes(Throwable e) {
        List<String> names = new ArrayList<>();
        for (Throwable t = e; t != null && names.size() < 4; t = t.getCause()) {
            names.add(t.getClass().getSimpleName());
        }
        return String.join(": ", names);
    }

    /**
     * client-java's client for {@code config}'s current context, as {@code ClientBuilder.kubeconfig(config)} builds
     * it, with the client certificate's key managers built by the JDK where it can read the key
     * ({@link ClientCertificate}: no Bouncy Castle to load); client-java's own reading otherwise, and for tokens and
     * exec plugins, whose token is put on the HTTP client itself ({@link BearerCredentials}). Its TLS is set up
     * once ({@link SingleTlsApiClient}).
     *
     * @throws IOException when a file the kubeconfig names cannot be read
     */
    /**
     * {@link #apiClientDirect} with {@code environment} (the run's) for the proxy variables ({@link ProxyRoute}): the
     * cluster's {@code proxy-url}, or {@code HTTPS_PROXY}/{@code HTTP_PROXY} unless {@code NO_PROXY} names it.
     *
     * @throws IOException when a file the kubeconfig names cannot be read, or the proxy setting cannot be used (the
     *                     message names the setting, never a password)
     */
    public static ApiClient apiClient(KubeConfig config, Map<String, String> environment) throws IOException {
        Optional<ProxyRoute> proxy;
        try {
            proxy = route(config, environment);
        } catch (ProxyRoute.ProxyException e) {
            throw new IOException(e.getMessage(), e);
        }
        return proxied(apiClientDirect(config), proxy);
    }

    /** The proxy {@code config}'s server is reached through, if any: its {@code proxy-url}, else the environment's. */
    private static Optional<ProxyRoute> route(KubeConfig config, Map<String, String> environment)
            throws ProxyRoute.ProxyException, IOException {
        return ProxyRoute.forServer(serverUri(config), proxyUrl(config), environment);
    }

    /** {@code client} reaching its server through {@code route}, with the proxy's credentials when it has a user. */
    private static ApiClient proxied(ApiClient client, Optional<ProxyRoute> route) {
        if (route.isEmpty()) {
            return client;
        }
        return client.setHttpClient(client.getHttpClient().newBuilder().proxy(route.get().proxy())
                .proxyAuthenticator(route.get().authenticator()).build());
    }

    /** The server's URL as client-java completes it (a bare {@code host:443} is https, any other bare one http). */
    private static URI serverUri(KubeConfig config) throws IOException {
        String server = config.getServer();
        if (!server.contains("://")) {
            server = (server.contains(":443") ? "https://" : "http://") + server;
        }
        try {
            return new URI(server.strip());
        } catch (URISyntaxException e) {
            throw new IOException("the server address of the context is not a URL", e);
        }
    }

    /** The {@code proxy-url} of the current context's cluster, which client-java does not read. */
    private static Optional<String> proxyUrl(KubeConfig config) {
        return entry(config.getContexts(), config.getCurrentContext())
                .map(context -> context.get("context")).filter(Map.class::isInstance)
                .map(context -> ((Map<?, ?>) context).get("cluster")).map(String::valueOf)
                .flatMap(cluster -> entry(config.getClusters(), cluster))
                .map(cluster -> cluster.get("cluster")).filter(Map.class::isInstance)
                .map(cluster -> ((Map<?, ?>) cluster).get("proxy-url")).filter(String.class::isInstance)
                .map(String.class::cast);
    }

    /** A new token from {@code plugin}, or empty when it fails now (the server's 401 then says what is wrong). */
    private static Optional<BearerCredentials.Token> renewed(ExecCredentialPlugin plugin) {
        try {
            ExecCredentialPlugin.ExecCredential fresh = plugin.fetch();
            return fresh.token().map(token -> new BearerCredentials.Token(token, fresh.expiry()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** What {@code plugin} gives now, or empty when it fails (the server's answer then says what is wrong). */
    private static Optional<ExecCredentialPlugin.ExecCredential> rerun(ExecCredentialPlugin plugin) {
        try {
            return Optional.of(plugin.fetch());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static ApiClient apiClientDirect(KubeConfig config) throws IOException {
        return BearerCredentials.carry(tlsClient(config), config);
    }

    /** client-java's client for {@code config}, its TLS (client certificate included) set up, no bearer token yet. */
    private static ApiClient tlsClient(KubeConfig config) throws IOException {
        return tlsClient(config, Optional.empty());
    }

    /** {@link #tlsClient(KubeConfig)} presenting {@code renewing}'s client certificate, when there is one. */
    private static ApiClient tlsClient(KubeConfig config, Optional<RenewingClientCertificate> renewing)
            throws IOException {
        ClientBuilder builder = ClientBuilder.kubeconfig(config);
        if (renewing.isPresent()) {
            builder.setAuthentication(client -> client.setKeyManagers(new KeyManager[] {renewing.get()}));
            ApiClient client = SingleTlsApiClient.build(builder);
            renewing.get().evictFrom(client.getHttpClient().connectionPool());
            return client.setHttpClient(client.getHttpClient().newBuilder().addInterceptor(renewing.get()).build());
        }
        if (config.getClientCertificateData() != null || config.getClientCertificateFile() != null) {
            ClientCertificate.keyManagers(
                    config.getDataOrFileRelative(config.getClientCertificateData(), config.getClientCertificateFile()),
                    config.getDataOrFileRelative(config.getClientKeyData(), config.getClientKeyFile()))
                    .ifPresent(keyManagers -> builder.setAuthentication(client -> client.setKeyManagers(keyManagers)));
        }
        return SingleTlsApiClient.build(builder);
    }

    /**
     * Whether Ascent runs in a pod with a service account mounted, as the run's {@code environment} says
     * ({@code KUBERNETES_SERVICE_HOST}).
     */
    public static boolean inClusterAvailable(Map<String, String> environment) {
        return environment.get(SERVICE_HOST) != null && Files.isReadable(SERVICE_ACCOUNT);
    }

    /**
     * Connects as the pod's service account, at the address the run's {@code environment} names
     * ({@code KUBERNETES_SERVICE_HOST}, {@code KUBERNETES_SERVICE_PORT}), through its proxy.
     */
    public static KubeConnection inCluster(Map<String, String> environment) throws ProvisionException {
        try {
            // ClientBuilder.cluster() as client-java builds it, but at the run's address: it reads the JVM's variables
            ApiClient client = new ClientBuilder().setBasePath(serviceAddress(environment))
                    .setCertificateAuthority(io.ascent.core.workspace.ConfinedFiles.anywhere(MAX_CA_BYTES)
                            .readAllBytes(SERVICE_ACCOUNT.resolveSibling("ca.crt")))
                    .setAuthentication(new io.kubernetes.client.util.credentials.TokenFileAuthentication(
                            SERVICE_ACCOUNT.toString()))
                    .build();
            return new KubeConnection(proxied(client, ProxyRoute.forServer(URI.create(client.getBasePath()),
                    Optional.empty(), environment)));
        } catch (ProxyRoute.ProxyException e) {
            throw new ProvisionException(Kind.ENVIRONMENT, "the API server cannot be reached: " + e.getMessage(),
                    "fix the HTTPS_PROXY variable, or name the API server in NO_PROXY");
        } catch (IOException | RuntimeException e) {
            throw new ProvisionException(Kind.ENVIRONMENT, "the pod's service account cannot be used ("
                    + e.getClass().getSimpleName() + ")",
                    "mount a service account token, or pass --kubeconfig");
        }
    }
}
