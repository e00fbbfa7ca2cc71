/**
 * How a validation run is put together: a {@link io.ascent.core.validation.ValidationStep} per capability
 * (repository rules, manifest checks, custom items) runs over one {@link io.ascent.core.validation.ValidationContext}
 * once the checklist is loaded. Steps are listed explicitly in {@link io.ascent.core.ValidationSteps}, beside the
 * facade.
 */
package io.ascent.core.validation;
