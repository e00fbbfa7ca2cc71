package io.ascent.core.manifest.check;

import io.ascent.core.manifest.Resource;
import io.ascent.core.manifest.api.ApiLifecycleTable;
import io.ascent.core.manifest.api.KubernetesVersion;
import io.ascent.core.manifest.cel.ClusterApiRules;
import io.ascent.core.manifest.cel.CustomResourceRules;
import io.ascent.core.manifest.cel.RuleEvaluator;
import io.ascent.core.manifest.cel.RuleSchema;
import io.ascent.core.manifest.cel.ValidationRule;
import io.ascent.core.manifest.listtype.ListTypeSchema;
import io.ascent.core.manifest.listtype.ListTypeValidator;
import io.ascent.core.report.CheckDescription;
import io.ascent.core.report.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Custom resources satisfy the validation rules ({@code x-kubernetes-validations}, CEL) of their
 * CustomResourceDefinitions among the manifests, and the uniqueness their {@code x-kubernetes-list-type: set/map}
 * lists demand: the API server refuses an object that breaks either. Runs after {@code manifest.schema}, on the same
 * objects, with its own walks of the values ({@code io.ascent.core.manifest.cel},
 * {@code io.ascent.core.manifest.listtype}), independent of the structural schema validator.
 *
 * <p>A custom resource whose CRD comes in a later file waits until every file is read, as for the schema check; only
 * objects of groups that are not built into Kubernetes wait. A rule Ascent cannot judge (a transition rule, a
 * function it lacks, a rule over the cost bound) is one SKIP at the rule, never a silent pass.
 *
 * <p>Its findings are about objects present and wrong (a value breaking a rule, a rule that does not compile), so a
 * partial set ({@link UnreadParts}) changes none. What it does conclude from absence is that a custom resource
 * without a CRD among the manifests has nothing to satisfy; when a file could not be read its CRD may be there, so
 * those custom resources are one SKIP naming the unread files rather than left out of a PASS that would claim them.
 *
 * <p>ClusterAPI's own kinds whose CRD is not among the manifests are judged, once every file is read, by the rules of
 * the CRD bundled with Ascent for {@code kubernetes.clusterApi.version} ({@link ClusterApiRules}), as
 * {@code manifest.schema} validates them against its schema: a CRD among the manifests that defines the kind and
 * version wins. A bundled CRD is in no file, so what is said about one of its rules (a SKIP, a rule the target's API
 * server would refuse) is at the first object that reached it, and the rule is named by its schema node and the
 * bundled CRD's source. Its rules compile when an object first reaches them, not all when the kind is first met.
 */
final class ValidationRulesCheck implements ManifestCheck {
    static final String ID = "manifest.validation-rules";
    private static final String CRD_KIND = "CustomResourceDefinition";

    private final ApiLifecycleTable table;
    private final CustomResourceRules rules = new CustomResourceRules();
    private final ClusterApiRules clusterApi;
    private final RuleEvaluator evaluator;
    private final List<Resource> waitingForCrds = new ArrayList<>();
    /** {@code group/kind} of every CRD read, with or without rules: a custom resource of one is not missing its CRD. */
    private final java.util.Set<String> crdKinds = new java.util.HashSet<>();
    /** What no check saw: the CRD of a custom resource may be there. */
    private UnreadParts unread = UnreadParts.NONE;

