/**
 * CRD validation rules: the CEL expressions of {@code x-kubernetes-validations} in a CustomResourceDefinition's
 * schema, compiled with cel-java in the environment the API server gives them (standard library, macros, the
 * strings/sets/lists/optional extensions, the Kubernetes list and regex functions and the Kubernetes libraries of
 * {@code io.ascent.core.manifest.cel.library}), with {@code self} typed from the rule's schema node, and evaluated
 * against the custom resources of the manifests, each rule at the values its schema node describes.
 *
 * <p>Entry points: {@link io.ascent.core.manifest.cel.CustomResourceRules} (the rules and list types of the
 * manifests' CRDs) and {@link io.ascent.core.manifest.cel.RuleEvaluator} (one run's compilation and evaluation,
 * bounded in cost). The package reads JSON values and the YAML node tree only; it does not depend on the structural
 * schema validator.
 */
package io.ascent.core.manifest.cel;
