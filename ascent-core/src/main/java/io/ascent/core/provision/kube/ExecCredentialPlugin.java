package io.ascent.core.provision.kube;

import io.ascent.core.provision.command.ChildEnvironment;
import io.ascent.core.provision.command.ChildProcess;
import io.ascent.core.provision.command.OperatingSystem;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.json.JSONException;
import org.json.JSONObject;

/**
 * A kubeconfig user's {@code exec} credential plugin (aws eks get-token, gke-gcloud-auth-plugin, kubelogin), run as
 * kubectl runs it: the command with its {@code args} and {@code env}, {@code KUBERNETES_EXEC_INFO} describing a
 * non-interactive call (with the cluster in {@code spec.cluster} when the config says {@code provideClusterInfo}),
 * no standard input; its standard output is an {@code ExecCredential} whose {@code status}
 * holds a token or a client certificate and, optionally, when they expire. Run here rather than by client-java,
 * which keeps the token and drops {@code expirationTimestamp}: {@link BearerCredentials} needs it to fetch a new
 * token before sending a request with one that has expired (an EKS token lasts 15 minutes; a provision may last
 * longer). Nothing the plugin prints reaches a message: output and errors may hold the credential.
 */
final class ExecCredentialPlugin {

    /** How long one run of the plugin may take (a cloud CLI asks its metadata service or SSO cache). */
    static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** An ExecCredential is a few kilobytes; more is not one. */
    static final int MAX_OUTPUT = 1 << 20;

    /** The ExecCredential versions kubectl speaks (client-go's exec authenticator refuses any other). */
    static final List<String> API_VERSIONS = List.of("client.authentication.k8s.io/v1",
            "client.authentication.k8s.io/v1beta1");

    private final List<String> command;
    private final Map<String, String> environment;
    private final String apiVersion;
    private final String interactiveMode;
    private final Optional<String> installHint;
    /** {@code spec.cluster} of {@code KUBERNETES_EXEC_INFO}: empty unless the config asks for it. */
    private final Optional<ExecCluster> cluster;
    private final String userName;

    private ExecCredentialPlugin(List<String> command, Map<String, String> environment, Map<?, ?> exec,
            String userName, Optional<ExecCluster> cluster) {
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.apiVersion = exec.get("apiVersion") instanceof String version ? version : "";
        this.interactiveMode = exec.get("interactiveMode") instanceof String mode ? mode : "";
        this.installHint = Optional.ofNullable(exec.get("installHint")).map(String::valueOf)
                .map(ExecCredentialPlugin::printable).filter(hint -> !hint.isBlank());
        this.userName = userName;
        this.cluster = cluster;
    }

    /**
     * The plugin of a user stanza ({@link MergedKubeconfig#user}), or empty when it has none.
     *
     * @param run the run's environment: the plugin gets it with the stanza's {@code env} on top (as kubectl passes
     *            its own), and is found on its {@code PATH}
     */
    static Optional<ExecCredentialPlugin> of(Map<String, Object> user, Map<String, String> run) {
        return of("user", user, Map.of(), run);
    }

    /**
     * The plugin of the user stanza {@code user} called {@code userName}, run for the cluster stanza {@code cluster}
     * (what {@code provideClusterInfo} hands it) in the run's environment {@code run} (see {@link #of(Map, Map)}),
     * or empty when the user has none.
     */
    static Optional<ExecCredentialPlugin> of(String userName, Map<String, Object> user, Map<String, Object> cluster,
            Map<String, String> run) {
        if (!(user.get("exec") instanceof Map<?, ?> exec) || !(exec.get("command") instanceof String name)
                || name.isBlank()) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>(List.of(name));
        if (exec.get("args") instanceof List<?> args) {
            args.forEach(arg -> command.add(String.valueOf(arg)));
        }
        Map<String, String> environment = new LinkedHashMap<>(run);
        if (exec.get("env") instanceof List<?> variables) {
            for (Object variable : variables) {
                if (variable instanceof Map<?, ?> pair && pair.get("name") instanceof String key) {
                    environment.put(key, pair.get("value") == null ? "" : String.valueOf(pair.get("value")));
                }
            }
        }
        boolean provideClusterInfo = Boolean.TRUE.equals(exec.get("provideClusterInfo"))
                || "true".equals(exec.get("provideClusterInfo"));
        return Optional.of(new ExecCredentialPlugin(command, environment, exec, userName,
                provideClusterInfo ? Optional.of(new ExecCluster(cluster)) : Optional.empty()));
    }

