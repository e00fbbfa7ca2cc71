package io.ascent.core.manifest.listtype;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * Finds the items of {@code set} and {@code map} lists that the API server refuses as duplicates, as
 * apiextensions-apiserver's {@code listtype.ValidateListSetsAndMaps} does: the second occurrence of a value (not the
 * third and later ones) is the error, at that item, with the API server's message ({@code Duplicate value: "a"},
 * {@code Duplicate value: {"name":"http"}}). Two scalars are equal when they have the same JSON type and value
 * ({@code 1} and {@code 1.0} differ); two objects or arrays when their JSON text with sorted keys is the same
 * ({@code {"a":1}} and {@code {"a":1.0}} are the same). Stateless.
 */
public final class ListTypeValidator {

    /**
     * One refused item.
     *
     * @param tokens  pointer tokens from the object to the item
     * @param path    the field as the API server names it ({@code spec.ports[1]})
     * @param message the API server's message without the field ({@code Duplicate value: 80})
     * @param marking what the schema says of the list ({@code x-kubernetes-list-type: set}), for the fix
     */
    public record Violation(List<String> tokens, String path, String message, String marking) {
    }

    /** An item of a {@code map} list without one of the keys; Go marks it the same way. */
    private static final Object UNSPECIFIED = new Object();

    private ListTypeValidator() {
    }

    /** The refused items of {@code object} (a custom resource), in document order. */
    public static List<Violation> validate(JSONObject object, ListTypeSchema schema) {
        List<Violation> out = new ArrayList<>();
        walkObject(object, schema, new ArrayList<>(), "", out);
        return out;
    }

    private static void walkObject(JSONObject object, ListTypeSchema schema, List<String> tokens, String path,
            List<Violation> out) {
        for (String key : object.keySet()) {
            ListTypeSchema child = schema.properties().get(key);
            String childPath = child != null ? (path.isEmpty() ? key : path + "." + key) : path + "[" + key + "]";
            if (child == null) {
                child = schema.additionalProperties();
            }
            if (child != null) {
                tokens.add(key);
                walk(object.opt(key), child, tokens, childPath, out);
                tokens.remove(tokens.size() - 1);
            }
        }
    }

    private static void walk(Object value, ListTypeSchema schema, List<String> tokens, String path,
            List<Violation> out) {
        if (value instanceof JSONObject object) {
            walkObject(object, schema, tokens, path, out);
        } else if (value instanceof JSONArray array) {
            if ("set".equals(schema.listType())) {
                List<Object> items = new ArrayList<>(array.length());
                array.forEach(item -> items.add(item));
                for (int i : duplicates(items)) {
                    out.add(violation(tokens, path, i, "Duplicate value: " + GoValues.errorValue(array.opt(i)),
                            "x-kubernetes-list-type: set"));
                }
            } else if ("map".equals(schema.listType())) {
                checkMap(array, schema.mapKeys(), tokens, path, out);
            }
            if (schema.items() != null) {
                for (int i = 0; i < array.length(); i++) {
                    tokens.add(Integer.toString(i));
                    walk(array.opt(i), schema.items(), tokens, path + "[" + i + "]", out);
                    tokens.remove(tokens.size() - 1);
                }
            }
        }
    }

    private static Violation violation(List<String> tokens, String path, int index, String message,
            String marking) {
        List<String> at = new ArrayList<>(tokens);
        at.add(Integer.toString(index));
        return new Violation(List.copyOf(at), path + "[" + index + "]", message, marking);
    }

    private static void checkMap(JSONArray array, List<String> keyFields, List<String> tokens, String path,
            List<Violation> out) {
        String marking = "x-kubernetes-list-type: map with x-kubernetes-list-map-keys " + keyFields;
        for (int i = 0; i < array.length(); i++) {
            Object item = array.opt(i);
            if (item != JSONObject.NULL && !(item instanceof JSONObject)) {
                out.add(violation(tokens, path, i, "Invalid value: " + GoValues.errorValue(item)
                        + ": must be an object for an array of list-type map", marking));
                return;
            }
        }
        List<Object> keys = new ArrayList<>(array.length());
        for (int i = 0; i < array.length(); i++) {
            JSONObject item = array.opt(i) instanceof JSONObject object ? object : null;
            if (keyFields.size() == 1) {
                // one key: its value itself is compared, so a missing key differs from a null one
                keys.add(item == null || !item.has(keyFields.get(0)) ? UNSPECIFIED : item.opt(keyFields.get(0)));
            } else {
                JSONObject key = new JSONObject();
                for (String field : keyFields) {
                    if (item != null && item.has(field)) {
                        key.put(field, item.opt(field));
                    }
                }
                keys.add(key);
            }
        }
        for (int i : duplicates(keys)) {
            Object key = keys.get(i);
            JSONObject shown;
            if (keyFields.size() != 1) {
                shown = (JSONObject) key;
            } else {
                shown = new JSONObject();
                if (key != UNSPECIFIED) {
                    shown.put(keyFields.get(0), key);
                }
            }
            out.add(violation(tokens, path, i, "Duplicate value: " + GoValues.json(shown), marking));
        }
    }

    /** Go's {@code validateListSet}: the index of each value's second occurrence. */
    private static List<Integer> duplicates(List<Object> values) {
        List<Integer> out = new ArrayList<>();
        if (values.size() <= 1) {
            return out;
        }
        Map<Object, Integer> seen = new HashMap<>();
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            Object identity = value instanceof JSONObject || value instanceof JSONArray
                    ? "compound:" + GoValues.json(value) : scalar(value);
            if (seen.merge(identity, 1, Integer::sum) == 2) {
                out.add(i);
            }
        }
        return out;
    }

    /** A scalar as Go's map key: its JSON type and value ({@code 1} and {@code 1.0} differ, as int64 and float64). */
    private static Object scalar(Object value) {
        if (value == UNSPECIFIED || value == JSONObject.NULL || value == null) {
            return value == UNSPECIFIED ? UNSPECIFIED : "null";
        }
        if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
            return "int:" + new BigInteger(value.toString());
        }
        if (value instanceof Number number) {
            return "float:" + (number instanceof BigDecimal decimal ? decimal.doubleValue() : number.doubleValue());
        }
        if (value instanceof String text) {
            return "string:" + text;
        }
        return value.getClass().getSimpleName() + ":" + value;
    }
}
