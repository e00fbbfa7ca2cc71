package io.ascent.core.manifest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * A Kubernetes label selector: {@code matchLabels} and {@code matchExpressions} (In, NotIn, Exists,
 * DoesNotExist), as PodDisruptionBudgets and workloads write it. An empty selector matches every pod, as in
 * {@code policy/v1}.
 */
public final class LabelSelector {
    private final Map<String, Object> matchLabels;
    private final List<Requirement> expressions;

    private LabelSelector(Map<String, Object> matchLabels, List<Requirement> expressions) {
        this.matchLabels = Map.copyOf(matchLabels);
        this.expressions = List.copyOf(expressions);
    }

    /** The selector written as {@code {matchLabels, matchExpressions}}; an unusable expression matches nothing. */
    public static LabelSelector of(JSONObject selector) {
        JSONObject labels = selector.optJSONObject("matchLabels");
        List<Requirement> requirements = new ArrayList<>();
        JSONArray expressions = selector.optJSONArray("matchExpressions");
        for (int i = 0; expressions != null && i < expressions.length(); i++) {
            JSONObject expression = expressions.optJSONObject(i);
            if (expression == null) {
                requirements.add(new Requirement("", "Invalid", Set.of()));
                continue;
            }
            Set<String> values = new HashSet<>();
            JSONArray written = expression.optJSONArray("values");
            for (int j = 0; written != null && j < written.length(); j++) {
                values.add(String.valueOf(written.get(j)));
            }
            requirements.add(new Requirement(expression.optString("key"), expression.optString("operator"), values));
        }
        return new LabelSelector(labels == null ? Map.of() : withoutNulls(labels.toMap()), requirements);
    }

    /** A selector written as a plain map, as a Service's {@code spec.selector}. */
    public static LabelSelector ofMap(Map<String, Object> labels) {
        return new LabelSelector(withoutNulls(labels), List.of());
    }

    public boolean matches(Map<String, Object> labels) {
        for (Map.Entry<String, Object> wanted : matchLabels.entrySet()) {
            Object have = labels.get(wanted.getKey());
            if (have == null || !String.valueOf(have).equals(String.valueOf(wanted.getValue()))) {
                return false;
            }
        }
        for (Requirement requirement : expressions) {
            if (!requirement.matches(labels)) {
                return false;
            }
        }
        return true;
    }

    /**
     * One label the selector requires ({@code key=value} of its first matchLabel), or {@code null} when it
     * requires none: lets callers index selectors instead of trying each against each pod.
     */
    public String anchor() {
        Map.Entry<String, Object> label = anchorLabel();
        return label == null ? null : label.getKey() + "=" + label.getValue();
    }

    /** The label {@link #anchor()} names, as key and value, or {@code null} when the selector requires none. */
    public Map.Entry<String, Object> anchorLabel() {
        return matchLabels.entrySet().stream().min(Map.Entry.comparingByKey()).orElse(null);
    }

    /**
     * Labels as a check keeps them until its end: the same entries in an immutable map of a third of a
     * {@code HashMap}'s size when no value is {@code null} (the map's order is then not the written one, which
     * callers that compare or sort labels never see), else {@code labels} itself. Checks that compare objects
     * across files keep the labels of every workload until the last file is read.
     */
    public static Map<String, Object> compact(Map<String, Object> labels) {
        for (Object value : labels.values()) {
            if (value == null) {
                return labels; // not containsValue(null): immutable maps throw on it
            }
        }
        return Map.copyOf(labels);
    }

    /** {@code app=web, tier in (a, b)}: how messages show the selector. */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        matchLabels.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> parts.add(e.getKey() + "=" + e.getValue()));
        for (Requirement r : expressions) {
            parts.add(r.key() + " " + r.operator() + (r.values().isEmpty() ? "" : " " + r.values().stream().sorted().toList()));
        }
        return String.join(", ", parts);
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> map) {
        Map<String, Object> copy = new java.util.HashMap<>(map);
        copy.values().removeIf(v -> v == null);
        return copy;
    }

    private record Requirement(String key, String operator, Set<String> values) {
        boolean matches(Map<String, Object> labels) {
            Object have = labels.get(key);
            return switch (operator) {
                case "In" -> have != null && values.contains(String.valueOf(have));
                case "NotIn" -> have == null || !values.contains(String.valueOf(have));
                case "Exists" -> have != null;
                case "DoesNotExist" -> have == null;
                default -> false;
            };
        }
    }
}