    /** The command's name, for messages (never its arguments, which may carry a role or a profile). */
    String name() {
        return command.get(0);
    }

    /** What the kubeconfig says to do when the command is missing ({@code installHint}), control characters out. */
    Optional<String> installHint() {
        return installHint;
    }

    /**
     * Refuses, before the plugin runs, a config kubectl refuses (client-go's {@code validateAuthInfo}, with the
     * words kubectl prints: {@code apiVersion} missing; {@code interactiveMode} missing where only v1beta1 defaults it to
     * {@code IfAvailable}, or unknown; an {@code apiVersion} the exec authenticator does not speak) and one that
     * needs a terminal ({@code interactiveMode: Always}): kubectl fails on that one when standard input is not a
     * terminal, and Ascent never has one. {@code Never} and {@code IfAvailable} run with {@code interactive: false}.
     *
     * @throws Unusable saying what is wrong and how to fix it, naming the user, never the arguments
     */
    void requireUsable() throws Unusable {
        List<String> problems = new ArrayList<>();
        if (apiVersion.isEmpty()) {
            problems.add("apiVersion must be specified for " + userName + " to use exec authentication plugin");
        }
        String mode = interactiveMode.isEmpty() && (apiVersion.equals("client.authentication.k8s.io/v1beta1")
                || apiVersion.equals("client.authentication.k8s.io/v1alpha1")) ? "IfAvailable" : interactiveMode;
        switch (mode) {
            case "" -> problems.add("interactiveMode must be specified for " + userName
                    + " to use exec authentication plugin");
            case "Never", "IfAvailable", "Always" -> {
                // valid
            }
            default -> problems.add("invalid interactiveMode for " + userName + ": \"" + printable(mode) + "\"");
        }
        if (!problems.isEmpty()) {
            // kubectl prints one problem as it is, several as "Error in configuration:" and a list
            throw new Unusable(problems.size() == 1 ? problems.get(0)
                    : "Error in configuration: " + String.join("; ", problems), "set the exec stanza's apiVersion (client.authentication"
                    + ".k8s.io/v1) and interactiveMode (Never for a plugin that needs no terminal), as kubectl "
                    + "requires");
        }
        if (!API_VERSIONS.contains(apiVersion)) {
            throw new Unusable("exec plugin: invalid apiVersion \"" + printable(apiVersion) + "\"",
                    "use apiVersion client.authentication.k8s.io/v1 (or v1beta1) in the exec stanza");
        }
        if (mode.equals("Always")) {
            throw new Unusable("the exec plugin '" + name() + "' of user " + userName + " has interactiveMode "
                    + "Always: it needs a terminal, and Ascent runs without one",
                    "this context's exec plugin needs a terminal; use a non-interactive credential in CI (a "
                            + "service-account token, a client certificate, or a plugin that runs with "
                            + "interactiveMode Never)");
        }
    }

    /** A config kubectl would not run, or one that needs a terminal: {@link #getMessage()} and a fix. */
    static final class Unusable extends Exception {
        private static final long serialVersionUID = 1L;
        private final String fix;

        Unusable(String message, String fix) {
            super(message);
            this.fix = fix;
        }

        String fix() {
            return fix;
        }
    }

    /** {@code text} with control characters (a terminal escape in a hostile kubeconfig) made spaces, bounded. */
    private static String printable(String text) {
        String clean = text.replaceAll("\u001b\\[[0-9;?]*[ -/]*[@-~]", "").replaceAll("\\p{Cntrl}", " ").strip();
        return clean.length() > 500 ? clean.substring(0, 500) + "..." : clean;
    }

