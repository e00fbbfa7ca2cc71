package io.ascent.core.manifest;

import io.ascent.core.Ascent;
import io.ascent.core.ValidateOptions;
import io.ascent.core.manifest.api.ApiLifecycleTable;
import io.ascent.core.manifest.render.ManifestRenderer;
import io.ascent.core.network.UrlAllowList;
import io.ascent.core.progress.ProgressListener;
import io.ascent.core.report.Item;
import io.ascent.core.report.Report;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * A throw-away repository holding an {@code ascent.yaml} and manifests, validated through the {@link Ascent}
 * facade with only the manifest step, on a fixed date, so that waivers and exemptions are exercised as users meet
 * them.
 */
public final class ManifestWorkspace {
    public static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    private final Path root;

    public ManifestWorkspace(Path root) {
        this.root = root;
        write(".git/HEAD", "ref: refs/heads/main\n");
    }

    public Path root() {
        return root;
    }

    /** Writes a file relative to the repository root. */
    public ManifestWorkspace write(String path, String text) {
        try {
            Path file = root.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes an {@code ascent.yaml} whose body (everything after metadata) is {@code body}. */
    public ManifestWorkspace checklist(String body) {
        return write("ascent.yaml", "apiVersion: ascent.dev/v1\nkind: Checklist\nmetadata:\n  name: app\n" + body);
    }

    /** Every item of the run, the checklist's own included. */
    public Report validate(Optional<String> kubernetesVersion) {
        return validate(kubernetesVersion, new ManifestValidationStep(ApiLifecycleTable.builtIn(), 2));
    }

    /** Every item of the run, with {@code renderer} rendering {@code kubernetes.render}. */
    public Report validate(Optional<String> kubernetesVersion, ManifestRenderer renderer) {
        return validate(kubernetesVersion, new ManifestValidationStep(ApiLifecycleTable.builtIn(), 2, null,
                UrlAllowList.none(), renderer));
    }

    /** Every item of the run through {@code step}. */
    public Report validate(Optional<String> kubernetesVersion, ManifestValidationStep step) {
        try {
            Ascent ascent = new Ascent(Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC),
                    List.of(step));
            return ascent.validate(new ValidateOptions(root, Optional.empty(), kubernetesVersion),
                    ProgressListener.SILENT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The items of one check id. */
    public List<Item> validate(String id, Optional<String> kubernetesVersion) {
        return validate(kubernetesVersion).items().stream().filter(i -> i.id().equals(id)).toList();
    }
}
