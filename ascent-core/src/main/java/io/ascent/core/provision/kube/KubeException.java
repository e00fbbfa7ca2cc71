package io.ascent.core.provision.kube;

import java.util.Optional;
import org.json.JSONObject;

/**
 * A request to the API server failed: an HTTP status with the server's {@code Status} message, or no answer at all
 * ({@link #code()} 0). The message names the request's method and path and the server's words, never a credential.
 */
public final class KubeException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int code;
    private final String reason;
    private final transient JSONObject status;

    public KubeException(int code, String reason, String message, JSONObject status) {
        super(message);
        this.code = code;
        this.reason = reason;
        this.status = status;
    }

    static KubeException unreachable(String what, Exception cause) {
        KubeException e = new KubeException(0, "Unreachable",
                what + ": no answer from the API server (" + cause.getClass().getSimpleName()
                        + (cause.getMessage() == null ? "" : ": " + cause.getMessage()) + ")", null);
        e.initCause(cause);
        return e;
    }

    /**
     * Whether {@code failure} is the TLS handshake refusing the server's certificate (not signed by a trusted
     * authority, expired, or not naming the server), rather than the network.
     */
    static boolean isCertificateFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.security.cert.CertificateException
                    || t instanceof java.security.cert.CertPathValidatorException
                    || t instanceof javax.net.ssl.SSLPeerUnverifiedException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** Whether the server could not be trusted: its certificate was refused in the TLS handshake. */
    public boolean certificateRefused() {
        return code == 0 && isCertificateFailure(getCause());
    }

    /** The HTTP status, or 0 when the server did not answer. */
    public int code() {
        return code;
    }

    /** The server's {@code Status.reason} ({@code NotFound}, {@code Invalid}, ...), or a word for the failure. */
    public String reason() {
        return reason;
    }

    /** The server's {@code Status} object, when it sent one. */
    public Optional<JSONObject> status() {
        return Optional.ofNullable(status);
    }

    /** The server's own message ({@code Status.message}) with its field causes, or this exception's message. */
    public String serverMessage() {
        if (status == null) {
            return getMessage();
        }
        return status.optString("message", getMessage());
    }
}