    /**
     * Runs the plugin once.
     *
     * @throws IOException when it cannot be started, fails, takes longer than {@link #TIMEOUT} or prints no usable
     *                     ExecCredential; the message names the command and what went wrong, never its output
     */
    ExecCredential fetch() throws IOException {
        // added before the builder merges the names, so on Windows no other spelling of it reaches the plugin
        Map<String, String> withInfo = ChildEnvironment.of(environment,
                Map.of("KUBERNETES_EXEC_INFO", execInfo().toString()), OperatingSystem.current());
        ProcessBuilder builder = ChildProcess.builder(command, withInfo)
                .redirectInput(ProcessBuilder.Redirect.PIPE).redirectError(ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        try {
            process.getOutputStream().close(); // not interactive: no standard input
            // read on a thread of its own, not a shared pool a busy run may have filled: the plugin must not block
            // on a full pipe while this thread waits for it to exit
            CompletableFuture<byte[]> output = new CompletableFuture<>();
            Thread reader = new Thread(() -> output.complete(read(process.getInputStream())),
                    "ascent-exec-credential-reader");
            reader.setDaemon(true);
            reader.start();
            if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IOException("the exec plugin '" + name() + "' did not answer within "
                        + TIMEOUT.toSeconds() + "s");
            }
            if (process.exitValue() != 0) {
                throw new IOException("the exec plugin '" + name() + "' failed with exit status "
                        + process.exitValue() + " (run it yourself to see why)");
            }
            byte[] bytes = output.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (bytes.length > MAX_OUTPUT) {
                throw new IOException("the exec plugin '" + name() + "' printed more than " + MAX_OUTPUT + " bytes");
            }
            return parse(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while the exec plugin '" + name() + "' ran");
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("the exec plugin '" + name() + "''s output could not be read");
        } finally {
            process.destroyForcibly();
        }
    }

    /**
     * {@code KUBERNETES_EXEC_INFO}: an ExecCredential of the configured version whose spec says the call is not
     * interactive and, with {@code provideClusterInfo}, holds the cluster.
     *
     * @throws IOException when the cluster's CA cannot be read (the message names the file or field, not the data)
     */
    JSONObject execInfo() throws IOException {
        JSONObject spec = new JSONObject();
        if (cluster.isPresent()) {
            spec.put("cluster", cluster.get().toJson());
        }
        spec.put("interactive", false);
        return new JSONObject().put("kind", "ExecCredential").put("apiVersion", apiVersion).put("spec", spec);
    }

    private static byte[] read(InputStream stream) {
        try (stream) {
            return stream.readNBytes(MAX_OUTPUT + 1);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    /** The {@code status} of an ExecCredential; the text is never quoted (it holds the token). */
    ExecCredential parse(String text) throws IOException {
        JSONObject status;
        try {
            status = new JSONObject(text).getJSONObject("status");
        } catch (JSONException e) {
            throw new IOException("the exec plugin '" + name() + "' printed no ExecCredential with a status");
        }
        Optional<String> token = Optional.ofNullable(status.optString("token", null)).filter(t -> !t.isEmpty());
        Optional<String> certificate = Optional.ofNullable(status.optString("clientCertificateData", null))
                .filter(t -> !t.isEmpty());
        Optional<String> key = Optional.ofNullable(status.optString("clientKeyData", null)).filter(t -> !t.isEmpty());
        if (token.isEmpty() && (certificate.isEmpty() || key.isEmpty())) {
            throw new IOException("the exec plugin '" + name() + "' gave neither a token nor a client certificate "
                    + "and key");
        }
        Optional<Instant> expiry = Optional.empty();
        String timestamp = status.optString("expirationTimestamp", "");
        if (!timestamp.isEmpty()) {
            try {
                expiry = Optional.of(OffsetDateTime.parse(timestamp).toInstant());
            } catch (DateTimeParseException e) {
                throw new IOException("the exec plugin '" + name() + "' gave an expirationTimestamp that is not "
                        + "an RFC 3339 time");
            }
        }
        return new ExecCredential(token, certificate, key, expiry);
    }

    /**
     * What one run of the plugin gave: a token, or a client certificate and key (PEM), and when they expire.
     * {@link #toString()} shows none of them.
     */
    record ExecCredential(Optional<String> token, Optional<String> clientCertificateData,
            Optional<String> clientKeyData, Optional<Instant> expiry) {

        /** A kubeconfig user stanza holding these credentials in place of the plugin. */
        Map<String, Object> asUser() {
            Map<String, Object> user = new LinkedHashMap<>();
            token.ifPresent(value -> user.put("token", value));
            java.util.Base64.Encoder base64 = java.util.Base64.getEncoder();
            clientCertificateData.ifPresent(pem -> user.put("client-certificate-data",
                    base64.encodeToString(pem.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
            clientKeyData.ifPresent(pem -> user.put("client-key-data",
                    base64.encodeToString(pem.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
            return user;
        }

        @Override
        public String toString() {
            return "ExecCredential[" + (token.isPresent() ? "token ***" : "certificate ***")
                    + expiry.map(at -> ", expires " + at).orElse("") + "]";
        }
    }
}