    /**
     * @param target the target Kubernetes version, whose API server decides which CEL libraries rules may call, or
     *               {@code null} for the newest
     * @param clusterApi the rules of ClusterAPI's bundled CRDs for the checklist's ClusterAPI release
     */
    ValidationRulesCheck(ApiLifecycleTable table, KubernetesVersion target, ClusterApiRules clusterApi) {
        this.table = table;
        this.evaluator = new RuleEvaluator(target);
        this.clusterApi = clusterApi;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Custom resources satisfy their CRDs' validation rules and list types";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    public void inspect(Resource resource, Findings findings) {
        String apiVersion = resource.apiVersion();
        String kind = resource.kind();
        if (apiVersion == null || kind == null || resource.isListWithoutItems()) {
            return; // manifest.shape reports it
        }
        if (CRD_KIND.equals(kind)) {
            org.json.JSONObject spec = resource.json().optJSONObject("spec");
            org.json.JSONObject names = spec == null ? null : spec.optJSONObject("names");
            if (names != null) {
                crdKinds.add(spec.optString("group") + "/" + names.optString("kind"));
            }
            // the API server compiles every rule when it is given the CRD, and refuses it if one does not compile
            for (RuleSchema added : rules.add(resource.document(), resource.pointer(), resource.json())) {
                evaluator.compileAll(added, listener(resource, findings));
            }
            return;
        }
        if (rules.judges(apiVersion, kind)) {
            evaluate(resource, findings);
        } else if (mayBeCustom(apiVersion, kind)) {
            waitingForCrds.add(resource);
        }
    }

    /** CRD groups must contain a dot; a kind of the API table is built in, whatever its group. */
    private boolean mayBeCustom(String apiVersion, String kind) {
        int slash = apiVersion.indexOf('/');
        return slash > 0 && apiVersion.substring(0, slash).contains(".") && table.find(apiVersion, kind).isEmpty();
    }

    @Override
    public void partialSet(UnreadParts unread) {
        this.unread = unread;
    }

    @Override
    public void finish(Findings findings) {
        List<Resource> withoutCrd = new ArrayList<>();
        for (Resource resource : waitingForCrds) {
            String apiVersion = resource.apiVersion();
            String kind = resource.kind();
            Optional<ClusterApiRules.Rules> bundled;
            if (rules.judges(apiVersion, kind)) {
                evaluate(resource, findings);
            } else if (rules.defines(apiVersion, kind)) {
                continue; // the manifests' CRD has neither rules nor list types, and wins over a bundled one
            } else if ((bundled = clusterApi.find(apiVersion, kind)).isPresent()) {
                if (bundled.get().judges()) {
                    evaluate(resource, bundled.get(), findings);
                }
            } else if (!unread.isEmpty() && !crdKinds.contains(resource.apiVersion().substring(0,
                    resource.apiVersion().indexOf('/')) + "/" + resource.kind())) {
                withoutCrd.add(resource);
            }
        }
        waitingForCrds.clear();
        if (!withoutCrd.isEmpty()) {
            Resource first = withoutCrd.get(0);
            List<String> named = withoutCrd.stream().limit(UnreadParts.NAMED).map(Resource::displayName).toList();
            int more = withoutCrd.size() - named.size();
            findings.skip(new Finding(first.ref(), first.location(), "without-crd", (withoutCrd.size() == 1
                    ? "the custom resource " : "the custom resources ") + String.join(", ", named)
                    + (more > 0 ? " and " + more + " more" : "") + " could not be judged: no CRD for "
                    + (withoutCrd.size() == 1 ? "it" : "them") + " in the manifests that were read; "
                    + unread.mayHold("it"), null, null));
        }
    }

    private void evaluate(Resource resource, Findings findings) {
        findings.looked();
        rules.findListTypes(resource.apiVersion(), resource.kind())
                .ifPresent(lists -> listTypes(resource, lists, "the CRD's schema", findings));
        rules.find(resource.apiVersion(), resource.kind())
                .ifPresent(schema -> evaluate(resource, schema, findings));
    }

    /**
     * A ClusterAPI object against its bundled CRD's list types and rules. Unlike a CRD among the manifests, whose every
     * rule is compiled when it is read (the API server would refuse the CRD), a bundled CRD's rule is compiled only when
     * an object reaches it, once per run: most ClusterAPI objects reach none, and building the CEL environment costs
     * about a second of CPU.
     */
    private void evaluate(Resource resource, ClusterApiRules.Rules bundled, Findings findings) {
        findings.looked();
        if (bundled.listTypes() != null) {
            listTypes(resource, bundled.listTypes(), "the schema of " + bundled.source(), findings);
        }
        if (bundled.rules() != null) {
            evaluate(resource, bundled.rules(), findings);
        }
    }

