package io.ascent.core.manifest.check;

import io.ascent.core.jsonschema.SchemaViolation;
import io.ascent.core.manifest.Resource;
import io.ascent.core.manifest.api.KubernetesVersion;
import io.ascent.core.manifest.schema.ClusterApiSchemas;
import io.ascent.core.manifest.schema.CustomResourceSchemas;
import io.ascent.core.manifest.schema.ResourceSchemaValidator;
import io.ascent.core.manifest.schema.SchemaResult;
import io.ascent.core.manifest.schema.ToolConfigurationSchemas;
import io.ascent.core.report.CheckDescription;
import io.ascent.core.report.Severity;
import io.ascent.core.yaml.YamlDocument;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every resource matches the JSON schema of its kind for the target Kubernetes version: the bundled schemas,
 * the checklist's schema locations, or the CRDs found among the manifests. In strict mode an unknown field is a
 * finding at its key.
 *
 * <p>Objects no schema location covers are validated once every manifest has been read, since their CRD may come
 * in a later file; those objects (usually few custom resources) are kept until then. A resource no schema covers is reported as skipped, with the
 * reason, never as passed.
 *
 * <p>Its failures are about something present (a field of an object against a schema found), so a partial set
 * ({@link UnreadParts}) changes none. What concludes from absence is the SKIP of an object whose remedy is a CRD
 * ({@link SchemaResult.Remedy.Kind#ADD_CRD}: "add its CRD to the manifests"): when part of the set was not read the
 * CRD may be written there, so the SKIP names the unread parts and asks for them to be fixed first, and suggests
 * adding the CRD only otherwise.
 */
final class SchemaCheck implements ManifestCheck {
    static final String ID = "manifest.schema";
    private static final String CRD_KIND = "CustomResourceDefinition";
    /** kubeconform's usual location for releases Ascent does not bundle. */
    private static final String YANNH_SCHEMAS = "https://raw.githubusercontent.com/yannh/kubernetes-json-schema/master/"
            + "{{ .NormalizedKubernetesVersion }}-standalone{{ .StrictSuffix }}/{{ .ResourceKind }}{{ .KindSuffix }}.json";

    private final Validators validators;
    private final boolean strict;
    private final KubernetesVersion target;
    private final ResourceSchemaValidator withoutCrds;
    private final List<YamlDocument> crdDocuments = new ArrayList<>();
    private final List<Resource> waitingForCrds = new ArrayList<>();
    /**
     * Results of {@link #prepare}, each taken by the object's {@link #inspect}: at most as many as the step parses
     * ahead. Validation without CRDs needs no other object (CRDs count only for objects no schema covers, which wait
     * for {@link #finish} whoever validated them first), so a result is the same on whichever thread it is made.
     */
    private final Map<Resource, SchemaResult> validatedAhead = new ConcurrentHashMap<>();
    /** Why the bundled schemas cannot serve the target (older than the oldest bundled release), if they cannot. */
    private final Optional<String> bundleGap;
    /** Objects left unvalidated for that reason: said once, not once per object. */
    private final Set<String> uncoveredKinds = new TreeSet<>();
    private Resource firstUncovered;
    private int uncovered;
    /** What no check saw: a custom resource's CRD may be there. */
    private UnreadParts unread = UnreadParts.NONE;

    /** Builds the run's validators (the checklist's locations and strictness). */
    @FunctionalInterface
    interface Validators {
        /**
         * @param crds           the CRD documents found so far
         * @param everyCrdKnown  whether every manifest has been read: only then do sources that a CRD in the manifests
         *                       must be able to override apply (ClusterAPI's bundled CRDs)
         */
        ResourceSchemaValidator build(List<YamlDocument> crds, boolean everyCrdKnown);
    }

    /**
     * @param validators builds a validator with the given CRD documents
     * @param target     the version to validate against, or {@code null} (the step then skips the check)
     */
    SchemaCheck(Validators validators, boolean strict, KubernetesVersion target) {
        this.validators = validators;
        this.strict = strict;
        this.target = target;
        this.withoutCrds = target == null ? null : validators.build(List.of(), false);
        this.bundleGap = target == null ? Optional.empty() : withoutCrds.registry().bundleGap(target);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Resources match the Kubernetes schema of the target version";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    public boolean judgedPerVersion() {
        return true;
    }

    @Override
    public boolean lacksTarget() {
        return target == null;
    }

    @Override
    public void prepare(Resource resource) {
        if (target == null || !judged(resource)) {
            return;
        }
        SchemaResult result = validateWithoutCrds(resource);
        if (!Thread.currentThread().isInterrupted()) { // a fetch cut short by cancelling is no answer to keep
            validatedAhead.put(resource, result);
        }
    }

    @Override
    public void inspect(Resource resource, Findings findings) {
        if (!judged(resource)) {
            return; // manifest.shape reports it
        }
        if (CRD_KIND.equals(resource.kind())) {
            crdDocuments.add(resource.document());
        }
        SchemaResult result = validatedAhead.remove(resource);
        if (result == null) {
            result = validateWithoutCrds(resource);
        }
        if (result instanceof SchemaResult.Skipped) {
            // Any group may be served by a CRD (snapshot.storage.k8s.io is), so every kind without a schema
            // waits until every CRD in the manifests is known.
            waitingForCrds.add(resource);
            return;
        }
        record(resource, result, findings, withoutCrds);
    }

    private static boolean judged(Resource resource) {
        return resource.apiVersion() != null && resource.kind() != null && !resource.isListWithoutItems();
    }

    private SchemaResult validateWithoutCrds(Resource resource) {
        return withoutCrds.validate(resource.document(), resource.pointer(), resource.apiVersion(), resource.kind(),
                target);
    }

    @Override
    public void partialSet(UnreadParts unread) {
        this.unread = unread;
    }

    @Override
    public void finish(Findings findings) {
        validatedAhead.clear(); // empty when every prepared object was inspected
        if (waitingForCrds.isEmpty()) {
            return;
        }
        ResourceSchemaValidator withCrds = validators.build(crdDocuments, true);
        for (CustomResourceSchemas.Problem problem : CustomResourceSchemas.from(crdDocuments, strict).problems()) {
            findings.add(new Finding(null, problem.location(), "crd/" + problem.location().path() + ":"
                    + problem.location().line(), problem.message(), "fix the CRD's openAPIV3Schema", null));
        }
        for (Resource resource : waitingForCrds) {
            record(resource, withCrds.validate(resource.document(), resource.pointer(), resource.apiVersion(),
                    resource.kind(), target), findings, withCrds);
        }
        waitingForCrds.clear();
        if (uncovered > 0) {
            findings.skip(new Finding(firstUncovered.ref(), firstUncovered.location(), "schemas/" + target,
                    uncovered + (uncovered == 1 ? " resource was" : " resources were") + " not validated ("
                            + String.join(", ", uncoveredKinds) + "): " + bundleGap.orElseThrow()
                            + ", and no other schema location has them; add one with schemas for " + target
                            + " to kubernetes.schemaLocations, such as " + YANNH_SCHEMAS + ", or target 1.22 or"
                            + " later", null, null));
        }
    }

    /** @param validator what gave {@code result}: a value filled in with its template default is validated again */
    private void record(Resource resource, SchemaResult result, Findings findings,
            ResourceSchemaValidator validator) {
        if (result instanceof SchemaResult.Skipped skipped) {
            if (bundleGap.isPresent()) {
                uncovered++;
                uncoveredKinds.add(resource.kind());
                firstUncovered = firstUncovered == null ? resource : firstUncovered;
                return;
            }
            findings.skip(resource, sentence(skipped));
            return;
        }
        findings.looked();
        String reference = "see " + ToolConfigurationSchemas.documentation(resource.apiVersion(), resource.kind())
                .orElse("the API reference of " + resource.apiVersion() + " " + resource.kind());
        String source = ((SchemaResult.Checked) result).source();
        if (ClusterApiSchemas.isBundled(source)) {
            reference = "checked against " + source + "; " + reference;
        }
        Map<List<String>, TemplateVariables.Defaulted> defaulted = new LinkedHashMap<>();
        Map<List<String>, SchemaViolation> defaultedAt = new LinkedHashMap<>();
        for (SchemaViolation violation : ((SchemaResult.Checked) result).violations()) {
            List<String> tokens = TemplateVariables.tokens(violation.pointer());
            Object value = TemplateVariables.valueAt(resource.document().json(), tokens);
            TemplateVariables.Defaulted filled = value instanceof String text ? TemplateVariables.withDefaults(text)
                    : null;
            if (filled != null) {
                // every variable has a default: judged as filled in, below
                defaulted.putIfAbsent(tokens, filled);
                defaultedAt.putIfAbsent(tokens, violation);
                continue;
            }
            if (!TemplateVariables.in(value).isEmpty()) {
                // ${CLUSTER_NAME}, '${WORKER_MACHINE_COUNT}' where an integer goes: a template's, not the object's
                List<String> inResource = tokens.subList(Math.min(resource.pointer().size(), tokens.size()),
                        tokens.size());
                findings.skip(TemplateVariables.skip(resource, violation.location(), inResource,
                        String.join("/", inResource) + " " + violation.keyword(), value));
                continue;
            }
            // an apiVersion the manifests' CRD does not define: the message says which to write; no reference has it
            String remedy = violation.keyword().equals("apiVersion") && violation.pointer().equals("/apiVersion")
                    ? "move the object to a version its CustomResourceDefinition serves" : reference;
            findings.add(new Finding(resource.ref(), violation.location(),
                    resource.displayName() + violation.pointer() + " " + violation.keyword(),
                    resource.displayName() + ": " + violation.message(), remedy, null));
        }
        if (!defaulted.isEmpty()) {
            judgeDefaults(resource, defaulted, defaultedAt, validator, reference, findings);
        }
    }

    /**
     * Validates the values whose every variable has a default as clusterctl writes them when none is set: what
     * fails then is a finding at the value as written (the template's default is wrong); what passes is fine.
     */
    private void judgeDefaults(Resource resource, Map<List<String>, TemplateVariables.Defaulted> defaulted,
            Map<List<String>, SchemaViolation> at, ResourceSchemaValidator validator, String reference,
            Findings findings) {
        YamlDocument filled = DefaultedDocument.of(resource.document(), defaulted);
        SchemaResult again = filled == null ? null
                : validator.validate(filled, resource.pointer(), resource.apiVersion(), resource.kind(), target);
        List<String> prefix = resource.pointer();
        for (Map.Entry<List<String>, TemplateVariables.Defaulted> value : defaulted.entrySet()) {
            List<String> tokens = value.getKey();
            Object written = TemplateVariables.valueAt(resource.document().json(), tokens);
            SchemaViolation original = at.get(tokens);
            if (!(again instanceof SchemaResult.Checked checked)) {
                // the default does not read as one YAML value: not judged, as a value without a default
                List<String> inResource = tokens.subList(Math.min(prefix.size(), tokens.size()), tokens.size());
                findings.skip(TemplateVariables.skip(resource, original.location(), inResource,
                        String.join("/", inResource) + " " + original.keyword(), written));
                continue;
            }
            Set<String> said = new HashSet<>();
            for (SchemaViolation violation : checked.violations()) {
                List<String> where = TemplateVariables.tokens(violation.pointer());
                if (where.size() >= tokens.size() && where.subList(0, tokens.size()).equals(tokens)
                        && said.add(violation.message())) {
                    findings.add(new Finding(resource.ref(), original.location(),
                            resource.displayName() + violation.pointer() + " " + violation.keyword(),
                            resource.displayName() + ": " + violation.message() + "; " + value.getValue()
                                    .note(written), "give the variable a default the schema accepts; " + reference,
                            null));
                }
            }
        }
    }

    /**
     * Why the resource was skipped and what would give it a schema. A CRD remedy concludes from absence: while part of
     * the set was not read the CRD may be written there, so that part comes first and the CRD only "otherwise".
     */
    private String sentence(SchemaResult.Skipped skipped) {
        return skipped.remedy()
                .filter(remedy -> remedy.kind() == SchemaResult.Remedy.Kind.ADD_CRD && !unread.isEmpty())
                .map(remedy -> skipped.reason() + "; " + unread.mayHold("its CRD") + "; otherwise " + remedy.text())
                .orElseGet(skipped::sentence);
    }

    @Override
    public String passMessage(int looked) {
        return looked + (looked == 1 ? " resource matches its schema" : " resources match their schemas");
    }

    @Override
    public CheckDescription.Explanation explanation() {
        return new CheckDescription.Explanation(
                "every object, validated against the JSON schema of its apiVersion/kind for the target version"
                        + " (bundled schemas, kubernetes.schemaLocations, then the manifests' CRDs); with"
                        + " kubernetes.strict unknown fields are findings",
                "a misspelt or misplaced field is silently dropped by the API server or refused at apply, so the"
                        + " object does not do what the file says",
                "the message names the field and what it must be; for a custom resource, add its CRD to the"
                        + " manifests or a schema location");
    }
}
