package io.ascent.core.manifest.check;

import io.ascent.core.manifest.LabelSelector;
import io.ascent.core.manifest.PodTemplate;
import io.ascent.core.manifest.Resource;
import io.ascent.core.report.CheckDescription;
import io.ascent.core.report.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.regex.Pattern;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * Every object has an {@code apiVersion}, a {@code kind} and a name ({@code metadata.name} or
 * {@code metadata.generateName}), and its name, namespace and labels are ones the API server accepts (the rules
 * of {@code k8s.io/apimachinery/pkg/util/validation}). Configuration files (AdmissionConfiguration, kind and
 * kubeadm configs, ...) have no metadata, so only their apiVersion and kind are required; nor need reviews
 * (SelfSubjectAccessReview, TokenReview). Also what the API server refuses of a workload's selector, and a list
 * kind without items.
 */
final class ShapeCheck implements ManifestCheck {
    static final String ID = "manifest.shape";

    private static final Pattern DNS_1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern DNS_1035_LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
    /** Kinds whose names are one DNS label, not a subdomain: they become host names or DNS zones. */
    private static final Set<String> LABEL_NAMED = Set.of("Namespace");
    /** Service names become DNS names and environment variable prefixes: RFC 1035, starting with a letter. */
    private static final Set<String> DNS_1035_NAMED = Set.of("Service");
    /** RBAC names only must not be "." or ".." or hold "/" or "%" (system:controller:... is valid). */
    private static final Set<String> PATH_SEGMENT_NAMED = Set.of("Role", "ClusterRole", "RoleBinding",
            "ClusterRoleBinding");

    /** Groups whose *Review kinds the API server answers without storing them. */
    private static final Set<String> REVIEW_GROUPS = Set.of("authentication.k8s.io", "authorization.k8s.io");
    /** Workloads whose selector must match their template's labels, and be non-empty (apps/v1). */
    private static final Set<String> SELECTOR_MATCHED = Set.of("Deployment", "ReplicaSet", "DaemonSet",
            "StatefulSet");

    private final ConfigurationKinds configurations;

    ShapeCheck(ConfigurationKinds configurations) {
        this.configurations = configurations;
    }

    /** Reads the metadata of every object but configuration kinds from its JSON copy. */
    @Override
    public boolean readsEveryCopy() {
        return true;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Resources have apiVersion, kind and a valid name";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    public void inspect(Resource resource, Findings findings) {
        findings.looked();
        String apiVersion = resource.apiVersion();
        String kind = resource.kind();
        if (resource.isListWithoutItems()) {
            findings.add(resource, List.of(), "items", resource.displayName() + ": a " + kind + " without items:"
                            + " kubectl reads a document as a list only when it has items, and no API serves " + kind
                            + " as an object",
                    "write items: [] for an empty list, or remove the document");
            return;
        }
        List<String> missing = new ArrayList<>();
        if (apiVersion == null || apiVersion.isBlank()) {
            missing.add("apiVersion");
        }
        if (kind == null || kind.isBlank()) {
            missing.add("kind");
        }
        if (!missing.isEmpty()) {
            findings.add(resource, List.of(), "apiVersion-kind",
                    resource.displayName() + ": the object has no " + String.join(" and no ", missing),
                    "add " + String.join(" and ", missing) + " at the top of the object, such as apiVersion: apps/v1"
                            + " and kind: Deployment");
        }
        if (configurations.isConfiguration(apiVersion, kind)) {
            return;
        }
        Object metadata = resource.json().opt("metadata");
        boolean review = isReview(apiVersion, kind);
        if (!(metadata instanceof JSONObject meta)) {
            if (!review) {
                findings.add(resource, List.of(), "metadata", resource.displayName() + ": the object has no metadata",
                        "add metadata: {name: <name>} (a lower-case DNS name such as web-frontend)");
            }
            return;
        }
        if (!review) {
            checkName(resource, kind, meta, findings);
        }
        checkNamespace(resource, meta.opt("namespace"), findings);
        checkLabels(resource, List.of("metadata", "labels"), meta.opt("labels"), findings);
        PodTemplate.of(resource).filter(pod -> pod.specTokens().size() > 1).ifPresent(pod -> {
            List<String> labels = new ArrayList<>(pod.specTokens().subList(0, pod.specTokens().size() - 1));
            labels.add("metadata");
            labels.add("labels");
            JSONObject template = objectAt(resource.json(), labels.subList(0, labels.size() - 1));
            checkLabels(resource, labels, template == null ? null : template.opt("labels"), findings);
        });
        checkSelector(resource, findings);
    }

