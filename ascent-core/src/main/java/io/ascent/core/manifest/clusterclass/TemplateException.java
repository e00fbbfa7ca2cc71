package io.ascent.core.manifest.clusterclass;

/**
 * A template Ascent cannot evaluate: a construct outside the supported subset, or one ClusterAPI itself would fail
 * on (a missing field used as a version). The message names the construct and says why.
 */
public final class TemplateException extends Exception {
    private static final long serialVersionUID = 1L;

    public TemplateException(String message) {
        super(message);
    }
}
