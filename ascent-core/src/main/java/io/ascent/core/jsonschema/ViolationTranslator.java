package io.ascent.core.jsonschema;

import io.ascent.core.yaml.YamlDocument;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.everit.json.schema.ValidationException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Rewrites everit's violations (or the structural validator's, which builds the same tree) into located, readable
 * ones. everit names a missing key only inside its message text ({@code required key [name] not found}), so those
 * messages are read with patterns; everything else comes from the violated schema itself.
 */
final class ViolationTranslator {
    private static final Pattern REQUIRED = Pattern.compile("required key \\[(.*)] not found");
    private static final Pattern EXTRANEOUS = Pattern.compile("extraneous key \\[(.*)] is not permitted");

    private final YamlDocument document;
    private final List<String> prefix;

    ViolationTranslator(YamlDocument document) {
        this(document, List.of());
    }

    /**
     * @param prefix where the validated value sits in the document (the tokens of a JSON pointer), such as
     *               {@code [items, 3]} for the fourth resource of a {@code List}; empty for the whole document
     */
    ViolationTranslator(YamlDocument document, List<String> prefix) {
        this.document = document;
        this.prefix = List.copyOf(prefix);
    }

    /** The document-level tokens of an everit pointer relative to the validated value. */
    private List<String> located(String pointer) {
        List<String> relative = tokens(pointer);
        if (prefix.isEmpty()) {
            return relative;
        }
        List<String> all = new ArrayList<>(prefix.size() + relative.size());
        all.addAll(prefix);
        all.addAll(relative);
        return all;
    }

    List<SchemaViolation> translate(ValidationException root) {
        return translate(new EveritViolation(root));
    }

