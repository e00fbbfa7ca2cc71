package io.ascent.core.manifest.cel;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.values.CelByteString;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelFunctionBinding;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The two small Kubernetes CEL libraries that are exactly specified by their documentation (k8s.io/apiserver
 * {@code pkg/cel/library}): the list functions ({@code isSorted}, {@code sum}, {@code min}, {@code max},
 * {@code indexOf}, {@code lastIndexOf}) and the regex functions ({@code find}, {@code findAll}). The other libraries
 * live in {@code io.ascent.core.manifest.cel.library}; the authorizer library is not declared, so a rule using it
 * does not compile and is reported as skipped, naming the function.
 */
final class KubernetesFunctions {
    /** Compiled patterns; a rule usually names one constant pattern, evaluated on every object. */
    private static final int MAX_PATTERNS = 256;
    private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();

    static List<CelFunctionDecl> declarations() {
        var list = ListType.create(SimpleType.DYN);
        return List.of(
                CelFunctionDecl.newFunctionDeclaration("isSorted",
                        CelOverloadDecl.newMemberOverload("k8s_list_is_sorted", SimpleType.BOOL, list)),
                CelFunctionDecl.newFunctionDeclaration("sum",
                        CelOverloadDecl.newMemberOverload("k8s_list_sum", SimpleType.DYN, list)),
                CelFunctionDecl.newFunctionDeclaration("min",
                        CelOverloadDecl.newMemberOverload("k8s_list_min", SimpleType.DYN, list)),
                CelFunctionDecl.newFunctionDeclaration("max",
                        CelOverloadDecl.newMemberOverload("k8s_list_max", SimpleType.DYN, list)),
                CelFunctionDecl.newFunctionDeclaration("indexOf",
                        CelOverloadDecl.newMemberOverload("k8s_list_index_of", SimpleType.INT, list, SimpleType.DYN)),
                CelFunctionDecl.newFunctionDeclaration("lastIndexOf",
                        CelOverloadDecl.newMemberOverload("k8s_list_last_index_of", SimpleType.INT, list,
                                SimpleType.DYN)),
                CelFunctionDecl.newFunctionDeclaration("find",
                        CelOverloadDecl.newMemberOverload("k8s_string_find", SimpleType.STRING, SimpleType.STRING,
                                SimpleType.STRING)),
                CelFunctionDecl.newFunctionDeclaration("findAll",
                        CelOverloadDecl.newMemberOverload("k8s_string_find_all", ListType.create(SimpleType.STRING),
                                SimpleType.STRING, SimpleType.STRING),
                        CelOverloadDecl.newMemberOverload("k8s_string_find_all_n", ListType.create(SimpleType.STRING),
                                SimpleType.STRING, SimpleType.STRING, SimpleType.INT)));
    }

    List<CelFunctionBinding> bindings() {
        return List.of(
                CelFunctionBinding.from("k8s_list_is_sorted", List.class, KubernetesFunctions::isSorted),
                CelFunctionBinding.from("k8s_list_sum", List.class, KubernetesFunctions::sum),
                CelFunctionBinding.from("k8s_list_min", List.class, values -> extreme(values, -1, "min")),
                CelFunctionBinding.from("k8s_list_max", List.class, values -> extreme(values, 1, "max")),
                CelFunctionBinding.from("k8s_list_index_of", List.class, Object.class,
                        (values, value) -> (long) indexOf(values, value, false)),
                CelFunctionBinding.from("k8s_list_last_index_of", List.class, Object.class,
                        (values, value) -> (long) indexOf(values, value, true)),
                CelFunctionBinding.from("k8s_string_find", String.class, String.class, this::find),
                CelFunctionBinding.from("k8s_string_find_all", String.class, String.class,
                        (text, regex) -> findAll(text, regex, -1)),
                CelFunctionBinding.from("k8s_string_find_all_n", List.of(String.class, String.class, Long.class),
                        args -> findAll((String) args[0], (String) args[1], (Long) args[2])));
    }

