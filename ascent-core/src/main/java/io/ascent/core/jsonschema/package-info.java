/**
 * JSON Schema validation of YAML documents with every violation located at {@code file:line:col}.
 * everit-json-schema validates; {@link io.ascent.core.jsonschema.ViolationTranslator} walks each violation's
 * JSON pointer through the YAML node tree and rewrites everit's wording for people: a missing property points at
 * the mapping that lacks it, an unknown property at its key (with a "did you mean"), a wrong value at the value.
 */
package io.ascent.core.jsonschema;
