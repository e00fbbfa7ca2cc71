package io.ascent.core.manifest.cel;

import com.google.common.collect.ImmutableCollection;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.cel.common.types.CelType;
import dev.cel.common.types.CelTypeProvider;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.StructType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The CEL type of {@code self} for a rule, from its schema node, as the API server declares it
 * (apiserver {@code pkg/cel/common.SchemaDeclType}): {@code integer} is int, {@code number} double, {@code boolean}
 * bool, strings by format bytes, duration, timestamp or string, arrays lists of their items, objects with
 * {@code additionalProperties} maps from string, and objects with properties object types whose fields are the
 * escaped property names (the root and embedded resources also have {@code apiVersion}, {@code kind} and a
 * {@code metadata} of {@code name} and {@code generateName}). So a rule that names a field the schema lacks, or
 * compares a number with a string, fails to compile, as it does when the API server is given the CRD.
 *
 * <p>As on the API server, int-or-string is {@code dyn}; fields kept by {@code x-kubernetes-preserve-unknown-fields}
 * are not visible; a property without a type, or an array without items, is no field at all (checked against
 * apiextensions-apiserver v0.37.0's CRD validation on the same schemas).
 */
record SelfType(CelType type, CelTypeProvider provider) {

    /** The type of {@code self} at {@code schema}; {@code root} for the custom resource itself. */
    static SelfType of(RuleSchema schema, boolean root) {
        Map<String, StructType> structs = new LinkedHashMap<>();
        // a type named like an expression (self.spec) would be taken for that expression by the checker, so the
        // names start with Self, which no rule names
        CelType type = declare(schema, root, "Self", structs);
        ImmutableList<CelType> all = ImmutableList.copyOf(structs.values());
        return new SelfType(type == null ? SimpleType.DYN : type, new CelTypeProvider() {
            @Override
            public ImmutableCollection<CelType> types() {
                return all;
            }

            @Override
            public Optional<CelType> findType(String typeName) {
                return Optional.ofNullable(structs.get(typeName));
            }
        });
    }

    /**
     * The declared type of a node, or {@code null} where the API server declares none (a node without a type, an
     * array without items): such a property is not a field of its object, as on the API server.
     */
    private static CelType declare(RuleSchema schema, boolean resource, String name, Map<String, StructType> structs) {
        if (schema == null) {
            return null;
        }
        if (schema.intOrString()) {
            return SimpleType.DYN;
        }
        if (schema.embedded()) {
            return object(schema, true, name, structs);
        }
        String type = schema.type();
        if (type == null) {
            return null;
        }
        return switch (type) {
            case "integer" -> SimpleType.INT;
            case "number" -> SimpleType.DOUBLE;
            case "boolean" -> SimpleType.BOOL;
            case "string" -> string(schema.format());
            case "array" -> {
                CelType items = declare(schema.items(), false, name + "[]", structs);
                yield items == null ? null : ListType.create(items);
            }
            case "object" -> {
                if (schema.additionalProperties() != null && schema.properties().isEmpty()) {
                    CelType values = declare(schema.additionalProperties(), false, name + "[*]", structs);
                    yield values == null ? null : MapType.create(SimpleType.STRING, values);
                }
                // unknown fields kept by x-kubernetes-preserve-unknown-fields are not visible to rules either
                yield object(schema, resource, name, structs);
            }
            default -> null;
        };
    }

    private static CelType string(String format) {
        if (format == null) {
            return SimpleType.STRING;
        }
        return switch (format) {
            case "byte" -> SimpleType.BYTES;
            case "duration" -> SimpleType.DURATION;
            case "date", "date-time" -> SimpleType.TIMESTAMP;
            default -> SimpleType.STRING;
        };
    }

    private static CelType object(RuleSchema schema, boolean resource, String name, Map<String, StructType> structs) {
        Map<String, CelType> fields = new LinkedHashMap<>();
        schema.properties().forEach((property, child) -> {
            String field = CelValues.escape(property);
            CelType declared = field == null ? null : declare(child, false, name + "." + field, structs);
            if (declared != null) {
                fields.put(field, declared);
            }
        });
        if (resource) {
            fields.put("apiVersion", SimpleType.STRING);
            fields.put("kind", SimpleType.STRING);
            String metadata = name + ".metadata";
            ImmutableSet<String> names = ImmutableSet.of("name", "generateName");
            StructType meta = StructType.create(metadata, names,
                    field -> names.contains(field) ? Optional.of(SimpleType.STRING) : Optional.empty());
            structs.put(metadata, meta);
            fields.put("metadata", meta);
        }
        StructType struct = StructType.create(name, ImmutableSet.copyOf(fields.keySet()),
                field -> Optional.ofNullable(fields.get(field)));
        structs.put(name, struct);
        return struct;
    }
}
