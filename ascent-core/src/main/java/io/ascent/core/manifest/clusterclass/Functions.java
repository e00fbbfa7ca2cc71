package io.ascent.core.manifest.clusterclass;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.json.JSONObject;

/** The template functions Ascent evaluates, with sprig's and Go's meaning. */
final class Functions {
    static final List<String> NAMES = List.of("semverCompare", "eq", "ne", "not", "and", "or", "coalesce",
            "replace");

    private Functions() {
    }

    static GoTemplate.Expression call(String name, List<GoTemplate.Expression> arguments) throws TemplateException {
        int count = arguments.size();
        switch (name) {
            case "semverCompare" -> {
                need(name, count, 2);
                return data -> {
                    String constraint = string(name, arguments.get(0).evaluate(data));
                    String version = string(name, arguments.get(1).evaluate(data));
                    return SemverConstraint.parse(constraint).check(version);
                };
            }
            case "replace" -> {
                need(name, count, 3);
                return data -> string(name, arguments.get(2).evaluate(data)).replace(
                        string(name, arguments.get(0).evaluate(data)), string(name, arguments.get(1).evaluate(data)));
            }
            case "eq", "ne" -> {
                if (count < 2 || name.equals("ne") && count != 2) {
                    throw new TemplateException("'" + name + "' with " + count + " arguments");
                }
                return data -> {
                    Object first = arguments.get(0).evaluate(data);
                    boolean any = false;
                    for (int i = 1; i < count; i++) {
                        any |= same(first, arguments.get(i).evaluate(data));
                    }
                    return name.equals("eq") == any;
                };
            }
            case "not" -> {
                need(name, count, 1);
                return data -> !GoTemplate.truthy(arguments.get(0).evaluate(data));
            }
            case "and", "or" -> {
                if (count < 1) {
                    throw new TemplateException("'" + name + "' without arguments");
                }
                boolean stopWhen = name.equals("or");
                return data -> {
                    Object value = null;
                    for (GoTemplate.Expression argument : arguments) {
                        value = argument.evaluate(data);
                        if (GoTemplate.truthy(value) == stopWhen) {
                            return value;
                        }
                    }
                    return value;
                };
            }
            case "coalesce" -> {
                return data -> {
                    for (GoTemplate.Expression argument : new ArrayList<>(arguments)) {
                        Object value = argument.evaluate(data);
                        if (GoTemplate.truthy(value)) {
                            return value;
                        }
                    }
                    return null;
                };
            }
            default -> throw new TemplateException("function '" + name + "'");
        }
    }

    private static void need(String name, int count, int expected) throws TemplateException {
        if (count != expected) {
            throw new TemplateException("'" + name + "' with " + count + " arguments (it takes " + expected + ")");
        }
    }

    private static String string(String function, Object value) throws TemplateException {
        if (value instanceof String s) {
            return s;
        }
        throw new TemplateException("'" + function + "' given " + (value == null || value == JSONObject.NULL
                ? "<no value> (a field the data does not have)" : "a " + value.getClass().getSimpleName())
                + " where it needs a string");
    }

    /** Go's eq on basic values: numbers by value, everything else by equality. */
    private static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
        }
        Object left = a == JSONObject.NULL ? null : a;
        Object right = b == JSONObject.NULL ? null : b;
        return Objects.equals(left, right);
    }
}
