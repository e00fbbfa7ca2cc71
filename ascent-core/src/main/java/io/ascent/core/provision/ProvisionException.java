package io.ascent.core.provision;

import java.util.Objects;
import java.util.Optional;

/**
 * A provisioning step could not go on. {@link #kind()} decides the run's exit status: broken input (2), or an
 * environment that cannot run the work (3). The message is shown to the user as it is, so it never carries a
 * kubeconfig's contents, a token or a certificate.
 */
public final class ProvisionException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Whose fault it is. */
    public enum Kind {
        /** The checklist, a manifest or an option is wrong (exit 2). */
        INPUT,
        /** A tool, daemon or cluster is missing, refuses or is unreachable (exit 3). */
        ENVIRONMENT
    }

    private final Kind kind;
    private final String remediation;

    public ProvisionException(Kind kind, String message, String remediation) {
        this(kind, message, remediation, null);
    }

    public ProvisionException(Kind kind, String message, String remediation, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.remediation = remediation;
    }

    public Kind kind() {
        return kind;
    }

    /** What the user should change, if Ascent knows. */
    public Optional<String> remediation() {
        return Optional.ofNullable(remediation);
    }
}
