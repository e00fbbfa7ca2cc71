package io.ascent.core.jsonschema;

import io.ascent.core.yaml.ScalarRules;
import io.ascent.core.yaml.ScalarValues;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.everit.json.schema.ObjectComparator;
import org.json.JSONArray;
import org.json.JSONObject;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Validates a YAML node tree against {@link StructuralNode}s with everit's semantics, typing scalars by the
 * document's {@link ScalarRules} (as its JSON was typed) and treating a mapping member whose value is null as absent (as the API server
 * does). {@link #valid} answers quickly and allocates nothing; {@link #failures} then builds everit's failure
 * tree for an invalid value: the same failures, in everit's order where the order can show in a message.
 */
final class StructuralValidator {
    private final List<StructuralFailure> failures = new ArrayList<>();
    private final ScalarRules rules;

    StructuralValidator(ScalarRules rules) {
        this.rules = rules;
    }

    /** Whether {@code subject} is valid; stops at the first failure. */
    boolean valid(StructuralNode schema, Node subject) {
        if (schema instanceof StructuralNode.Ref ref) {
            return valid(ref.target(), subject);
        }
        if (schema instanceof StructuralNode.ObjectType object) {
            return validObject(object, subject);
        }
        if (schema instanceof StructuralNode.StringType string) {
            Object value = value(subject);
            return value instanceof String text ? stringFailure(string, text) == null : !string.requiresString;
        }
        if (schema instanceof StructuralNode.ArrayType array) {
            return validArray(array, subject);
        }
        if (schema instanceof StructuralNode.Combined combined) {
            int matching = 0;
            for (Supplier<StructuralNode> subschema : combined.subschemas) {
                if (valid(subschema.get(), subject)) {
                    matching++;
                    if (combined.criterion.equals("anyOf")) {
                        return true;
                    }
                } else if (combined.criterion.equals("allOf")) {
                    return false;
                }
            }
            return criterionMet(combined.criterion, combined.subschemas.size(), matching);
        }
        if (schema instanceof StructuralNode.NumberType number) {
            Object value = value(subject);
            if (!isNumber(value, number.requiresInteger)) {
                return !(number.requiresInteger || number.requiresNumber);
            }
            return numberFailure(number, (Number) value) == null;
        }
        if (schema instanceof StructuralNode.Enum enumeration) {
            return inEnum(enumeration, subject);
        }
        if (schema instanceof StructuralNode.BooleanType) {
            return value(subject) instanceof Boolean;
        }
        if (schema instanceof StructuralNode.NullType) {
            return isNull(subject);
        }
        return true; // Empty
    }

    private boolean validObject(StructuralNode.ObjectType object, Node subject) {
        if (!(subject instanceof MappingNode mapping)) {
            return !object.requiresObject;
        }
        for (String name : object.required) {
            if (member(mapping, name) == null) {
                return false;
            }
        }
        int size = 0;
        for (NodeTuple tuple : mapping.getValue()) {
            Node value = tuple.getValueNode();
            if (isNull(value)) {
                continue;
            }
            size++;
            String key = ((ScalarNode) tuple.getKeyNode()).getValue();
            Supplier<StructuralNode> property = object.properties.get(key);
            if (property != null) {
                if (!valid(property.get(), value)) {
                    return false;
                }
            } else if (!object.additionalAllowed || object.additional != null && !valid(object.additional.get(), value)) {
                return false;
            }
        }
        return (object.minProperties == null || size >= object.minProperties)
                && (object.maxProperties == null || size <= object.maxProperties);
    }

    private boolean validArray(StructuralNode.ArrayType array, Node subject) {
        if (!(subject instanceof SequenceNode sequence)) {
            return !array.requiresArray;
        }
        List<Node> items = sequence.getValue();
        if (array.minItems != null && items.size() < array.minItems
                || array.maxItems != null && items.size() > array.maxItems
                || array.uniqueItems && !unique(items)) {
            return false;
        }
        if (array.items != null) {
            StructuralNode itemSchema = array.items.get();
            for (Node item : items) {
                if (!valid(itemSchema, item)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * everit's failure of {@code subject} (several are grouped, as everit's collecting validator throws them), or
     * {@code null} when valid.
     */
    StructuralFailure failures(StructuralNode schema, Node subject) {
        failures.clear();
        return failureOf(schema, subject);
    }

    private StructuralFailure failureOf(StructuralNode schema, Node subject) {
        int before = failures.size();
        visit(schema, subject);
        int found = failures.size() - before;
        if (found == 0) {
            return null;
        }
        if (found == 1) {
            return failures.remove(failures.size() - 1);
        }
        List<StructuralFailure> mine = new ArrayList<>(failures.subList(before, failures.size()));
        failures.subList(before, failures.size()).clear();
        return StructuralFailure.group(schema, mine);
    }

    private void visit(StructuralNode schema, Node subject) {
        if (schema instanceof StructuralNode.Ref ref) {
            StructuralFailure failure = failureOf(ref.target(), subject);
            if (failure != null) {
                failures.add(failure);
            }
        } else if (schema instanceof StructuralNode.Combined combined) {
            List<StructuralFailure> failed = new ArrayList<>();
            for (Supplier<StructuralNode> subschema : combined.subschemas) {
                StructuralFailure failure = failureOf(subschema.get(), subject);
                if (failure != null) {
                    failed.add(failure);
                }
            }
            int count = combined.subschemas.size();
            int matching = count - failed.size();
            if (!criterionMet(combined.criterion, count, matching)) {
                failures.add(new StructuralFailure(combined, "#", criterionMessage(combined.criterion, count, matching),
                        combined.criterion, failed));
            }
        } else if (schema instanceof StructuralNode.Enum enumeration) {
            if (!inEnum(enumeration, subject)) {
                failures.add(new StructuralFailure(schema, describe(subject) + " is not a valid enum value", "enum"));
            }
        } else if (schema instanceof StructuralNode.ObjectType object) {
            visitObject(object, subject);
        } else if (schema instanceof StructuralNode.ArrayType array) {
            visitArray(array, subject);
        } else if (schema instanceof StructuralNode.StringType string) {
            Object value = value(subject);
            if (value instanceof String text) {
                collectString(string, text);
            } else if (string.requiresString) {
                failures.add(typeFailure(schema, "String", subject));
            }
        } else if (schema instanceof StructuralNode.NumberType number) {
            Object value = value(subject);
            if (isNumber(value, number.requiresInteger)) {
                collectNumber(number, (Number) value);
            } else if (number.requiresInteger || number.requiresNumber) {
                failures.add(typeFailure(schema, number.requiresInteger ? "Integer" : "Number", subject));
            }
        } else if (schema instanceof StructuralNode.BooleanType) {
            if (!(value(subject) instanceof Boolean)) {
                failures.add(typeFailure(schema, "Boolean", subject));
            }
        } else if (schema instanceof StructuralNode.NullType) {
            if (!isNull(subject)) {
                failures.add(new StructuralFailure(schema, "expected: null, found: " + className(subject), "type"));
            }
        }
    }

    private void visitObject(StructuralNode.ObjectType object, Node subject) {
        if (!(subject instanceof MappingNode mapping)) {
            if (object.requiresObject) {
                failures.add(typeFailure(object, "JSONObject", subject));
            }
            return;
        }
        for (String name : object.required) {
            if (member(mapping, name) == null) {
                failures.add(new StructuralFailure(object, "required key [" + name + "] not found", "required"));
            }
        }
        // Members in the order of everit's subject (a hash map filled in document order), nulls left out.
        Map<String, Node> members = new HashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (!isNull(tuple.getValueNode())) {
                members.put(((ScalarNode) tuple.getKeyNode()).getValue(), tuple.getValueNode());
            }
        }
        int size = members.size();
        if (object.minProperties != null && size < object.minProperties) {
            failures.add(new StructuralFailure(object, "minimum size: [" + object.minProperties + "], found: ["
                    + size + "]", "minProperties"));
        }
        if (object.maxProperties != null && size > object.maxProperties) {
            failures.add(new StructuralFailure(object, "maximum size: [" + object.maxProperties + "], found: ["
                    + size + "]", "maxProperties"));
        }
        if (!object.additionalAllowed) {
            for (String key : members.keySet()) {
                if (!object.properties.containsKey(key)) {
                    failures.add(new StructuralFailure(object, "extraneous key [" + key + "] is not permitted",
                            "additionalProperties"));
                }
            }
        } else if (object.additional != null) {
            for (Map.Entry<String, Node> member : members.entrySet()) {
                if (!object.properties.containsKey(member.getKey())) {
                    StructuralFailure failure = failureOf(object.additional.get(), member.getValue());
                    if (failure != null) {
                        failures.add(failure.prepend(member.getKey(), object));
                    }
                }
            }
        }
        for (Map.Entry<String, Supplier<StructuralNode>> property : object.visitOrder) {
            Node value = members.get(property.getKey());
            if (value != null) {
                StructuralFailure failure = failureOf(property.getValue().get(), value);
                if (failure != null) {
                    failures.add(failure.prepend(property.getKey()));
                }
            }
        }
    }

    private void visitArray(StructuralNode.ArrayType array, Node subject) {
        if (!(subject instanceof SequenceNode sequence)) {
            if (array.requiresArray) {
                failures.add(typeFailure(array, "JSONArray", subject));
            }
            return;
        }
        List<Node> items = sequence.getValue();
        if (array.minItems != null && items.size() < array.minItems) {
            failures.add(new StructuralFailure(array, "expected minimum item count: " + array.minItems + ", found: "
                    + items.size(), "minItems"));
        }
        if (array.maxItems != null && array.maxItems < items.size()) {
            failures.add(new StructuralFailure(array, "expected maximum item count: " + array.maxItems + ", found: "
                    + items.size(), "maxItems"));
        }
        if (array.uniqueItems && !items.isEmpty() && !unique(items)) {
            failures.add(new StructuralFailure(array, "array items are not unique", "uniqueItems"));
        }
        if (array.items != null) {
            for (int i = 0; i < items.size(); i++) {
                StructuralFailure failure = failureOf(array.items.get(), items.get(i));
                if (failure != null) {
                    failures.add(failure.prepend(String.valueOf(i)));
                }
            }
        }
    }

    /** The first failed keyword of a string, or {@code null}: the fast path needs no more. */
    private StructuralFailure stringFailure(StructuralNode.StringType string, String text) {
        if (string.minLength == null && string.maxLength == null && string.pattern == null && string.format == null) {
            return null;
        }
        StructuralValidator probe = new StructuralValidator(rules);
        probe.collectString(string, text);
        return probe.failures.isEmpty() ? null : probe.failures.get(0);
    }

    private void collectString(StructuralNode.StringType string, String text) {
        int length = text.codePointCount(0, text.length());
        if (string.minLength != null && length < string.minLength) {
            failures.add(new StructuralFailure(string, "expected minLength: " + string.minLength + ", actual: "
                    + length, "minLength"));
        }
        if (string.maxLength != null && length > string.maxLength) {
            failures.add(new StructuralFailure(string, "expected maxLength: " + string.maxLength + ", actual: "
                    + length, "maxLength"));
        }
        if (string.pattern != null && !string.pattern.matcher(text).find()) {
            failures.add(new StructuralFailure(string, "string [" + text + "] does not match pattern "
                    + string.patternText, "pattern"));
        }
        if (string.format != null) {
            Optional<String> failure = string.format.validate(text);
            failure.ifPresent(message -> failures.add(new StructuralFailure(string, message, "format")));
        }
    }

    private StructuralFailure numberFailure(StructuralNode.NumberType number, Number value) {
        if (number.minimum == null && number.maximum == null && number.exclusiveMinimum == null
                && number.exclusiveMaximum == null && number.multipleOf == null) {
            return null;
        }
        StructuralValidator probe = new StructuralValidator(rules);
        probe.collectNumber(number, value);
        return probe.failures.isEmpty() ? null : probe.failures.get(0);
    }

    private void collectNumber(StructuralNode.NumberType number, Number value) {
        if (number.minimum != null && compare(value, number.minimum) < 0) {
            failures.add(new StructuralFailure(number, value + " is not greater or equal to " + number.minimum,
                    "minimum"));
        }
        if (number.exclusiveMinimum != null && compare(value, number.exclusiveMinimum) <= 0) {
            failures.add(new StructuralFailure(number, value + " is not greater than " + number.exclusiveMinimum,
                    "exclusiveMinimum"));
        }
        if (number.maximum != null && compare(number.maximum, value) < 0) {
            failures.add(new StructuralFailure(number, value + " is not less or equal to " + number.maximum,
                    "maximum"));
        }
        if (number.exclusiveMaximum != null && compare(value, number.exclusiveMaximum) >= 0) {
            failures.add(new StructuralFailure(number, value + " is not less than " + number.exclusiveMaximum,
                    "exclusiveMaximum"));
        }
        if (number.multipleOf != null
                && decimal(value).remainder(decimal(number.multipleOf)).compareTo(BigDecimal.ZERO) != 0) {
            failures.add(new StructuralFailure(number, value + " is not a multiple of " + number.multipleOf,
                    "multipleOf"));
        }
    }

    private static boolean criterionMet(String criterion, int count, int matching) {
        return switch (criterion) {
            case "allOf" -> matching == count;
            case "anyOf" -> matching > 0;
            default -> matching == 1;
        };
    }

    private static String criterionMessage(String criterion, int count, int matching) {
        return switch (criterion) {
            case "allOf" -> "only " + matching + " subschema matches out of " + count;
            case "anyOf" -> "no subschema matched out of the total " + count + " subschemas";
            default -> matching + " subschemas matched instead of one";
        };
    }

    private StructuralFailure typeFailure(StructuralNode schema, String expected, Node subject) {
        return new StructuralFailure(schema, "expected type: " + expected + ", found: " + className(subject), "type");
    }

    /** The simple class name of the JSON value everit would have seen. */
    private String className(Node subject) {
        if (subject instanceof MappingNode) {
            return "JSONObject";
        }
        if (subject instanceof SequenceNode) {
            return "JSONArray";
        }
        return value(subject).getClass().getSimpleName();
    }

    private String describe(Node subject) {
        return subject instanceof ScalarNode ? String.valueOf(value(subject)) : className(subject);
    }

    private boolean inEnum(StructuralNode.Enum enumeration, Node subject) {
        if (!(subject instanceof ScalarNode)) {
            return false; // the allowed values are plain (StructuralSubset)
        }
        Object value = value(subject);
        Object effective = value == JSONObject.NULL ? null : value;
        for (Object allowed : enumeration.values) {
            if (ObjectComparator.deepEquals(allowed, effective)) {
                return true;
            }
        }
        return false;
    }

    /** everit's uniqueness: values compared as JSON, numbers by value. */
    private boolean unique(List<Node> items) {
        List<Object> seen = new ArrayList<>(items.size());
        for (Node item : items) {
            Object json = json(item);
            for (Object earlier : seen) {
                if (ObjectComparator.deepEquals(earlier, json)) {
                    return false;
                }
            }
            seen.add(json);
        }
        return true;
    }

    private Object json(Node node) {
        if (node instanceof MappingNode mapping) {
            JSONObject object = new JSONObject();
            for (NodeTuple tuple : mapping.getValue()) {
                if (!isNull(tuple.getValueNode())) {
                    object.put(((ScalarNode) tuple.getKeyNode()).getValue(), json(tuple.getValueNode()));
                }
            }
            return object;
        }
        if (node instanceof SequenceNode sequence) {
            JSONArray array = new JSONArray();
            for (Node item : sequence.getValue()) {
                array.put(json(item));
            }
            return array;
        }
        return value(node);
    }

    /** The value of a mapping's member, or {@code null} when absent or null (both mean "not set"). */
    private static Node member(MappingNode mapping, String name) {
        for (NodeTuple tuple : mapping.getValue()) {
            if (((ScalarNode) tuple.getKeyNode()).getValue().equals(name)) {
                return isNull(tuple.getValueNode()) ? null : tuple.getValueNode();
            }
        }
        return null;
    }

    static boolean isNull(Node node) {
        if (!(node instanceof ScalarNode scalar)) {
            return false;
        }
        // Resolved tags are SnakeYAML's constants: the identity test answers almost every call.
        Tag tag = scalar.getTag();
        return tag == Tag.NULL || tag != Tag.STR && tag.equals(Tag.NULL);
    }

    /** A scalar's JSON value; collections answer themselves (no scalar type matches them). */
    private Object value(Node node) {
        return node instanceof ScalarNode scalar ? ScalarValues.of(scalar, rules) : node;
    }

    private static boolean isNumber(Object value, boolean integer) {
        if (value instanceof Long || value instanceof BigInteger) {
            return true;
        }
        return !integer && value instanceof Double;
    }

    private static int compare(Number a, Number b) {
        return decimal(a).compareTo(decimal(b));
    }

    /** everit's NumberComparator#getAsBigDecimal. */
    private static BigDecimal decimal(Number number) {
        if (number instanceof BigDecimal big) {
            return big;
        }
        if (number instanceof BigInteger big) {
            return new BigDecimal(big);
        }
        if (number instanceof Integer || number instanceof Long) {
            return new BigDecimal(number.longValue());
        }
        return BigDecimal.valueOf(number.doubleValue());
    }
}
