package io.ascent.core.manifest.cel;

import java.util.Map;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * Fills in the {@code default}s of a schema, as the API server does before it evaluates validation rules: a rule
 * that reads a defaulted field ({@code self.type == 'PathPrefix'}) sees the default when the manifest leaves the
 * field out. Values are copied only where a default is added; the input is never changed.
 */
final class Defaults {
    private Defaults() {
    }

    static Object apply(Object value, RuleSchema schema) {
        if (schema == null) {
            return value;
        }
        if (value instanceof JSONObject object) {
            JSONObject out = null;
            for (Map.Entry<String, RuleSchema> property : schema.properties().entrySet()) {
                String name = property.getKey();
                Object member = object.opt(name);
                Object filled = member == null || member == JSONObject.NULL && property.getValue().defaultValue() != null
                        ? copy(property.getValue().defaultValue()) : member;
                Object defaulted = filled == null ? null : apply(filled, property.getValue());
                if (defaulted != member) {
                    out = out != null ? out : shallowCopy(object);
                    out.put(name, defaulted);
                }
            }
            RuleSchema additional = schema.additionalProperties();
            if (additional != null && schema.properties().isEmpty()) {
                for (String key : object.keySet()) {
                    Object member = object.opt(key);
                    Object defaulted = apply(member, additional);
                    if (defaulted != member) {
                        out = out != null ? out : shallowCopy(object);
                        out.put(key, defaulted);
                    }
                }
            }
            return out != null ? out : object;
        }
        if (value instanceof JSONArray array && schema.items() != null) {
            JSONArray out = null;
            for (int i = 0; i < array.length(); i++) {
                Object item = array.opt(i);
                Object defaulted = apply(item, schema.items());
                if (defaulted != item) {
                    if (out == null) {
                        out = new JSONArray();
                        for (int j = 0; j < array.length(); j++) {
                            out.put(array.opt(j));
                        }
                    }
                    out.put(i, defaulted);
                }
            }
            return out != null ? out : array;
        }
        return value;
    }

    private static JSONObject shallowCopy(JSONObject object) {
        JSONObject copy = new JSONObject();
        for (String key : object.keySet()) {
            copy.put(key, object.opt(key));
        }
        return copy;
    }

    /** Defaults are shared by every object of the kind; each gets its own copy. */
    private static Object copy(Object value) {
        if (value instanceof JSONObject object) {
            JSONObject out = new JSONObject();
            object.keySet().forEach(key -> out.put(key, copy(object.opt(key))));
            return out;
        }
        if (value instanceof JSONArray array) {
            JSONArray out = new JSONArray();
            array.forEach(item -> out.put(copy(item)));
            return out;
        }
        return value;
    }
}
