package io.ascent.core.provision.kube;

import io.ascent.core.provision.command.ChildProcess;
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
 * non-interactive call, no standard input; its standard output is an {@code ExecCredential} whose {@code status}
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

    private final List<String> command;
    private final Map<String, String> environment;
    private final String apiVersion;

    private ExecCredentialPlugin(List<String> command, Map<String, String> environment, String apiVersion) {
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.apiVersion = apiVersion;
    }

    /**
     * The plugin of a user stanza ({@link MergedKubeconfig#user}), or empty when it has none.
     *
     * @param run the run's environment: the plugin gets it with the stanza's {@code env} on top (as kubectl passes
     *            its own), and is found on its {@code PATH}
     */
    static Optional<ExecCredentialPlugin> of(Map<String, Object> user, Map<String, String> run) {
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
        String apiVersion = exec.get("apiVersion") instanceof String version ? version
                : "client.authentication.k8s.io/v1beta1";
        return Optional.of(new ExecCredentialPlugin(command, environment, apiVersion));
    }

    /** The command's name, for messages (never its arguments, which may carry a role or a profile). */
    String name() {
        return command.get(0);
    }

    /**
     * Runs the plugin once.
     *
     * @throws IOException when it cannot be started, fails, takes longer than {@link #TIMEOUT} or prints no usable
     *                     ExecCredential; the message names the command and what went wrong, never its output
     */
    ExecCredential fetch() throws IOException {
        ProcessBuilder builder = ChildProcess.builder(command, environment)
                .redirectInput(ProcessBuilder.Redirect.PIPE).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("KUBERNETES_EXEC_INFO", new JSONObject().put("apiVersion", apiVersion)
                .put("kind", "ExecCredential").put("spec", new JSONObject().put("interactive", false)).toString());
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
