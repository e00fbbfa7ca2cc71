package io.ascent.core.provision.kind;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reading the parsed kind configuration defensively: a field of the wrong shape reads as empty, never throws. */
final class KindMaps {

    private KindMaps() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return value instanceof List<?> list ? (List<Object>) list : List.of();
    }

    /** The tokens of a field below {@code parent}. */
    static List<String> at(List<String> parent, String field) {
        List<String> tokens = new ArrayList<>(parent);
        tokens.add(field);
        return tokens;
    }
}
