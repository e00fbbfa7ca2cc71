package io.ascent.core.manifest.schema;

/**
 * A schema Ascent derived itself (from a CRD the API server would accept) that everit cannot compile: Ascent's
 * bug, never the input's. Its message names the CRD and is safe to show in a report.
 */
public final class UncompilableSchemaException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public UncompilableSchemaException(String message, Throwable cause) {
        super(message, cause);
    }
}
