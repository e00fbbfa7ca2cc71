package io.ascent.core.report;

import java.io.Serializable;

/**
 * What a report is about beyond its subject, so that a report read on its own (a PR comment, an archived file) says
 * which code it judged and against what. Every field is {@code null} when unknown.
 *
 * @param repository        the repository: its {@code origin} remote without credentials, else the work tree's
 *                          folder name, or the URL given with {@code --repository}
 * @param commit            the full id of the commit at HEAD, when the run read one
 * @param kubernetesVersion the target Kubernetes version the manifests were judged against, as given
 */
public record ReportHeader(String repository, String commit, String kubernetesVersion) implements Serializable {

    /** Nothing known: a run that stopped before it read a repository or a checklist. */
    public static final ReportHeader NONE = new ReportHeader(null, null, null);

    /**
     * Every text redacted, as everything a report holds. {@link #NONE} does not touch the redaction: its
     * detectors' patterns take a cold JVM about 50 ms to compile, and every run starts with {@code NONE}, on the
     * main thread, while {@code Ascent.warmUp} compiles them on another.
     */
    public ReportHeader {
        if (repository != null || commit != null || kubernetesVersion != null) {
            repository = Redaction.redact(repository);
            commit = Redaction.redact(commit);
            kubernetesVersion = Redaction.redact(kubernetesVersion);
        }
    }

    public ReportHeader withRepository(String repository) {
        return new ReportHeader(repository, commit, kubernetesVersion);
    }

    public ReportHeader withCommit(String commit) {
        return new ReportHeader(repository, commit, kubernetesVersion);
    }

    public ReportHeader withKubernetesVersion(String kubernetesVersion) {
        return new ReportHeader(repository, commit, kubernetesVersion);
    }
}