    private static boolean isSorted(List<?> values) throws CelEvaluationException {
        for (int i = 1; i < values.size(); i++) {
            if (compare(values.get(i - 1), values.get(i)) > 0) {
                return false;
            }
        }
        return true;
    }

    /** An empty list sums to the integer 0, as in Kubernetes when the element type is not known. */
    private static Object sum(List<?> values) throws CelEvaluationException {
        if (values.isEmpty()) {
            return 0L;
        }
        Object total = values.get(0);
        for (int i = 1; i < values.size(); i++) {
            Object next = values.get(i);
            if (total instanceof Long a && next instanceof Long b) {
                try {
                    total = Math.addExact(a, b);
                } catch (ArithmeticException e) {
                    throw new CelEvaluationException("integer overflow in sum()");
                }
            } else if (total instanceof Double a && next instanceof Double b) {
                total = a + b;
            } else if (total instanceof Duration a && next instanceof Duration b) {
                total = a.plus(b);
            } else {
                throw new CelEvaluationException("sum() of " + typeName(total) + " and " + typeName(next));
            }
        }
        return total;
    }

    private static Object extreme(List<?> values, int sign, String name) throws CelEvaluationException {
        if (values.isEmpty()) {
            throw new CelEvaluationException(name + "() called on an empty list");
        }
        Object best = values.get(0);
        for (int i = 1; i < values.size(); i++) {
            if (compare(values.get(i), best) * sign > 0) {
                best = values.get(i);
            }
        }
        return best;
    }

    private static int indexOf(List<?> values, Object value, boolean last) {
        int found = -1;
        for (int i = 0; i < values.size(); i++) {
            if (same(values.get(i), value)) {
                found = i;
                if (!last) {
                    break;
                }
            }
        }
        return found;
    }

    /** CEL equality for the values YAML gives: numbers compare by value across int and double. */
    private static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return x.doubleValue() == y.doubleValue();
        }
        return Objects.equals(a, b);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object a, Object b) throws CelEvaluationException {
        if (a instanceof Number x && b instanceof Number y && !(a.getClass() == b.getClass())) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        if (a != null && b != null && a.getClass() == b.getClass()
                && (a instanceof Long || a instanceof Double || a instanceof String || a instanceof Boolean
                || a instanceof Duration || a instanceof Instant)) {
            return ((Comparable) a).compareTo(b);
        }
        if (a instanceof CelByteString x && b instanceof CelByteString y) {
            return compareBytes(x.toByteArray(), y.toByteArray());
        }
        throw new CelEvaluationException("cannot compare " + typeName(a) + " and " + typeName(b));
    }

    private static int compareBytes(byte[] x, byte[] y) {
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = Integer.compare(x[i] & 0xff, y[i] & 0xff);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }

    private static String typeName(Object value) {
        return value == null ? "null" : value.getClass().getSimpleName();
    }

    private String find(String text, String regex) throws CelEvaluationException {
        Matcher matcher = pattern(regex).matcher(text);
        return matcher.find() ? matcher.group() : "";
    }

    /** Go's {@code FindAllString}: an empty match right after the previous match is not a match. */
    private List<String> findAll(String text, String regex, long limit) throws CelEvaluationException {
        List<String> out = new ArrayList<>();
        if (limit == 0) {
            return out;
        }
        Matcher matcher = pattern(regex).matcher(text);
        int previousEnd = -1;
        while (matcher.find()) {
            if (matcher.start() == matcher.end() && matcher.start() == previousEnd) {
                continue;
            }
            out.add(matcher.group());
            previousEnd = matcher.end();
            if (limit > 0 && out.size() >= limit) {
                break;
            }
        }
        return out;
    }

    private Pattern pattern(String regex) throws CelEvaluationException {
        Pattern known = patterns.get(regex);
        if (known != null) {
            return known;
        }
        try {
            Pattern compiled = Pattern.compile(regex);
            if (patterns.size() < MAX_PATTERNS) {
                patterns.put(regex, compiled);
            }
            return compiled;
        } catch (PatternSyntaxException e) {
            throw new CelEvaluationException("invalid regular expression '" + regex + "': " + e.getDescription());
        }
    }
}