    /**
     * {@code namespace: ~} and {@code namespace: ""} are no namespace, as kubectl and the API server read them: kubectl
     * sends the object to the namespace it applies to (its {@code GetNamespace()} reads both as empty) and the API
     * server fills an empty namespace from the request's path. So the object lands where the manifests are applied,
     * as the provisioner applies it too. Anything else must be a string the API server accepts as a name: a number,
     * list or mapping is refused when it decodes the object.
     */
    private static void checkNamespace(Resource resource, Object namespace, Findings findings) {
        if (namespace == null || JSONObject.NULL.equals(namespace) || "".equals(namespace)) {
            return;
        }
        if (!(namespace instanceof String name)) {
            findings.add(resource, List.of("metadata", "namespace"), "metadata/namespace",
                    resource.displayName() + ": metadata.namespace is " + (namespace instanceof JSONArray ? "a list"
                            : namespace instanceof JSONObject ? "a mapping" : namespace instanceof Boolean
                            ? "a boolean (" + namespace + ")" : "a number (" + namespace + ")") + ", not a string; the API server refuses the object",
                    "write the namespace's name, such as namespace: shop, or leave the key out for the namespace the"
                            + " manifests are applied to");
        } else if (!isLabel(name) && TemplateVariables.withDefaults(name) != null) {
            TemplateVariables.Defaulted defaulted = TemplateVariables.withDefaults(name);
            if (!isLabel(defaulted.text())) {
                findings.add(resource, List.of("metadata", "namespace"), "metadata/namespace",
                        resource.displayName() + ": namespace '" + defaulted.text() + "' is not a valid namespace name;"
                                + " " + defaulted.note(name),
                        "give the variable a default of at most 63 lower-case letters, digits and '-', starting and"
                                + " ending with a letter or digit");
            }
        } else if (!isLabel(name) && !TemplateVariables.in(name).isEmpty()
                && isLabel(TemplateVariables.filledIn(name))) {
            findings.skip(TemplateVariables.skip(resource, List.of("metadata", "namespace"), "metadata/namespace",
                    name));
        } else if (!isLabel(name)) {
            findings.add(resource, List.of("metadata", "namespace"), "metadata/namespace",
                    resource.displayName() + ": namespace '" + name + "' is not a valid namespace name",
                    "write a namespace of at most 63 lower-case letters, digits and '-', starting and ending with a"
                            + " letter or digit");
        }
    }

    /**
     * Reviews (SelfSubjectAccessReview, TokenReview, ...) are questions the API server answers and never stores:
     * it accepts them without metadata or a name.
     */
    private static boolean isReview(String apiVersion, String kind) {
        return apiVersion != null && kind != null && kind.endsWith("Review")
                && REVIEW_GROUPS.contains(apiVersion.substring(0, Math.max(0, apiVersion.indexOf('/'))));
    }

    /**
     * The API server refuses a Deployment, ReplicaSet, DaemonSet or StatefulSet whose selector is empty or does
     * not match its pod template's labels ("selector does not match template labels"), and a
     * ReplicationController or Job whose written selector does not. A missing selector is the schema's to report.
     */
    private static void checkSelector(Resource resource, Findings findings) {
        String kind = resource.kind();
        JSONObject spec = resource.json().optJSONObject("spec");
        Optional<PodTemplate> pod = PodTemplate.of(resource);
        if (spec == null || pod.isEmpty() || !(SELECTOR_MATCHED.contains(kind) || "ReplicationController".equals(kind)
                || "Job".equals(kind))) {
            return;
        }
        LabelSelector selector;
        if ("ReplicationController".equals(kind)) {
            JSONObject written = spec.optJSONObject("selector");
            if (written == null || written.isEmpty()) {
                return; // defaults to the template's labels
            }
            selector = LabelSelector.ofMap(written.toMap());
        } else if ("Job".equals(kind)) {
            JSONObject written = spec.optJSONObject("selector");
            if (written == null || isEmptySelector(written)) {
                return; // generated by the API server (it adds controller-uid to selector and labels alike)
            }
            selector = LabelSelector.of(written);
        } else {
            JSONObject written = spec.optJSONObject("selector");
            if (written == null) {
                return;
            }
            if (isEmptySelector(written)) {
                findings.add(resource, List.of("spec", "selector"), "spec/selector",
                        resource.displayName() + ": spec.selector is empty; the API server refuses an empty selector"
                                + " for a " + kind,
                        "select the pods by the labels of spec.template.metadata.labels, such as"
                                + " selector: {matchLabels: {app: web}}");
                return;
            }
            selector = LabelSelector.of(written);
        }
        if (!selector.matches(pod.get().labels())) {
            findings.add(resource, List.of("spec", "selector"), "spec/selector",
                    resource.displayName() + ": spec.selector (" + selector + ") does not match the pod template's"
                            + " labels (" + describe(pod.get().labels()) + "); the API server refuses it",
                    "give spec.template.metadata.labels every label the selector requires, or change the selector"
                            + " (it cannot change once the " + kind + " exists)");
        }
    }

