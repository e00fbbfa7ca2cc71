package io.ascent.core.manifest.cel;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.CelType;
import dev.cel.common.types.CelTypeProvider;
import dev.cel.common.types.OptionalType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import io.ascent.core.manifest.api.KubernetesVersion;
import io.ascent.core.manifest.cel.library.KubernetesLibraries;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Compiles rules and message expressions in the environment the API server gives CRD validation rules: the CEL
 * standard library and macros, heterogeneous numeric comparisons, optional types, the strings, sets, lists and
 * two-variable comprehension extensions, the Kubernetes list and regex functions ({@link KubernetesFunctions}) and
 * the Kubernetes URL, quantity, IP, CIDR, format and semver libraries ({@link KubernetesLibraries}).
 * {@link #rule(ValidationRule, SelfType)} types {@code self} from the schema as the API server does; the untyped
 * {@link #rule(ValidationRule)} types it {@code dyn}. Thread-safe.
 */
final class RuleCompiler {
    /** The API server refuses longer rules (the CRD's maxLength of a rule is far below this). */
    private static final int MAX_EXPRESSION_CODE_POINTS = 16_384;
    private static final int MAX_PARSE_DEPTH = 64;
    /** An iteration bound per comprehension; the evaluation budget bounds everything else. */
    private static final int MAX_COMPREHENSION_ITERATIONS = 100_000;
    static final String OLD_SELF = "oldSelf";
    private static final Pattern UNDECLARED = Pattern.compile("undeclared reference to '([^']+)'");
    /** The variable of the authorizer library, which only the API server can answer. */
    private static final String AUTHORIZER = "authorizer";

    /** A compiled expression, or why it cannot be used. */
    sealed interface Compiled permits Program, Unusable, Refused {
    }

    /**
     * A rule the target's API server does not compile, so it refuses the CRD: it does not compile with
     * {@code self} of the type its schema gives it, or it calls a library that API server does not offer yet.
     * {@code reason} says which.
     */
    record Refused(String reason) implements Compiled {
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
    private final KubernetesLibraries libraries;
    private final CelCompiler rules;
    private final CelCompiler creationRules;
    private final CelCompiler messages;
    /** Without {@code self}: each typed compile adds it (deriving a compiler is cheap, building one is not). */
    private final CelCompiler typedRules;
    private final CelCompiler typedMessages;
    private final CelRuntime runtime;

    /** The environment of every Kubernetes library (no target version known). */
    RuleCompiler() {
        this(null);
    }

    /** The environment a {@code target} API server gives the rules of a CRD it is given ({@code null}: newest). */
    RuleCompiler(KubernetesVersion target) {
        libraries = new KubernetesLibraries(target);
        rules = compiler(SimpleType.BOOL, SimpleType.DYN, null, null);
        creationRules = compiler(SimpleType.BOOL, SimpleType.DYN, OptionalType.create(SimpleType.DYN), null);
        messages = compiler(SimpleType.STRING, SimpleType.DYN, null, null);
        typedRules = compiler(SimpleType.BOOL, null, null, null);
        typedMessages = compiler(SimpleType.STRING, null, null, null);
        KubernetesFunctions functions = new KubernetesFunctions();
        runtime = CelRuntimeFactory.standardCelRuntimeBuilder()
                .setOptions(options)
                .addLibraries(CelExtensions.strings(), CelExtensions.sets(options), CelExtensions.optional(),
                        CelExtensions.comprehensions(), CelExtensions.lists())
                .addFunctionBindings(functions.bindings())
                .addFunctionBindings(libraries.bindings())
                .build();
    }

    private CelCompiler compiler(CelType result, CelType self, CelType oldSelf, CelTypeProvider types) {
        var builder = CelCompilerFactory.standardCelCompilerBuilder()
                .setOptions(options)
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .addLibraries(CelExtensions.strings(), CelExtensions.sets(options), CelExtensions.optional(),
                        CelExtensions.comprehensions(), CelExtensions.lists())
                .addFunctionDeclarations(KubernetesFunctions.declarations())
                .addFunctionDeclarations(libraries.declarations())
                .setResultType(result);
        if (self != null) {
            builder.addVar("self", self);
        }
        if (oldSelf != null) {
            builder.addVar(OLD_SELF, oldSelf);
        }
        if (types != null) {
            builder.setTypeProvider(types);
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

    /**
     * Compiles a rule with {@code self} of the type its schema node gives it ({@link SelfType}), as the API server
     * does: a rule that compiles only with {@code self} of type {@code dyn} is {@link Refused}.
     */
    Compiled rule(ValidationRule rule, SelfType self) {
        Compiled untyped = rule(rule);
        if (!(untyped instanceof Program)) {
            return untyped;
        }
        boolean creation = rule.optionalOldSelf() && rule.rule().contains(OLD_SELF);
        CelCompiler typed = typed(typedRules, self, creation);
        Compiled compiled = compile(typed, rule.rule());
        if (compiled instanceof Unusable unusable) {
            // the overloads cel-java lists after a type error are the standard library's, not the rule's
            return new Refused("it does not compile against its schema: " + Arrays.stream(unusable.reason()
                            .replaceFirst("^it does not compile in Ascent's CEL environment: ", "").split("; "))
                    .map(issue -> issue.replaceFirst(" \\(candidates: .*$", ""))
                    .collect(Collectors.joining("; ")));
        }
        return compiled;
    }

    /** Compiles a {@code messageExpression}, which must give a string. */
    Compiled message(String expression) {
        return compile(messages, expression);
    }

    /** Compiles a {@code messageExpression} with {@code self} typed; untyped when that does not compile. */
    Compiled message(String expression, SelfType self) {
        Compiled typed = compile(typed(typedMessages, self, false), expression);
        return typed instanceof Program ? typed : message(expression);
    }

    private static CelCompiler typed(CelCompiler base, SelfType self, boolean oldSelf) {
        var builder = base.toCompilerBuilder().addVar("self", self.type()).setTypeProvider(self.provider());
        if (oldSelf) {
            builder.addVar(OLD_SELF, OptionalType.create(self.type()));
        }
        return builder.build();
    }

    private Compiled compile(CelCompiler compiler, String expression) {
        try {
            CelAbstractSyntaxTree ast = compiler.compile(expression).getAst();
            return new Program(runtime.createProgram(ast));
        } catch (CelValidationException e) {
            Optional<String> withheld = e.getErrors().stream().map(CelIssue::getMessage).map(UNDECLARED::matcher)
                    .filter(Matcher::find).map(matcher -> libraries.withheld(matcher.group(1)))
                    .flatMap(Optional::stream).findFirst();
            if (withheld.isPresent()) {
                return new Refused("it calls " + withheld.get());
            }
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