    List<SchemaViolation> translate(Violation root) {
        List<SchemaViolation> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private void collect(Violation e, List<SchemaViolation> out) {
        if (isAlternatives(e)) {
            out.add(alternatives(e));
            return;
        }
        if (!e.causes().isEmpty()) {
            for (Violation cause : e.causes()) {
                collect(cause, out);
            }
            return;
        }
        out.add(leaf(e, null));
    }

    private static boolean isAlternatives(Violation e) {
        return ("anyOf".equals(e.keyword()) || "oneOf".equals(e.keyword())) && e.schema().combined();
    }

    /**
     * {@code type: [string, integer]} compiles to anyOf. When every branch failed on type, say which types fit;
     * when one branch had the right type, its own failure is the useful one.
     */
    private SchemaViolation alternatives(Violation e) {
        List<? extends Violation> causes = e.causes();
        if (causes.isEmpty()) {
            // oneOf failed because several branches matched: there is no branch failure to show.
            List<String> tokens = located(e.pointer());
            return violation(e, document.nodeAt(tokens), tokens,
                    "matches more than one of the alternatives (" + e.keyword() + ")" + where(tokens));
        }
        List<? extends Violation> ranked = causes.stream()
                .sorted(Comparator.comparingInt(ViolationTranslator::discriminating)
                        .thenComparing(v -> String.valueOf(v.pointer()))
                        .thenComparing(v -> String.valueOf(v.errorMessage())))
                .toList();
        for (Violation cause : ranked) {
            if (!"type".equals(cause.keyword())) {
                if (cause.causes().isEmpty()) {
                    // The branch's own schema rarely carries the description: it sits on the alternatives.
                    return leaf(cause, e.schema().description());
                }
                List<SchemaViolation> inner = new ArrayList<>();
                collect(cause, inner);
                return inner.get(0);
            }
        }
        List<String> tokens = located(e.pointer());
        Node node = document.nodeAt(tokens);
        String expected = causes.stream()
                .map(cause -> expectedType(cause.errorMessage()))
                .distinct()
                .sorted() // everit keeps the branches in a hash set: sort for stable messages
                .collect(Collectors.joining(" or "));
        return violation(e, node, tokens, "expected " + expected + " but found " + describeValue(node) + where(tokens));
    }

    /**
     * 1 when a branch failed only on what tells the branches apart ({@code enum}, {@code not}, {@code const}: the
     * value chose another branch), 0 otherwise: a branch the value chose that then failed inside is the useful
     * one. everit keeps the branches in a hash set, so ties are broken by pointer for stable output.
     */
    private static int discriminating(Violation cause) {
        String keyword = String.valueOf(cause.keyword());
        return cause.causes().isEmpty() && (keyword.equals("enum") || keyword.equals("not")
                || keyword.equals("const")) ? 1 : 0;
    }

    private SchemaViolation leaf(Violation e, String inheritedDescription) {
        List<String> tokens = located(e.pointer());
        String keyword = String.valueOf(e.keyword());
        ViolatedSchema schema = e.schema().referred();
        Node node = document.nodeAt(tokens);
        switch (keyword) {
            case "required": {
                String key = group(REQUIRED, e.errorMessage());
                return violation(e, node, tokens, "missing required property '" + key + "'" + where(tokens));
            }
            case "additionalProperties": {
                String key = group(EXTRANEOUS, e.errorMessage());
                Node keyNode = document.keyAt(tokens, key);
                Set<String> allowed = schema.propertyNames() != null ? schema.propertyNames() : Set.of();
                return violation(e, keyNode, tokens, unknownProperty(key, tokens, allowed));
            }
            case "type":
                return violation(e, node, tokens, typeMessage(e, node, tokens));
            case "enum":
            case "const":
                return violation(e, node, tokens, describeValue(node) + " is not allowed here" + where(tokens)
                        + "; use one of: " + possibleValues(schema));
            case "minimum":
            case "maximum":
            case "exclusiveMinimum":
            case "exclusiveMaximum":
            case "minLength":
            case "maxLength":
            case "minItems":
            case "maxItems":
            case "minProperties":
            case "maxProperties":
                return violation(e, node, tokens, bounds(keyword, schema, node) + where(tokens));
            case "pattern":
                return violation(e, node, tokens, describeValue(node) + " is not a valid value" + where(tokens)
                        + hint(schema, inheritedDescription));
            case "format":
                // The API server's words for the same value: "eventTime in body must be of type date-time: ...".
                return violation(e, node, tokens, describeValue(node) + where(tokens) + " must be of type "
                        + (schema.format() != null ? schema.format() : "its format")
                        + hint(schema, inheritedDescription));
            default:
                return violation(e, node, tokens, e.errorMessage() + where(tokens));
        }
    }

    private SchemaViolation violation(Violation e, Node node, List<String> tokens, String message) {
        String pointer = tokens.isEmpty() ? "" : "/" + String.join("/", escapeAll(tokens));
        return new SchemaViolation(pointer, document.locationOf(node), String.valueOf(e.keyword()), message);
    }

    private static String unknownProperty(String key, List<String> tokens, Set<String> allowed) {
        StringBuilder message = new StringBuilder("unknown property '").append(key).append("'").append(where(tokens));
        String suggestion = NearestName.of(key, allowed);
        if (suggestion != null) {
            message.append("; did you mean '").append(suggestion).append("'?");
        }
        if (!allowed.isEmpty()) {
            // after "did you mean 'x'?" a new sentence; otherwise end the first one
            message.append(suggestion != null ? " Allowed: " : ". Allowed: ").append(String.join(", ", allowed));
        }
        return message.toString();
    }

    private String typeMessage(Violation e, Node node, List<String> tokens) {
        String expected = expectedType(e.errorMessage());
        String message = "expected " + expected + " but found " + describeValue(node) + where(tokens);
        // Unquoted 1.30 is the number 1.3: the most common way to get a Kubernetes version wrong.
        if (expected.equals("a string") && node instanceof ScalarNode scalar
                && (scalar.getTag().equals(Tag.FLOAT) || scalar.getTag().equals(Tag.INT)
                        || scalar.getTag().equals(Tag.BOOL))) {
            message += "; put it in quotes: \"" + scalar.getValue() + "\"";
        }
        return message;
    }

    /** The limit comes from the violated schema; everit's wording differs for every keyword. */
    private static String bounds(String keyword, ViolatedSchema schema, Node node) {
        String limit = String.valueOf(limit(keyword, schema));
        return switch (keyword) {
            case "minimum" -> "must be at least " + limit + " but is " + describeValue(node);
            case "maximum" -> "must be at most " + limit + " but is " + describeValue(node);
            case "exclusiveMinimum" -> "must be more than " + limit + " but is " + describeValue(node);
            case "exclusiveMaximum" -> "must be less than " + limit + " but is " + describeValue(node);
            case "minLength" -> "must be at least " + limit + (limit.equals("1") ? " character" : " characters")
                    + " long";
            case "maxLength" -> "must be at most " + limit + " characters long";
            case "minItems" -> "must list at least " + limit + (limit.equals("1") ? " entry" : " entries");
            case "maxItems" -> "must list at most " + limit + " entries";
            case "minProperties" -> "must have at least " + limit + (limit.equals("1") ? " property" : " properties");
            default -> "must have at most " + limit + (limit.equals("1") ? " property" : " properties");
        };
    }

    private static Object limit(String keyword, ViolatedSchema schema) {
        Object limit = schema.limit(keyword);
        if (limit instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                && Math.abs(n.doubleValue()) < 1e18) {
            return n.longValue();
        }
        return limit == null ? "the limit" : limit;
    }

    /** everit writes {@code expected type: String, found: Integer}. */
    private static String expectedType(String everitMessage) {
        Matcher m = Pattern.compile("expected type: (\\w+)").matcher(everitMessage);
        String type = m.find() ? m.group(1) : "another type";
        return switch (type) {
            case "String" -> "a string";
            case "Integer" -> "an integer";
            case "Number" -> "a number";
            case "Boolean" -> "true or false";
            case "JSONObject" -> "a mapping";
            case "JSONArray" -> "a list";
            case "Null" -> "nothing (null)";
            default -> type;
        };
    }

    static String describeValue(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        ScalarNode scalar = (ScalarNode) node;
        String text = scalar.getValue();
        if (text.length() > 60) {
            text = text.substring(0, 57) + "...";
        }
        Tag tag = scalar.getTag();
        if (tag.equals(Tag.NULL)) {
            return "nothing (null)";
        }
        if (tag.equals(Tag.INT) || tag.equals(Tag.FLOAT)) {
            return "the number " + text;
        }
        if (tag.equals(Tag.BOOL) && (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false"))) {
            return text.toLowerCase(java.util.Locale.ROOT);
        }
        return "'" + text + "'";
    }

    private static String possibleValues(ViolatedSchema schema) {
        String values = schema.possibleValues();
        return values != null ? values : "the documented values";
    }

    private static String hint(ViolatedSchema schema, String inheritedDescription) {
        String description = schema.description() != null ? schema.description() : inheritedDescription;
        if (description != null) {
            return " (" + description + ")";
        }
        String pattern = schema.pattern();
        if (pattern != null) {
            return " (must match " + pattern + ")";
        }
        return "";
    }

    /** {@code in repository.forbidden[0].path}: the spelling people use for a place in YAML. */
    private static String where(List<String> tokens) {
        if (tokens.isEmpty()) {
            return " at the top level";
        }
        StringBuilder path = new StringBuilder();
        for (String token : tokens) {
            if (token.chars().allMatch(Character::isDigit) && !token.isEmpty()) {
                path.append('[').append(token).append(']');
            } else {
                path.append(path.length() == 0 ? "" : ".").append(token);
            }
        }
        return " in " + path;
    }

    private static String group(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(1) : "?";
    }

    /** everit writes pointers as URI fragments: {@code #/a/0/b~1c}. */
    static List<String> tokens(String pointer) {
        String p = pointer.startsWith("#") ? pointer.substring(1) : pointer;
        if (p.isEmpty() || p.equals("/")) {
            return List.of();
        }
        return Arrays.stream(p.substring(1).split("/", -1))
                .map(t -> t.replace("~1", "/").replace("~0", "~"))
                .toList();
    }

    private static List<String> escapeAll(List<String> tokens) {
        return tokens.stream().map(t -> t.replace("~", "~0").replace("/", "~1")).toList();
    }
}
