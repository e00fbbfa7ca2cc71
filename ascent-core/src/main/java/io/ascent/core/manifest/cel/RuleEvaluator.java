package io.ascent.core.manifest.cel;

import dev.cel.runtime.CelEvaluationException;
import io.ascent.core.manifest.api.KubernetesVersion;
import io.ascent.core.manifest.cel.library.LimitExceeded;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * Evaluates the validation rules of custom resources, the way the API server does on creation: defaults filled in,
 * each rule evaluated with {@code self} bound to the value of its schema node (each item of an array, each value of
 * a map), a rule on a node whose value is absent or null not evaluated. Each rule is compiled once per run.
 *
 * <p>One instance serves one run, on one thread. Every evaluation is bounded ({@link EvaluationBudget}).
 */
public final class RuleEvaluator {

    /** What one evaluation found. */
    public interface Listener {
        /** A rule gave false (or failed at run time, which the API server also refuses). */
        void violation(Violation violation);

        /** A rule could not be judged; said once per rule and run. */
        void skipped(ValidationRule rule, String reason);

        /**
         * The target's API server does not compile a rule (it names a field the schema lacks, mixes types, or calls a
         * library that release does not offer), so it refuses the CRD itself. Said once per rule and run.
         */
        void refused(ValidationRule rule, String reason);
    }

    /**
     * A rule the object breaks.
     *
     * @param tokens  pointer tokens from the object to the value the failure is about (its {@code fieldPath} when set)
     * @param path    the field as the API server names it ({@code spec.rules[0].matches})
     * @param message the API server's message ({@code Invalid value: ...})
     * @param rule    the rule
     */
    public record Violation(List<String> tokens, String path, String message, ValidationRule rule) {
    }

    /** Made when the first rule is compiled: building cel-java's environment takes about a second. */
    private RuleCompiler compiler;
    private final KubernetesVersion target;
    private final EvaluationBudget budget;
    private final Map<ValidationRule, RuleCompiler.Compiled> rules = new IdentityHashMap<>();
    private final Map<ValidationRule, RuleCompiler.Compiled> messages = new IdentityHashMap<>();
    private final Map<ValidationRule, Boolean> skipped = new IdentityHashMap<>();

    /** Evaluates in the environment of the newest release Ascent knows (every Kubernetes library). */
    public RuleEvaluator() {
        this(null, new EvaluationBudget());
    }

    /** Evaluates in the environment a {@code target} API server gives new CRD rules ({@code null}: newest). */
    public RuleEvaluator(KubernetesVersion target) {
        this(target, new EvaluationBudget());
    }

    RuleEvaluator(EvaluationBudget budget) {
        this(null, budget);
    }

    private RuleEvaluator(KubernetesVersion target, EvaluationBudget budget) {
        this.target = target;
        this.budget = budget;
    }

    /**
     * Evaluates every rule of {@code schema} on {@code object} (a custom resource).
     *
     * @return how many rule evaluations ran
     */
    public int evaluate(JSONObject object, RuleSchema schema, Listener listener) {
        int[] count = {0};
        walk(schema.defaults().apply(object), schema, new ArrayList<>(), "", true, listener, count);
        return count[0];
    }

    /**
     * Compiles every rule of {@code schema} (a CRD version's schema) with {@code self} typed from its node, as the
     * API server does when it is given the CRD, and reports each rule that does not compile against the schema
     * ({@link Listener#refused}); rules Ascent cannot judge are reported only when an object reaches them.
     *
     * @return how many rules were compiled
     */
    public int compileAll(RuleSchema schema, Listener listener) {
        int[] count = {0};
        compileAll(schema, true, listener, count);
        return count[0];
    }

    private void compileAll(RuleSchema schema, boolean root, Listener listener, int[] count) {
        if (schema == null || !schema.hasRules()) {
            return;
        }
        for (ValidationRule rule : schema.rules()) {
            if (rule.problem() != null) {
                continue;
            }
            count[0]++;
            RuleCompiler.Compiled compiled = rules.computeIfAbsent(rule,
                    r -> compiler().rule(r, SelfType.of(schema, root)));
            if (compiled instanceof RuleCompiler.Refused refused && skipped.put(rule, Boolean.TRUE) == null) {
                listener.refused(rule, refused.reason());
            }
        }
        schema.properties().values().forEach(child -> compileAll(child, false, listener, count));
        compileAll(schema.items(), false, listener, count);
        compileAll(schema.additionalProperties(), false, listener, count);
    }

