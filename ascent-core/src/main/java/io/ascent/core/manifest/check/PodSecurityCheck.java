package io.ascent.core.manifest.check;

import io.ascent.core.manifest.PodTemplate;
import io.ascent.core.manifest.Resource;
import io.ascent.core.manifest.api.KubernetesVersion;
import io.ascent.core.manifest.podsecurity.PodSecurityLevel;
import io.ascent.core.manifest.podsecurity.PodSecurityStandard;
import io.ascent.core.manifest.podsecurity.PodSpec;
import io.ascent.core.manifest.podsecurity.Violation;
import io.ascent.core.report.CheckDescription;
import io.ascent.core.report.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.json.JSONObject;

/**
 * Every pod template meets the Pod Security Standard the checklist asks for, at the policy version of the target
 * Kubernetes version, as the PodSecurity admission plugin of a namespace labelled {@code enforce: LEVEL},
 * {@code enforce-version: vX.Y} would judge its pods: one finding per violation, in the admission's words, with the
 * fix. Its unit is a pod template. A checklist that asks for no level gets no item from it (an opt-in check, as a
 * repository rule the checklist does not set).
 */
final class PodSecurityCheck implements ManifestCheck {
    static final String ID = "manifest.pod-security";

    private final PodSecurityRequirement requirement;
    private final KubernetesVersion target;
    /** The level's rules at the target's policy version, chosen once for every pod; null when not asked. */
    private final PodSecurityStandard.Policy policy;

    /**
     * @param requirement the level and where the checklist asks for it, or {@code null} when it does not
     * @param target      the target version, or {@code null} for the newest policy ({@code enforce-version:
     *                    latest}, as the provision labels a namespace without a target)
     */
    PodSecurityCheck(PodSecurityRequirement requirement, KubernetesVersion target) {
        this.requirement = requirement;
        this.target = target;
        this.policy = requirement == null ? null : PodSecurityStandard.policy(requirement.level(), target);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Pods meet the Pod Security Standard the checklist asks for";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    public Optional<String> notAsked() {
        return requirement != null ? Optional.empty() : Optional.of("the checklist asks for no Pod Security level: set"
                + " provision.cluster.podSecurity or kubernetes.checks." + ID + ".level (baseline or restricted)");
    }

    @Override
    public boolean judgedPerVersion() {
        return true;
    }

    @Override
    public void inspect(Resource resource, Findings findings) {
        if (requirement == null) {
            return;
        }
        Optional<PodSpec> pod = podOf(resource);
        if (pod.isEmpty()) {
            return;
        }
        findings.looked();
        for (Violation violation : policy.evaluate(pod.get())) {
            findings.add(resource, violation.tokens(), violation.key(), resource.displayName() + ": violates"
                    + " PodSecurity \"" + policy() + "\": " + violation.reason() + " (" + violation.detail() + ")",
                    violation.fix());
        }
    }

    /** {@code restricted:v1.31}, or {@code restricted:latest} without a target: as the admission names it. */
    private String policy() {
        return requirement.level().label() + ":" + (target == null ? "latest" : "v" + target);
    }

    /**
     * The pod a workload, a bare Pod or a PodTemplate object defines, with the annotations of its template (the
     * admission reads AppArmor and seccomp annotations there).
     */
    static Optional<PodSpec> podOf(Resource resource) {
        List<String> specTokens;
        JSONObject spec;
        if ("PodTemplate".equals(resource.kind())) {
            specTokens = List.of("template", "spec");
            spec = resource.objectAt(specTokens);
        } else {
            Optional<PodTemplate> template = PodTemplate.of(resource);
            spec = template.map(PodTemplate::spec).orElse(null);
            specTokens = template.map(PodTemplate::specTokens).orElse(List.of());
        }
        if (spec == null) {
            return Optional.empty();
        }
        List<String> annotationTokens = new ArrayList<>(specTokens.subList(0, specTokens.size() - 1));
        annotationTokens.add("metadata");
        JSONObject metadata = resource.objectAt(annotationTokens);
        annotationTokens.add("annotations");
        JSONObject annotations = metadata == null ? null : metadata.optJSONObject("annotations");
        return Optional.of(new PodSpec(spec, specTokens, annotations == null ? new JSONObject() : annotations,
                annotationTokens));
    }

    @Override
    public String passMessage(int looked) {
        return looked + (looked == 1 ? " pod template meets" : " pod templates meet") + " PodSecurity \"" + policy()
                + "\" (" + requirement.declaredBy() + ")";
    }

    @Override
    public CheckDescription.Explanation explanation() {
        return new CheckDescription.Explanation(
                "every pod template (Pod, Deployment, ReplicaSet, StatefulSet, DaemonSet, Job, CronJob,"
                        + " ReplicationController, PodTemplate) against the Pod Security Standard of"
                        + " provision.cluster.podSecurity or kubernetes.checks." + ID + ".level (the stricter when"
                        + " both are set), at the policy version of the target Kubernetes version, rule for rule as"
                        + " the PodSecurity admission plugin (enforce-version: vX.Y); nothing is reported when"
                        + " neither is set",
                "a namespace that enforces the level refuses every pod that breaks it: the provision would fail"
                        + " minutes in, and production would refuse the rollout",
                "change the field the finding points at as its fix says (for restricted: allowPrivilegeEscalation:"
                        + " false, capabilities.drop: [\"ALL\"], runAsNonRoot: true, seccompProfile.type:"
                        + " RuntimeDefault)");
    }
}
