package io.ascent.core.manifest.listtype;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * The part of a CRD's structural schema that list uniqueness needs: each node's {@code x-kubernetes-list-type} and
 * {@code x-kubernetes-list-map-keys}, and the properties, items and additional properties below it. Nodes without a
 * list type anywhere below are dropped, so a walk only visits what can fail. Immutable.
 */
public final class ListTypeSchema {
    private final String listType;
    private final List<String> mapKeys;
    private final Map<String, ListTypeSchema> properties;
    private final ListTypeSchema items;
    private final ListTypeSchema additionalProperties;

    private ListTypeSchema(String listType, List<String> mapKeys, Map<String, ListTypeSchema> properties,
            ListTypeSchema items, ListTypeSchema additionalProperties) {
        this.listType = listType;
        this.mapKeys = List.copyOf(mapKeys);
        this.properties = Map.copyOf(properties);
        this.items = items;
        this.additionalProperties = additionalProperties;
    }

    /**
     * Reads one {@code openAPIV3Schema}; malformed parts read as "no list type" (the schema check reports them).
     *
     * @return the schema, or {@code null} when no node of it has list type {@code set} or {@code map}
     */
    public static ListTypeSchema read(JSONObject node) {
        String listType = node.opt("x-kubernetes-list-type") instanceof String type
                && (type.equals("set") || type.equals("map")) ? type : null;
        List<String> keys = new ArrayList<>();
        if (node.opt("x-kubernetes-list-map-keys") instanceof JSONArray declared) {
            for (int i = 0; i < declared.length(); i++) {
                if (declared.opt(i) instanceof String key) {
                    keys.add(key);
                }
            }
        }
        Map<String, ListTypeSchema> properties = new LinkedHashMap<>();
        if (node.opt("properties") instanceof JSONObject declared) {
            for (String name : declared.keySet()) {
                if (declared.opt(name) instanceof JSONObject property) {
                    ListTypeSchema child = read(property);
                    if (child != null) {
                        properties.put(name, child);
                    }
                }
            }
        }
        ListTypeSchema items = node.opt("items") instanceof JSONObject item ? read(item) : null;
        ListTypeSchema additional = node.opt("additionalProperties") instanceof JSONObject value ? read(value) : null;
        if (listType == null && properties.isEmpty() && items == null && additional == null) {
            return null;
        }
        return new ListTypeSchema(listType, keys, properties, items, additional);
    }

    /** {@code set}, {@code map}, or {@code null} for an atomic list or a node that is not a list. */
    String listType() {
        return listType;
    }

    /** The fields that identify an item of a {@code map} list. */
    List<String> mapKeys() {
        return mapKeys;
    }

    Map<String, ListTypeSchema> properties() {
        return properties;
    }

    ListTypeSchema items() {
        return items;
    }

    ListTypeSchema additionalProperties() {
        return additionalProperties;
    }
}
