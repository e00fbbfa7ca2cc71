package hudson.util;

import java.io.Serializable;

/**
 * Shim: a value that keeps its text, as the real class does in memory and in Java serialization. The real one also
 * decrypts its {@code {...}} form in {@code fromString} and encrypts in XStream; nothing here does.
 */
public final class Secret implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    public String getPlainText() {
        return value;
    }

    public static Secret fromString(String data) {
        return new Secret(data == null ? "" : data);
    }

    public static String toString(Secret s) {
        return s == null ? "" : s.value;
    }
}
