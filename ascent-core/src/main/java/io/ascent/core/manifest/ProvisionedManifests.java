package io.ascent.core.manifest;

import io.ascent.core.checklist.Checklist;
import io.ascent.core.checklist.ProvisionSettings;
import io.ascent.core.checklist.ProvisionSettings.SmokeTest;
import io.ascent.core.manifest.render.SourceFiles;
import io.ascent.core.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The manifest files {@code ascent provision} applies besides those of {@code kubernetes.manifests}: the files of
 * {@code provision.deploy.manifests} (applied instead of the kubernetes section's when set, without
 * {@code kubernetes.exclude}) and each {@code job} smoke test's manifest. Static validation judges them with the
 * same manifest checks as the listed files, so that a Job the run's namespace would refuse (its schema, a removed API
 * version, its Pod Security level) fails before any cluster exists rather than at apply time.
 *
 * <p>One definition for {@code validate} and {@code provision}: a job test's manifest is resolved here for both.
 */
public final class ProvisionedManifests {

    private ProvisionedManifests() {
    }

    /** Whether the checklist's provision section names any manifest file: its own deploy list or a job test. */
    public static boolean any(Checklist checklist) {
        ProvisionSettings provision = checklist.provision();
        return !provision.deploy().manifests().isEmpty()
                || provision.tests().stream().anyMatch(test -> test.job().isPresent());
    }

    /**
     * The files the provision applies that are not among {@code listed} (the files expanded from
     * {@code kubernetes.manifests}, before any was left to a render), sorted by display path, each once; and the
     * paths of {@code provision.deploy.manifests} that match nothing. A job manifest that is not a file inside the
     * repository is left out: the checklist's path checks report it ({@code checklist.paths}).
     */
    public static ManifestSet beyond(Workspace workspace, Checklist checklist, List<ManifestFile> listed) {
        Set<String> seen = new HashSet<>();
        listed.forEach(file -> seen.add(file.displayPath()));
        List<ManifestFile> files = new ArrayList<>();
        ManifestSet deploy = ManifestSet.expand(workspace, checklist.provision().deploy().manifests());
        // As the provision reads its own deploy list: Kustomize and Helm sources are not applied as they are.
        for (ManifestFile file : SourceFiles.sort(workspace, deploy.files(), List.of()).manifests()) {
            if (seen.add(file.displayPath())) {
                files.add(file);
            }
        }
        for (SmokeTest test : checklist.provision().tests()) {
            Optional<ManifestFile> job = test.job().flatMap(probe -> jobFile(workspace, probe.manifest()));
            if (job.isPresent() && seen.add(job.get().displayPath())) {
                files.add(job.get());
            }
        }
        files.sort(java.util.Comparator.comparing(ManifestFile::displayPath));
        return new ManifestSet(files, deploy.problems());
    }

    /**
     * The file a {@code job} test's {@code manifest} names, as written (no globs, no alternatives), or empty when it
     * is not a regular file inside the repository.
     */
    public static Optional<ManifestFile> jobFile(Workspace workspace, String manifest) {
        Optional<Path> file = workspace.resolveInside(manifest).filter(Files::isRegularFile);
        return file.map(path -> new ManifestFile(path, workspace.displayPath(path)));
    }
}
