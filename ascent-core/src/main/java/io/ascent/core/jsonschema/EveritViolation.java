package io.ascent.core.jsonschema;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.everit.json.schema.ArraySchema;
import org.everit.json.schema.CombinedSchema;
import org.everit.json.schema.EnumSchema;
import org.everit.json.schema.FormatValidator;
import org.everit.json.schema.NumberSchema;
import org.everit.json.schema.ObjectSchema;
import org.everit.json.schema.ReferenceSchema;
import org.everit.json.schema.Schema;
import org.everit.json.schema.StringSchema;
import org.everit.json.schema.ValidationException;

/** everit's violation tree, as {@link ViolationTranslator} reads it. */
record EveritViolation(ValidationException exception) implements Violation {

    @Override
    public String keyword() {
        return exception.getKeyword();
    }

    @Override
    public String pointer() {
        return exception.getPointerToViolation();
    }

    @Override
    public String errorMessage() {
        return exception.getErrorMessage();
    }

    @Override
    public List<EveritViolation> causes() {
        return exception.getCausingExceptions().stream().map(EveritViolation::new).toList();
    }

    @Override
    public ViolatedSchema schema() {
        return new EveritSchema(exception.getViolatedSchema());
    }

    /** One of everit's compiled schemas. */
    private record EveritSchema(Schema schema) implements ViolatedSchema {
        @Override
        public String description() {
            return schema.getDescription();
        }

        @Override
        public boolean combined() {
            return schema instanceof CombinedSchema;
        }

        @Override
        public ViolatedSchema referred() {
            Schema current = schema;
            while (current instanceof ReferenceSchema reference && reference.getReferredSchema() != null) {
                current = reference.getReferredSchema();
            }
            return new EveritSchema(current);
        }

        @Override
        public Set<String> propertyNames() {
            return schema instanceof ObjectSchema object ? new TreeSet<>(object.getPropertySchemas().keySet()) : null;
        }

        @Override
        public Object limit(String keyword) {
            if (schema instanceof NumberSchema number) {
                return switch (keyword) {
                    case "minimum" -> number.getMinimum();
                    case "maximum" -> number.getMaximum();
                    case "exclusiveMinimum" -> number.getExclusiveMinimumLimit();
                    default -> number.getExclusiveMaximumLimit();
                };
            } else if (schema instanceof StringSchema string) {
                return keyword.equals("minLength") ? string.getMinLength() : string.getMaxLength();
            } else if (schema instanceof ArraySchema array) {
                return keyword.equals("minItems") ? array.getMinItems() : array.getMaxItems();
            } else if (schema instanceof ObjectSchema object) {
                return keyword.equals("minProperties") ? object.getMinProperties() : object.getMaxProperties();
            }
            return null;
        }

        @Override
        public String possibleValues() {
            if (schema instanceof EnumSchema enumSchema) {
                return enumSchema.getPossibleValues().stream().map(String::valueOf).sorted()
                        .collect(Collectors.joining(", "));
            }
            return null;
        }

        @Override
        public String pattern() {
            return schema instanceof StringSchema string && string.getPattern() != null
                    ? string.getPattern().toString() : null;
        }

        @Override
        public String format() {
            return schema instanceof StringSchema string && string.getFormatValidator() != null
                    && string.getFormatValidator() != FormatValidator.NONE
                    ? string.getFormatValidator().formatName() : null;
        }
    }
}
