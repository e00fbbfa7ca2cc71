package io.ascent.core.catalog;

import io.ascent.core.checklist.ChecklistRule;
import io.ascent.core.manifest.check.ManifestChecks;
import io.ascent.core.provision.ProvisionRule;
import io.ascent.core.provision.existing.ExistingClusterPreflight;
import io.ascent.core.provision.gc.GarbageCollector;
import io.ascent.core.provision.preflight.ClusterctlProviderSkew;
import io.ascent.core.provision.preflight.PreflightRule;
import io.ascent.core.report.CheckDescription;
import io.ascent.core.repo.RepositoryRule;
import io.ascent.core.run.RunRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every built-in check and rule, each described in its own words: the one list {@code ascent checks}, docs/ and the
 * checklist schema are checked against: every id the engine can put in a report. The order is the report's: the
 * checklist, the repository, the manifests, then provisioning, {@code ascent gc} and the run itself.
 */
public final class CheckCatalog {

    private CheckCatalog() {
    }

    /** Every description, in report order. */
    public static List<CheckDescription> all() {
        List<CheckDescription> all = new ArrayList<>(ChecklistRule.descriptions());
        all.addAll(RepositoryRule.descriptions());
        all.addAll(ManifestChecks.descriptions());
        all.addAll(PreflightRule.descriptions());
        all.addAll(ExistingClusterPreflight.descriptions());
        all.add(ClusterctlProviderSkew.description());
        all.addAll(ProvisionRule.descriptions());
        all.addAll(GarbageCollector.descriptions());
        all.addAll(RunRule.descriptions());
        return List.copyOf(all);
    }

    /** The description of {@code id}, if a built-in check has it. */
    public static Optional<CheckDescription> find(String id) {
        return all().stream().filter(description -> description.id().equals(id)).findFirst();
    }

    /** Every id, in report order. */
    public static List<String> ids() {
        return all().stream().map(CheckDescription::id).toList();
    }
}
