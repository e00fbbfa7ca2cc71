/**
 * JSON Schema validation of YAML documents with every violation located at {@code file:line:col}.
 * {@link io.ascent.core.jsonschema.LocatedSchemaValidator} validates with everit-json-schema (the checklist, and any
 * schema outside Kubernetes' structural subset); {@link io.ascent.core.jsonschema.StructuralSchema} validates
 * schemas in that subset by walking the YAML node tree, and builds the same violation tree everit would.
 * {@link io.ascent.core.jsonschema.ViolationTranslator} walks each violation's JSON pointer through the node tree
 * and rewrites the wording for people: a missing property points at the mapping that lacks it, an unknown property
 * at its key (with a "did you mean"), a wrong value at the value. Callers use the two validators only.
 */
package io.ascent.core.jsonschema;
