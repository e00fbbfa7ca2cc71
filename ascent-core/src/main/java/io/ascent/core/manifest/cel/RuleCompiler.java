package io.ascent.core.manifest.cel;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.CelType;
import dev.cel.common.types.OptionalType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import io.ascent.core.manifest.cel.library.KubernetesLibraries;
import java.util.stream.Collectors;

/**
 * Compiles rules and message expressions in the environment the API server gives CRD validation rules: the CEL
 * standard library and macros, heterogeneous numeric comparisons, optional types, the strings, sets, lists and
 * two-variable comprehension extensions, the Kubernetes list and regex functions ({@link KubernetesFunctions}) and
 * the Kubernetes URL, quantity, IP, CIDR, format and semver libraries ({@link KubernetesLibraries}).
 * {@code self} is typed {@code dyn}: field names are checked when the rule runs, not when it compiles. Thread-safe.
 */
final class RuleCompiler {
    /** The API server refuses longer rules (the CRD's maxLength of a rule is far below this). */
    private static final int MAX_EXPRESSION_CODE_POINTS = 16_384;
    private static final int MAX_PARSE_DEPTH = 64;
    /** An iteration bound per comprehension; the evaluation budget bounds everything else. */
    private static final int MAX_COMPREHENSION_ITERATIONS = 100_000;
    static final String OLD_SELF = "oldSelf";
    /** The variable of the authorizer library, which only the API server can answer. */
    private static final String AUTHORIZER = "authorizer";

    /** A compiled expression, or why it cannot be used. */
    sealed interface Compiled permits Program, Unusable {
    }

    /** An expression ready to evaluate. */
    record Program(CelRuntime.Program program) implements Compiled {
    }

    /** An expression that does not compile, or uses what Ascent's environment lacks; {@code reason} says which. */
    record Unusable(String reason) implements Compiled {
    }

    private final CelOptions options = CelOptions.current()
            .enableOptionalSyntax(true)
            .enableHeterogeneousNumericComparisons(true)
            .comprehensionMaxIterations(MAX_COMPREHENSION_ITERATIONS)
            .maxExpressionCodePointSize(MAX_EXPRESSION_CODE_POINTS)
            .maxParseRecursionDepth(MAX_PARSE_DEPTH)
            .build();
    private final KubernetesLibraries libraries = new KubernetesLibraries();
    private final CelCompiler rules = compiler(SimpleType.BOOL, null);
    private final CelCompiler creationRules = compiler(SimpleType.BOOL, OptionalType.create(SimpleType.DYN));
    private final CelCompiler messages = compiler(SimpleType.STRING, null);
    private final CelRuntime runtime;

    RuleCompiler() {
        KubernetesFunctions functions = new KubernetesFunctions();
        runtime = CelRuntimeFactory.standardCelRuntimeBuilder()
                .setOptions(options)
                .addLibraries(CelExtensions.strings(), CelExtensions.sets(options), CelExtensions.optional(),
                        CelExtensions.comprehensions(), CelExtensions.lists())
                .addFunctionBindings(functions.bindings())
                .addFunctionBindings(libraries.bindings())
                .build();
    }

    private CelCompiler compiler(CelType result, CelType oldSelf) {
        var builder = CelCompilerFactory.standardCelCompilerBuilder()
                .setOptions(options)
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .addLibraries(CelExtensions.strings(), CelExtensions.sets(options), CelExtensions.optional(),
                        CelExtensions.comprehensions(), CelExtensions.lists())
                .addFunctionDeclarations(KubernetesFunctions.declarations())
                .addFunctionDeclarations(libraries.declarations())
                .addVar("self", SimpleType.DYN)
                .setResultType(result);
        if (oldSelf != null) {
            builder.addVar(OLD_SELF, oldSelf);
        }
        return builder.build();
    }

    /**
     * Compiles a rule. A transition rule (one that reads {@code oldSelf}) is unusable, since a manifest has no
     * old object, unless it sets {@code optionalOldSelf}: it then runs with {@code oldSelf} absent, as on creation.
     */
    Compiled rule(ValidationRule rule) {
        Compiled plain = compile(rules, rule.rule());
        if (plain instanceof Unusable unusable && unusable.reason().contains("'" + OLD_SELF + "'")) {
            if (rule.optionalOldSelf()) {
                return compile(creationRules, rule.rule());
            }
            return new Unusable("it is a transition rule (it reads oldSelf): it judges a change to an object that"
                    + " already exists, and a manifest has no old object");
        }
        return plain;
    }

    /** Compiles a {@code messageExpression}, which must give a string. */
    Compiled message(String expression) {
        return compile(messages, expression);
    }

    private Compiled compile(CelCompiler compiler, String expression) {
        try {
            CelAbstractSyntaxTree ast = compiler.compile(expression).getAst();
            return new Program(runtime.createProgram(ast));
        } catch (CelValidationException e) {
            if (e.getErrors().stream().anyMatch(issue -> issue.getMessage().contains("reference to '"
                    + AUTHORIZER + "'"))) {
                return new Unusable("it uses the Kubernetes authorizer library (" + AUTHORIZER + "), which asks the"
                        + " API server's authorizer what the requesting user may do: that cannot be judged offline");
            }
            return new Unusable("it does not compile in Ascent's CEL environment: " + e.getErrors().stream()
                    .map(CelIssue::getMessage).distinct().collect(Collectors.joining("; "))
                    + (e.getErrors().stream().anyMatch(issue -> issue.getMessage().contains("undeclared reference"))
                    ? " (Ascent implements the Kubernetes list, regex, URL, quantity, IP, CIDR, format and semver"
                    + " libraries; the authorizer library needs the API server, and quantity mul/div/divInt are"
                    + " not implemented)" : ""));
        } catch (CelEvaluationException | RuntimeException e) {
            return new Unusable("it cannot be prepared for evaluation: " + e.getMessage());
        }
    }
}
