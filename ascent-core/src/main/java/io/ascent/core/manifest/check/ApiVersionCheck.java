package io.ascent.core.manifest.check;

import io.ascent.core.manifest.Resource;
import io.ascent.core.manifest.api.ApiAvailability;
import io.ascent.core.manifest.api.ApiLifecycle;
import io.ascent.core.manifest.api.ApiLifecycleTable;
import io.ascent.core.manifest.api.ApiVerdict;
import io.ascent.core.manifest.api.KubernetesVersion;
import io.ascent.core.report.CheckDescription;
import io.ascent.core.report.Severity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every apiVersion/kind the manifests use, including configuration objects embedded in others, is one the target
 * Kubernetes version serves ({@link ApiLifecycleTable}). Removed and not-yet-served versions, and kinds a known
 * group does not have, are problems at the check's severity; deprecated ones weigh at most a warning, since they
 * still work. Custom resources (groups the table does not know) are counted, not judged.
 */
final class ApiVersionCheck implements ManifestCheck {
    static final String ID = "manifest.api-version";

    private final ApiLifecycleTable table;
    private final KubernetesVersion target;
    /** Files judged against another version: the kind config describes the cluster's nodes, not the target. */
    private final Map<String, KubernetesVersion> fileTargets;
    private final Set<String> knownGroups = new HashSet<>();
    private int notInTable;
    private int tooOld;

    /** @param target the version to check against, or {@code null} when none is set (the step skips the check) */
    ApiVersionCheck(ApiLifecycleTable table, KubernetesVersion target, Map<String, KubernetesVersion> fileTargets) {
        this.table = table;
        this.target = target;
        this.fileTargets = Map.copyOf(fileTargets);
        for (ApiLifecycle row : table.rows()) {
            knownGroups.add(row.group());
        }
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "API versions are served by the target Kubernetes version";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    public boolean lacksTarget() {
        return target == null;
    }

    @Override
    public void inspect(Resource resource, Findings findings) {
        if (target == null) {
            return;
        }
        List<ApiReference> references = new ArrayList<>();
        if (resource.apiVersion() != null && resource.kind() != null) {
            references.add(new ApiReference(resource.apiVersion(), resource.kind(),
                    resource.locationAt(List.of("apiVersion")), null, null));
        }
        references.addAll(EmbeddedConfigurations.of(resource));
        KubernetesVersion version = fileTargets.getOrDefault(resource.path(), target);
        for (ApiReference reference : references) {
            findings.looked();
            judge(resource, reference, findings, version);
        }
    }

    private void judge(Resource resource, ApiReference reference, Findings findings, KubernetesVersion target) {
        String key = reference.keyPart() == null ? resource.displayName()
                : resource.displayName() + "/" + reference.keyPart();
        String subject = reference.where() == null ? resource.displayName()
                : resource.displayName() + ", " + reference.where();
        if (reference.apiVersion() == null || reference.kind() == null) {
            String what = reference.apiVersion() == null ? "apiVersion" : "kind";
            findings.add(new Finding(resource.ref(), reference.location(), key, reference.where() != null
                    && reference.where().contains("not valid YAML") ? resource.displayName() + ": " + reference.where()
                    : subject + " has no " + what + ", so the component reading it will refuse it",
                    "write the apiVersion and kind the component expects for Kubernetes " + target, null));
            return;
        }
        ApiVerdict verdict = table.check(reference.apiVersion(), reference.kind(), target);
        ApiAvailability availability = verdict.availability();
        if (availability == ApiAvailability.SERVED) {
            return;
        }
        if (availability == ApiAvailability.UNKNOWN) {
            if (verdict.lifecycle() != null) {
                tooOld++;
                return;
            }
            if (!knownGroups.contains(group(reference.apiVersion()))) {
                notInTable++;
                return;
            }
        }
        Severity ceiling = availability == ApiAvailability.DEPRECATED ? Severity.WARNING : null;
        findings.add(new Finding(resource.ref(), reference.location(), key, subject + ": " + verdict.message(),
                remediation(verdict, reference, target), ceiling));
    }

    private static String remediation(ApiVerdict verdict, ApiReference reference, KubernetesVersion target) {
        ApiLifecycle use = verdict.suggestion();
        String where = reference.where() == null ? "" : " in " + reference.where();
        if (use == null) {
            return "Kubernetes " + target + " serves no version of " + reference.kind() + ": remove it" + where
                    + " or choose another target version";
        }
        String kind = use.kind().equals(reference.kind()) ? "" : " and kind: " + use.kind();
        return "write apiVersion: " + use.apiVersion() + kind + where
                + " (and adapt fields that changed between the versions)";
    }

    private static String group(String apiVersion) {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    @Override
    public String passMessage(int looked) {
        StringBuilder message = new StringBuilder()
                .append(looked).append(looked == 1 ? " API reference" : " API references")
                .append(": every one the API table knows is served by Kubernetes ").append(target);
        if (notInTable > 0) {
            message.append("; ").append(notInTable).append(notInTable == 1 ? " is" : " are")
                    .append(" not in the table (custom resources) and not judged");
        }
        if (tooOld > 0) {
            message.append("; ").append(tooOld).append(" predate the table's data for ").append(target);
        }
        return message.toString();
    }

    @Override
    public CheckDescription.Explanation explanation() {
        return new CheckDescription.Explanation(
                "every apiVersion/kind, and the configuration objects other objects carry (AdmissionConfiguration"
                        + " plugins, kind kubeadmConfigPatches), against the target Kubernetes version and the API"
                        + " availability table",
                "an API version the cluster does not serve makes kubectl apply fail; a removed one breaks the next"
                        + " cluster upgrade",
                "write the apiVersion the fix line names (and adapt fields that changed), or set the target version"
                        + " you really deploy to");
    }
}
