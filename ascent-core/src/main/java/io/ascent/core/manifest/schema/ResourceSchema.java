package io.ascent.core.manifest.schema;

import io.ascent.core.jsonschema.LocatedSchemaValidator;
import io.ascent.core.jsonschema.StructuralSchema;

/**
 * A kind's compiled schema: the structural validator, which walks the YAML nodes, for every schema in Kubernetes'
 * structural subset (the bundled schemas, CRDs, most schema files); everit, over the document's JSON, for any other
 * draft-07 schema a location provides.
 */
public sealed interface ResourceSchema {

    /** A schema in the structural subset. */
    record Structural(StructuralSchema schema) implements ResourceSchema {
    }

    /** Any other schema, validated by everit. */
    record Everit(LocatedSchemaValidator validator) implements ResourceSchema {
    }
}