    private static boolean isEmptySelector(JSONObject selector) {
        JSONObject labels = selector.optJSONObject("matchLabels");
        JSONArray expressions = selector.optJSONArray("matchExpressions");
        return (labels == null || labels.isEmpty()) && (expressions == null || expressions.isEmpty());
    }

    private static String describe(Map<String, Object> labels) {
        if (labels.isEmpty()) {
            return "none";
        }
        return labels.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }

    private void checkName(Resource resource, String kind, JSONObject meta, Findings findings) {
        Object name = meta.opt("name");
        Object generateName = meta.opt("generateName");
        if (name == null && generateName == null) {
            findings.add(resource, List.of("metadata"), "metadata/name",
                    resource.displayName() + ": the object has neither metadata.name nor metadata.generateName",
                    "add metadata.name: a lower-case DNS name such as web-frontend");
            return;
        }
        if (name == null) {
            return; // generateName is a prefix; the server appends a suffix and validates the whole
        }
        String problem = nameProblem(kind, name);
        if (problem != null && name instanceof String text && TemplateVariables.withDefaults(text) != null) {
            TemplateVariables.Defaulted defaulted = TemplateVariables.withDefaults(text);
            String defaultProblem = nameProblem(kind, defaulted.text());
            if (defaultProblem != null) {
                findings.add(resource, List.of("metadata", "name"), "metadata/name",
                        resource.displayName() + ": metadata.name '" + defaulted.text() + "' " + defaultProblem + "; "
                                + defaulted.note(name),
                        "give the variable a default that is a valid name: lower-case letters, digits and '-' (and"
                                + " '.' where the kind allows), starting and ending with a letter or digit");
            }
        } else if (problem != null && !TemplateVariables.in(name).isEmpty()
                && nameProblem(kind, TemplateVariables.filledIn((String) name)) == null) {
            findings.skip(TemplateVariables.skip(resource, List.of("metadata", "name"), "metadata/name", name));
        } else if (problem != null) {
            findings.add(resource, List.of("metadata", "name"), "metadata/name",
                    resource.displayName() + ": metadata.name '" + name + "' " + problem,
                    "rename it: lower-case letters, digits and '-' (and '.' where the kind allows), starting and"
                            + " ending with a letter or digit, such as web-frontend");
        }
    }

    /** Why the API server would refuse this name for this kind, or {@code null} when it accepts it. */
    static String nameProblem(String writtenKind, Object value) {
        String kind = writtenKind == null ? "" : writtenKind; // Set.of(...).contains(null) throws
        if (!(value instanceof String name)) {
            return "is not a string; quote it";
        }
        if (PATH_SEGMENT_NAMED.contains(kind)) {
            return name.isEmpty() || name.equals(".") || name.equals("..") || name.contains("/") || name.contains("%")
                    ? "cannot be '.', '..' or contain '/' or '%'" : null;
        }
        if (DNS_1035_NAMED.contains(kind)) {
            return name.length() <= 63 && DNS_1035_LABEL.matcher(name).matches() ? null
                    : "is not a DNS-1035 label (at most 63 lower-case letters, digits and '-', starting with a letter)";
        }
        if (LABEL_NAMED.contains(kind)) {
            return isLabel(name) ? null
                    : "is not a DNS-1123 label (at most 63 lower-case letters, digits and '-')";
        }
        return name.length() <= 253 && isDnsSubdomain(name) ? null
                : "is not a DNS-1123 subdomain (at most 253 lower-case letters, digits, '-' and '.')";
    }

    private static boolean isLabel(String name) {
        return name.length() <= 63 && DNS_1123_LABEL.matcher(name).matches();
    }