    /** @param schema how the fix names the schema: the CRD's, or the bundled CRD's with its source */
    private static void listTypes(Resource resource, ListTypeSchema lists, String schema, Findings findings) {
        for (ListTypeValidator.Violation violation : ListTypeValidator.validate(resource.json(), lists)) {
            findings.add(resource, violation.tokens(), violation.path() + " list-type",
                    resource.displayName() + ": " + violation.path() + ": " + violation.message(),
                    "make the items of this list unique: " + schema + " marks it "
                            + violation.marking());
        }
    }

    private void evaluate(Resource resource, RuleSchema schema, Findings findings) {
        evaluator.evaluate(resource.json(), schema, listener(resource, findings));
    }

    /** Reports for {@code resource}: a custom resource's violations, or a CRD's rules that do not compile. */
    private static RuleEvaluator.Listener listener(Resource resource, Findings findings) {
        return new RuleEvaluator.Listener() {
            @Override
            public void violation(RuleEvaluator.Violation violation) {
                Object value = TemplateVariables.valueAt(resource.json(), violation.tokens());
                if (!TemplateVariables.in(value).isEmpty()) {
                    // partitionType: '${PARTITION_TYPE}' in a clusterctl template: the API server sees the filled-in
                    // value, as manifest.schema says for a pattern
                    findings.skip(TemplateVariables.skip(resource, violation.tokens(),
                            violation.path() + " " + violation.rule().rule(), value));
                    return;
                }
                findings.add(resource, violation.tokens(), violation.path() + " " + violation.rule().rule(),
                        resource.displayName() + ": " + violation.path() + ": " + violation.message(),
                        "make the object satisfy the " + violation.rule().describe());
            }

            @Override
            public void refused(ValidationRule rule, String reason) {
                String key = "rule/" + rule.crd() + "/" + rule.place() + "/refused";
                String message = "the API server refuses the " + rule.describe()
                        + ", and the CustomResourceDefinition with it: " + reason;
                if (rule.bundled() != null) {
                    // ClusterAPI's own CRD, which the user cannot edit: the target's API server is what lacks
                    findings.add(new Finding(resource.ref(), resource.location(), key, message, "run this ClusterAPI"
                            + " release on a Kubernetes version whose API server offers what the rule uses (its"
                            + " release notes name the versions it supports)", null));
                    return;
                }
                findings.add(new Finding(null, rule.location(), key, message,
                        "name only fields the schema declares, with the types it gives them (self is typed from the"
                        + " schema node the rule is on), and only functions the target version offers", null));
            }

            @Override
            public void skipped(ValidationRule rule, String reason) {
                // a bundled CRD's rule is in no file: said at the first object that reached it
                findings.skip(new Finding(rule.bundled() != null ? resource.ref() : null,
                        rule.bundled() != null ? resource.location() : rule.location(),
                        "rule/" + rule.crd() + "/" + rule.place(), "the " + rule.describe() + " was not evaluated: "
                        + reason, null, null));
            }
        };
    }

    @Override
    public String passMessage(int looked) {
        if (looked == 0) {
            return "no custom resource of a CRD with validation rules or list types among the manifests";
        }
        return looked + (looked == 1 ? " custom resource satisfies" : " custom resources satisfy")
                + " the validation rules of its CRD";
    }

    @Override
    public CheckDescription.Explanation explanation() {
        return new CheckDescription.Explanation(
                "custom resources whose CRD is among the manifests, and ClusterAPI objects whose CRD Ascent bundles"
                        + " for kubernetes.clusterApi.version: every x-kubernetes-validations rule (CEL) of the"
                        + " CRD's schema, evaluated as the API server does on creation (defaults filled in, each rule"
                        + " on the values its schema node describes, with message, messageExpression, reason and"
                        + " fieldPath); transition rules (oldSelf), the authorizer library and rules over the cost"
                        + " bound are SKIP at the rule; and the items of x-kubernetes-list-type set and map lists are"
                        + " unique, as the API server checks them",
                "the API server refuses an object that breaks a rule, so the apply fails in the cluster",
                "change the value the message names so that the rule holds; the fix line quotes the rule");
    }
}
