package hudson;

import java.util.Map;
import java.util.TreeMap;

/** As upstream: names compare ignoring case on every platform ({@code Path} is {@code PATH}). */
public class EnvVars extends TreeMap<String, String> {
    private static final long serialVersionUID = 1L;

    public EnvVars() {
        super(String.CASE_INSENSITIVE_ORDER);
    }

    public EnvVars(Map<String, String> m) {
        this();
        putAll(m);
    }
}