    private void walk(Object value, RuleSchema schema, List<String> tokens, String path, boolean root,
            Listener listener, int[] count) {
        if (schema == null || !schema.hasRules() || value == null || value == JSONObject.NULL) {
            return;
        }
        if (!schema.rules().isEmpty()) {
            Object self = CelValues.of(value, schema, root);
            for (ValidationRule rule : schema.rules()) {
                check(rule, schema, root, self, tokens, path, listener);
                count[0]++;
            }
        }
        if (value instanceof JSONObject object) {
            boolean map = schema.additionalProperties() != null && schema.properties().isEmpty();
            for (String key : object.keySet()) {
                RuleSchema child = map ? schema.additionalProperties() : schema.properties().get(key);
                if (child != null && child.hasRules()) {
                    tokens.add(key);
                    walk(object.opt(key), child, tokens, map ? path + "[" + key + "]" : join(path, key), false,
                            listener, count);
                    tokens.remove(tokens.size() - 1);
                }
            }
        } else if (value instanceof JSONArray array && schema.items() != null && schema.items().hasRules()) {
            for (int i = 0; i < array.length(); i++) {
                tokens.add(Integer.toString(i));
                walk(array.opt(i), schema.items(), tokens, path + "[" + i + "]", false, listener, count);
                tokens.remove(tokens.size() - 1);
            }
        }
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private void check(ValidationRule rule, RuleSchema schema, boolean root, Object self, List<String> tokens,
            String path, Listener listener) {
        if (rule.problem() != null) {
            skip(rule, rule.problem(), listener);
            return;
        }
        RuleCompiler.Compiled compiled = rules.computeIfAbsent(rule,
                r -> compiler().rule(r, SelfType.of(schema, root)));
        if (compiled instanceof RuleCompiler.Unusable unusable) {
            skip(rule, unusable.reason(), listener);
            return;
        }
        if (compiled instanceof RuleCompiler.Refused refused) {
            if (skipped.put(rule, Boolean.TRUE) == null) {
                listener.refused(rule, refused.reason());
            }
            return;
        }
        if (budget.spent()) {
            skip(rule, "not evaluated: the run's budget for CRD rules (" + EvaluationBudget.PER_RUN_STEPS
                    + " evaluation steps) is spent", listener);
            return;
        }
        Object result;
        try {
            result = ((RuleCompiler.Program) compiled).program().trace(variables(self), budget.call());
        } catch (CelEvaluationException e) {
            if (e.getCause() instanceof EvaluationBudget.Exhausted exhausted) {
                skip(rule, "its evaluation was stopped: " + exhausted.getMessage() + " (the API server would likely"
                        + " refuse it as too costly)", listener);
                return;
            }
            if (e.getCause() instanceof LimitExceeded exceeded) {
                skip(rule, "it was not evaluated to the end: " + exceeded.getMessage(), listener);
                return;
            }
            fail(rule, tokens, path, errorText(e) + " evaluating rule: " + rule.rule(), listener);
            return;
        }
        if (Boolean.TRUE.equals(result)) {
            return;
        }
        if (!(result instanceof Boolean)) {
            skip(rule, "it gave " + result + ", not true or false", listener);
            return;
        }
        fail(rule, tokens, path, message(rule, schema, root, self), listener);
    }

    private RuleCompiler compiler() {
        if (compiler == null) {
            compiler = new RuleCompiler(target);
        }
        return compiler;
    }

    private void fail(ValidationRule rule, List<String> tokens, String path, String message, Listener listener) {
        List<String> at = new ArrayList<>(tokens);
        String field = path;
        Optional<List<String>> relative = FieldPath.parse(rule.fieldPath());
        if (relative.isPresent()) {
            for (String token : relative.get()) {
                at.add(token);
                field = join(field, token);
            }
        }
        listener.violation(new Violation(List.copyOf(at), field.isEmpty() ? "<root>" : field,
                rule.reasonText() + ": " + message, rule));
    }

    private void skip(ValidationRule rule, String reason, Listener listener) {
        if (skipped.put(rule, Boolean.TRUE) == null) {
            listener.skipped(rule, reason);
        }
    }

    /**
     * The rule's message: its {@code messageExpression} when that gives a non-blank single line, else its
     * {@code message}, else {@code failed rule: <rule>}, as the API server chooses.
     */
    private String message(ValidationRule rule, RuleSchema schema, boolean root, Object self) {
        if (rule.messageExpression() != null && !budget.spent()) {
            RuleCompiler.Compiled compiled = messages.computeIfAbsent(rule,
                    r -> compiler().message(r.messageExpression(), SelfType.of(schema, root)));
            if (compiled instanceof RuleCompiler.Program program) {
                try {
                    Object text = program.program().trace(variables(self), budget.call());
                    if (text instanceof String line && !line.isBlank() && !line.contains("\n")) {
                        return line;
                    }
                } catch (CelEvaluationException e) {
                    // the API server falls back to message, as here
                }
            }
        }
        if (rule.message() != null) {
            return rule.message();
        }
        return "failed rule: " + rule.rule();
    }

    private static Map<String, Object> variables(Object self) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("self", self);
        variables.put(RuleCompiler.OLD_SELF, Optional.empty());
        return variables;
    }

    private static String errorText(CelEvaluationException e) {
        String text = e.getMessage() == null ? "evaluation error" : e.getMessage();
        // "evaluation error at <input>:12: no such key" names an offset in the rule, not in a file
        return text.replaceFirst("^evaluation error at <input>:\\d+: ", "");
    }
}
