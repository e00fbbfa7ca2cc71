package io.ascent.core.provision;

import io.ascent.core.checklist.ChecklistLoader;
import io.ascent.core.workspace.ConfinedFiles;
import io.ascent.core.workspace.Workspace;
import io.ascent.core.yaml.SafeYamlLoader;
import io.ascent.core.yaml.YamlDocument;
import io.ascent.core.yaml.YamlInputException;
import io.ascent.core.yaml.YamlLimits;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The checklist's YAML document, read again after the checklist loaded, for the {@code file:line:col} of a field
 * the provisioner or {@code doctor} judges ({@code provision.cluster.nodeImage}, a smoke test).
 */
public final class ChecklistDocument {

    private ChecklistDocument() {
    }

    /**
     * Reads the checklist {@code explicit} names ({@code --checklist}, relative to {@code directory}), else the
     * workspace's. An explicit checklist may live outside the repository (the operator chose it), as
     * {@link ChecklistLoader} allows; anything else is read confined to the repository.
     */
    public static YamlDocument read(Workspace workspace, Optional<Path> explicit, Path directory, String displayPath)
            throws YamlInputException {
        Path file = explicit.map(p -> p.isAbsolute() ? p : directory.resolve(p))
                .orElseGet(() -> ChecklistLoader.locate(workspace, Optional.empty()).orElseThrow());
        ConfinedFiles files = workspace.files(YamlLimits.CHECKLIST.maxBytes());
        return new SafeYamlLoader(YamlLimits.CHECKLIST).loadSingle(files.contains(file) ? files
                : ConfinedFiles.anywhere(YamlLimits.CHECKLIST.maxBytes()), file, displayPath);
    }
}
