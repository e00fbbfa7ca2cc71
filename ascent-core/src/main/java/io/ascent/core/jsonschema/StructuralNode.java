package io.ascent.core.jsonschema;

import com.google.re2j.Pattern;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.everit.json.schema.FormatValidator;

/**
 * One compiled schema of {@link StructuralSchema}, shaped like the everit schema the same JSON compiles to (a
 * schema object with {@code type: string} and an {@code enum} is an {@code allOf} of an enum and a string schema in
 * both), because messages depend on that shape. Immutable; children are compiled when first needed.
 */
abstract sealed class StructuralNode implements ViolatedSchema {
    private final String description;

    StructuralNode(String description) {
        this.description = description;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public boolean combined() {
        return false;
    }

    @Override
    public ViolatedSchema referred() {
        return this;
    }

    @Override
    public Set<String> propertyNames() {
        return null;
    }

    @Override
    public Object limit(String keyword) {
        return null;
    }

    @Override
    public String possibleValues() {
        return null;
    }

    @Override
    public String pattern() {
        return null;
    }

    @Override
    public String format() {
        return null;
    }

    /** {@code $ref}: the target is compiled when first used; a cycle of references ends in a stack overflow. */
    static final class Ref extends StructuralNode {
        private final Supplier<StructuralNode> target;

        Ref(String description, Supplier<StructuralNode> target) {
            super(description);
            this.target = target;
        }

        StructuralNode target() {
            return target.get();
        }

        @Override
        public ViolatedSchema referred() {
            return target().referred();
        }
    }

    /** A schema with no validation keyword: anything is valid. */
    static final class Empty extends StructuralNode {
        Empty(String description) {
            super(description);
        }
    }

    /** {@code allOf}, {@code anyOf}, {@code oneOf}, or several schemas of one schema object ({@code synthetic}). */
    static final class Combined extends StructuralNode {
        final String criterion;
        final List<Supplier<StructuralNode>> subschemas;

        Combined(String description, String criterion, List<Supplier<StructuralNode>> subschemas) {
            super(description);
            this.criterion = criterion;
            this.subschemas = subschemas;
        }

        @Override
        public boolean combined() {
            return true;
        }
    }

    static final class Enum extends StructuralNode {
        /** The allowed values as everit compares them ({@code null} for JSON null). */
        final List<Object> values;
        final String joined;

        Enum(String description, List<Object> values, String joined) {
            super(description);
            this.values = values;
            this.joined = joined;
        }

        @Override
        public String possibleValues() {
            return joined;
        }
    }

    static final class ObjectType extends StructuralNode {
        final boolean requiresObject;
        /** Property schemas by name, for lookups. */
        final Map<String, Supplier<StructuralNode>> properties;
        /** The same, in the order everit visits them (its hash map's). */
        final List<Map.Entry<String, Supplier<StructuralNode>>> visitOrder;
        final List<String> required;
        final boolean additionalAllowed;
        final Supplier<StructuralNode> additional;
        final Integer minProperties;
        final Integer maxProperties;

        ObjectType(String description, boolean requiresObject, Map<String, Supplier<StructuralNode>> properties,
                   List<Map.Entry<String, Supplier<StructuralNode>>> visitOrder, List<String> required,
                   boolean additionalAllowed, Supplier<StructuralNode> additional, Integer minProperties,
                   Integer maxProperties) {
            super(description);
            this.requiresObject = requiresObject;
            this.properties = properties;
            this.visitOrder = visitOrder;
            this.required = required;
            this.additionalAllowed = additionalAllowed;
            this.additional = additional;
            this.minProperties = minProperties;
            this.maxProperties = maxProperties;
        }

        @Override
        public Set<String> propertyNames() {
            return new TreeSet<>(properties.keySet());
        }

        @Override
        public Object limit(String keyword) {
            return keyword.equals("minProperties") ? minProperties : maxProperties;
        }
    }

    static final class ArrayType extends StructuralNode {
        final boolean requiresArray;
        final Supplier<StructuralNode> items;
        final Integer minItems;
        final Integer maxItems;
        final boolean uniqueItems;

        ArrayType(String description, boolean requiresArray, Supplier<StructuralNode> items, Integer minItems,
                  Integer maxItems, boolean uniqueItems) {
            super(description);
            this.requiresArray = requiresArray;
            this.items = items;
            this.minItems = minItems;
            this.maxItems = maxItems;
            this.uniqueItems = uniqueItems;
        }

        @Override
        public Object limit(String keyword) {
            return keyword.equals("minItems") ? minItems : maxItems;
        }
    }

    static final class StringType extends StructuralNode {
        final boolean requiresString;
        final Integer minLength;
        final Integer maxLength;
        /** RE2/J, as everit's RE2JRegexpFactory: linear time whatever the pattern (patterns come from repositories). */
        final Pattern pattern;
        final String patternText;
        final FormatValidator format;

        StringType(String description, boolean requiresString, Integer minLength, Integer maxLength, String pattern,
                   FormatValidator format) {
            super(description);
            this.requiresString = requiresString;
            this.minLength = minLength;
            this.maxLength = maxLength;
            this.patternText = pattern;
            this.pattern = pattern == null ? null : Pattern.compile(pattern);
            this.format = format;
        }

        @Override
        public Object limit(String keyword) {
            return keyword.equals("minLength") ? minLength : maxLength;
        }

        @Override
        public String pattern() {
            // everit hands out java.util.regex's compilation of the pattern; it must fail where everit's does.
            return patternText == null ? null : java.util.regex.Pattern.compile(patternText).toString();
        }

        @Override
        public String format() {
            return format == null ? null : format.formatName();
        }
    }

    static final class NumberType extends StructuralNode {
        final boolean requiresNumber;
        final boolean requiresInteger;
        final Number minimum;
        final Number maximum;
        final Number exclusiveMinimum;
        final Number exclusiveMaximum;
        final Number multipleOf;

        NumberType(String description, boolean requiresNumber, boolean requiresInteger, Number minimum,
                   Number maximum, Number exclusiveMinimum, Number exclusiveMaximum, Number multipleOf) {
            super(description);
            this.requiresNumber = requiresNumber;
            this.requiresInteger = requiresInteger;
            this.minimum = minimum;
            this.maximum = maximum;
            this.exclusiveMinimum = exclusiveMinimum;
            this.exclusiveMaximum = exclusiveMaximum;
            this.multipleOf = multipleOf;
        }

        @Override
        public Object limit(String keyword) {
            return switch (keyword) {
                case "minimum" -> minimum;
                case "maximum" -> maximum;
                case "exclusiveMinimum" -> exclusiveMinimum;
                default -> exclusiveMaximum;
            };
        }
    }

    static final class BooleanType extends StructuralNode {
        BooleanType(String description) {
            super(description);
        }
    }

    static final class NullType extends StructuralNode {
        NullType(String description) {
            super(description);
        }
    }
}