    private void checkLabels(Resource resource, List<String> tokens, Object labels, Findings findings) {
        if (!(labels instanceof JSONObject map)) {
            return;
        }
        List<String> keys = new ArrayList<>(map.keySet());
        keys.sort(null);
        for (String key : keys) {
            // The cheap test first: the path and the message are built only for a label that has a problem.
            String keyProblem = labelKeyProblem(key);
            Object value = map.get(key);
            String valueProblem = labelValueProblem(value);
            if (keyProblem == null && valueProblem == null) {
                continue;
            }
            List<String> at = new ArrayList<>(tokens);
            at.add(key);
            String where = String.join(".", tokens);
            if (keyProblem != null) {
                // At the key itself: the value is not what is wrong.
                findings.add(new Finding(resource.ref(), resource.document().locationOf(
                        resource.document().keyAt(resource.absolute(tokens), key)),
                        resource.displayName() + "/" + String.join("/", at),
                        resource.displayName() + ": label key '" + key + "' in " + where + " " + keyProblem,
                        "write label keys as [prefix/]name: a DNS subdomain prefix of at most 253 characters and a"
                                + " name of at most 63 letters, digits, '-', '_' and '.'", null));
            }
            if (valueProblem != null && value instanceof String text && TemplateVariables.withDefaults(text) != null) {
                TemplateVariables.Defaulted defaulted = TemplateVariables.withDefaults(text);
                String defaultProblem = labelValueProblem(defaulted.text());
                if (defaultProblem != null) {
                    findings.add(resource, at, String.join("/", at) + "/value", resource.displayName()
                            + ": the value of label '" + key + "' in " + where + " " + defaultProblem + "; "
                            + defaulted.note(value), "give the variable a default of at most 63 letters, digits, '-',"
                            + " '_' and '.', starting and ending with a letter or digit");
                }
            } else if (valueProblem != null && !TemplateVariables.in(value).isEmpty()
                    && labelValueProblem(TemplateVariables.filledIn((String) value)) == null) {
                findings.skip(TemplateVariables.skip(resource, at, String.join("/", at) + "/value", value));
            } else if (valueProblem != null) {
                findings.add(resource, at, String.join("/", at) + "/value",
                        resource.displayName() + ": the value of label '" + key + "' in " + where + " " + valueProblem,
                        value instanceof String ? "shorten it to at most 63 letters, digits, '-', '_' and '.',"
                                + " starting and ending with a letter or digit"
                                : "quote it: " + key + ": \"" + value + "\"");
            }
        }
    }

    static String labelKeyProblem(String key) {
        int slash = key.indexOf('/');
        String prefix = slash < 0 ? null : key.substring(0, slash);
        String name = slash < 0 ? key : key.substring(slash + 1);
        if (prefix != null && (prefix.isEmpty() || prefix.length() > 253 || !isDnsSubdomain(prefix))) {
            return "has a prefix that is not a DNS-1123 subdomain";
        }
        if (name.isEmpty() || name.length() > 63 || !isLabelName(name)) {
            return "has a name that is not at most 63 letters, digits, '-', '_' and '.' starting and ending with a"
                    + " letter or digit";
        }
        return null;
    }

    static String labelValueProblem(Object value) {
        if (!(value instanceof String text)) {
            return "is " + (value == JSONObject.NULL ? "null" : "not a string") + "; label values are strings";
        }
        if (text.isEmpty()) {
            return null;
        }
        return text.length() <= 63 && isLabelName(text) ? null
                : "'" + text + "' is not at most 63 letters, digits, '-', '_' and '.' starting and ending with a"
                        + " letter or digit";
    }

    /**
     * {@code ([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]}, Kubernetes' label name, without a regular expression: two
     * per label were most of this check's time on 50,000 objects (docs/performance.md, "Schema validation on the
     * loader threads"). {@code ShapeCheckTest} compares both on every short string of a small alphabet.
     */
    static boolean isLabelName(String text) {
        int last = text.length() - 1;
        if (last < 0 || !isAsciiLetterOrDigit(text.charAt(0)) || !isAsciiLetterOrDigit(text.charAt(last))) {
            return false;
        }
        for (int i = 1; i < last; i++) {
            char c = text.charAt(i);
            if (!isAsciiLetterOrDigit(c) && c != '-' && c != '_' && c != '.') {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code [a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*}, a DNS-1123 subdomain, without a
     * regular expression.
     */
    static boolean isDnsSubdomain(String text) {
        int start = 0;
        while (true) {
            int dot = text.indexOf('.', start);
            int end = dot < 0 ? text.length() : dot;
            if (end == start || !isLowerOrDigit(text.charAt(start)) || !isLowerOrDigit(text.charAt(end - 1))) {
                return false;
            }
            for (int i = start + 1; i < end - 1; i++) {
                char c = text.charAt(i);
                if (!isLowerOrDigit(c) && c != '-') {
                    return false;
                }
            }
            if (dot < 0) {
                return true;
            }
            start = dot + 1;
        }
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    private static boolean isLowerOrDigit(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
    }

    private static JSONObject objectAt(JSONObject root, List<String> tokens) {
        JSONObject current = root;
        for (String token : tokens) {
            current = current == null ? null : current.optJSONObject(token);
        }
        return current;
    }

    @Override
    public String passMessage(int looked) {
        return looked + (looked == 1 ? " resource has" : " resources: each has")
                + " apiVersion, kind and a valid name and labels";
    }

    @Override
    public CheckDescription.Explanation explanation() {
        return new CheckDescription.Explanation(
                "every object: apiVersion and kind, metadata.name (or generateName) except for configuration files a"
                        + " component reads, names and namespaces the API server accepts, label keys and values (a"
                        + " number or boolean label value is refused)",
                "the API server refuses the whole apply for one malformed object, so the deployment fails at release"
                        + " time instead of at review",
                "add what is missing, rename to a DNS-1123 name, quote label values (version: \"2\")");
    }
}
