package io.ascent.core.manifest.render;

import io.ascent.core.manifest.Resource;
import io.ascent.core.workspace.Workspace;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** How one tool renders a source: its command lines, its environment, and how its output names source files. */
interface RenderTool {

    /** The name of the output as reports show it, for {@code folder} as the checklist writes it. */
    String renderedPath(String folder);

    /** The command a person runs to see the same output. */
    String reproduce(String folder);

    /**
     * Something in the source that the render must not do (fetch over the network, read outside the repository),
     * said as a message; empty when the source may be rendered.
     */
    Optional<String> refuse(Workspace workspace, Path root);

    /** Writes what the command needs into {@code work}, a fresh folder inside the workspace. */
    void prepare(Path work, Path root) throws IOException;

    /** The command lines to try in order: the first whose program is installed runs. */
    List<List<String>> commands(Path work, Path root);

    /** Variables that keep the tool's state in {@code work}. */
    Map<String, String> environment(Path work);

    /** What to do when no program of {@link #commands} is installed. */
    String installHint();

    /** A hint for a failed render, from the tool's message; empty when there is nothing to add. */
    Optional<String> failureHint(String message);

    /**
     * The place in the repository a failed render names, read from the tool's message, with what to change there;
     * empty when it names none Ascent can find (the failure is then reported at the checklist's render entry).
     */
    default Optional<FailedAt> failedAt(Workspace workspace, Path root, String message) {
        return Optional.empty();
    }

    /** Where a render went wrong in the repository, and what to change there. */
    record FailedAt(io.ascent.core.report.Location location, String remediation) {
    }

    /**
     * Reads {@code output} (the tool's output, from the file it went to) once, line by line, and answers, for each
     * object of it, the source file it came from as a path on disk ({@code null} when unknown).
     */
    Function<Resource, Path> sources(BufferedReader output, Path work, Path root) throws IOException;

    /**
     * Where an object that names no namespace lands: the Helm release's namespace ({@code --namespace}, else
     * {@code default}, which {@code .Release.Namespace} also renders as); empty when the output says it all.
     */
    default String releaseNamespace() {
        return "";
    }

    /**
     * Whether the source files are plain YAML, so that a node's line is found in them; otherwise they are templates
     * and a rendered line is matched back to its template line.
     */
    boolean plainSources();
}
