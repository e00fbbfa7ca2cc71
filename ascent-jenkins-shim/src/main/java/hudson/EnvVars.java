package hudson;

import java.util.Map;
import java.util.TreeMap;

public class EnvVars extends TreeMap<String, String> {
    private static final long serialVersionUID = 1L;

    public EnvVars() {
    }

    public EnvVars(Map<String, String> m) {
        super(m);
    }
}
