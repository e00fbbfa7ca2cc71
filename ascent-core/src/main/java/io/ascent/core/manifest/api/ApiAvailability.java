package io.ascent.core.manifest.api;

/** Whether a target Kubernetes release accepts an apiVersion/kind. */
public enum ApiAvailability {
    /** Accepted and not deprecated. */
    SERVED,
    /** Accepted, but deprecated: it will go away; the verdict names what to use instead. */
    DEPRECATED,
    /** No longer accepted: the target release is at or after the removal. */
    REMOVED,
    /** Not accepted yet: the target release is older than the one that introduced it. */
    NOT_YET_SERVED,
    /**
     * The table cannot say: the apiVersion/kind is not in it (a custom resource, a typo, an API outside the
     * table's scope), or the target is older than the oldest release the table has data for.
     */
    UNKNOWN;

    /** True when a manifest using it can be applied to the target (possibly with a deprecation warning). */
    public boolean isAccepted() {
        return this == SERVED || this == DEPRECATED;
    }
}
