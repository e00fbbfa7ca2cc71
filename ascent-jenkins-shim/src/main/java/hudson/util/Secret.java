package hudson.util;

import java.io.Serializable;

public final class Secret implements Serializable {
    private Secret() {
    }

    public String getPlainText() {
        throw new UnsupportedOperationException("compile-only Jenkins API shim");
    }

    public static Secret fromString(String data) {
        throw new UnsupportedOperationException("compile-only Jenkins API shim");
    }

    public static String toString(Secret s) {
        throw new UnsupportedOperationException("compile-only Jenkins API shim");
    }
}
