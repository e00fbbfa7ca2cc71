package io.ascent.core;

import io.ascent.core.manifest.ManifestValidationStep;
import io.ascent.core.manifest.api.ApiLifecycleTable;
import io.ascent.core.provision.command.RenderToolRunner;
import io.ascent.core.provision.kind.KindConfigStep;
import io.ascent.core.repo.RepositoryStep;
import io.ascent.core.validation.ValidationStep;
import java.util.List;

/**
 * The steps {@code ascent validate} runs after loading the checklist, in order. New capabilities register here,
 * in one explicit list, so that what runs is visible in one place.
 *
 * <p>The list lives beside {@link Ascent}, the composition root, not in {@code io.ascent.core.validation}: each
 * step implements that package's interface, so listing the steps there would make every capability package and
 * {@code validation} depend on each other.
 */
public final class ValidationSteps {

    private ValidationSteps() {
    }

    /** The built-in steps with the default configuration. */
    public static List<ValidationStep> builtIn() {
        return builtIn(EngineConfig.defaults());
    }

    /** The built-in steps, using {@code config}'s threads, schema fetcher, allowed URLs and environment. */
    public static List<ValidationStep> builtIn(EngineConfig config) {
        return List.of(new RepositoryStep(),
                new ManifestValidationStep(ApiLifecycleTable::builtIn, config.threads(), config.schemaFetcher(),
                        config.allowedUrls(), RenderToolRunner.renderer(config.environment())),
                // after the manifests: their checks read the kind configuration too, and report a file that is not
                // YAML; this step then stays quiet about it
                new KindConfigStep(config.environment()));
    }
}
