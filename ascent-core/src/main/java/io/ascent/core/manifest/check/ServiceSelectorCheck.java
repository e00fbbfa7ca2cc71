package io.ascent.core.manifest.check;

import io.ascent.core.manifest.LabelSelector;
import io.ascent.core.manifest.PodTemplate;
import io.ascent.core.manifest.Resource;
import io.ascent.core.manifest.ResourceRef;
import io.ascent.core.manifest.api.ApiLifecycleTable;
import io.ascent.core.report.CheckDescription;
import io.ascent.core.report.Location;
import io.ascent.core.report.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.json.JSONObject;

/**
 * Every Service with a selector selects the pods of some workload in its own namespace; a typo in a label leaves
 * the Service without endpoints, which no schema catches. Services without a selector (ExternalName, or endpoints
 * managed by hand) are not looked at.
 *
 * <p>Only a selector that provably matches nothing the manifests create fails. Labels a controller adds to the
 * pods it creates ({@link ControllerLabels}) count as present on that controller's pods when the value could be
 * the controller's. Pods an operator creates from a custom resource are invisible here: when a Service matches no
 * pod and a custom resource sits in its namespace, the check cannot judge it and says so (SKIP), naming them.
 *
 * <p>Its only failure concludes from absence (no workload with those labels), so when part of the set was not read
 * ({@link UnreadParts}: a file that did not parse, a failed render) an unmatched Service is a SKIP naming the unread
 * files instead: the workload may be written in one of them, and "make spec.selector equal to the labels of the
 * workload" would send the user to change a Service that is right.
 */
final class ServiceSelectorCheck implements ManifestCheck {
    static final String ID = "manifest.service-selector";
    /** Custom resources named in one SKIP message; the rest are counted. */
    private static final int NAMED = 3;

    private final ApiLifecycleTable table;
    /**
     * The Services with a selector that matched no pods when they were read, in manifest order; one that matched
     * then matches at the end too (pods are only added), so it is not kept.
     */
    private final List<Service> services = new ArrayList<>();
    /**
     * Pods by namespace and one of their template labels, and every pod of a namespace under the namespace alone:
     * a Service is tried only against pods it could select.
     */
    private final Map<LabelKey, List<Pods>> podsByLabel = new HashMap<>();
    /** Custom resources by namespace, in manifest order: what an operator may turn into pods. */
    private final Map<String, List<String>> customResources = new HashMap<>();
    /** What no check saw: an unmatched Service may be matched there. */
    private UnreadParts unread = UnreadParts.NONE;

    /** @param table tells built-in kinds from custom resources */
    ServiceSelectorCheck(ApiLifecycleTable table) {
        this.table = table;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Service selectors match a workload";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    public void inspect(Resource resource, Findings findings) {
        if ("Service".equals(resource.kind())) {
            JSONObject spec = resource.json().optJSONObject("spec");
            JSONObject selector = spec == null ? null : spec.optJSONObject("selector");
            if (selector != null && !selector.isEmpty() && !"ExternalName".equals(spec.opt("type"))) {
                Map<String, String> labels = new TreeMap<>();
                selector.toMap().forEach((k, v) -> {
                    if (v != null) {
                        labels.put(k, String.valueOf(v));
                    }
                });
                if (matched(resource.landingNamespace(), labels)) {
                    findings.looked(); // one that is a SKIP in the end is not counted by the PASS
                } else {
                    services.add(new Service(resource.ref(), resource.locationAt(List.of("spec", "selector")),
                            labels));
                }
            }
            return;
        }
        var pod = PodTemplate.of(resource);
        if (pod.isPresent()) {
            // Kept until the end: the kind as the interned constant, the labels compact.
            Pods pods = new Pods(resource.kind().intern(), ownName(resource),
                    LabelSelector.compact(pod.get().labels()));
            String namespace = resource.landingNamespace();
            podsByLabel.computeIfAbsent(new LabelKey(namespace, null, null), k -> new ArrayList<>()).add(pods);
            for (Map.Entry<String, Object> label : pods.labels().entrySet()) {
                podsByLabel.computeIfAbsent(new LabelKey(namespace, label.getKey(), String.valueOf(label.getValue())),
                        k -> new ArrayList<>(1)).add(pods);
            }
        } else if (isCustomResource(resource)) {
            customResources.computeIfAbsent(resource.landingNamespace(), k -> new ArrayList<>()).add(resource.displayName());
        }
    }

    @Override
    public void partialSet(UnreadParts unread) {
        this.unread = unread;
    }

    @Override
    public void finish(Findings findings) {
        for (Service service : services) {
            String namespace = service.ref().namespace();
            if (matched(namespace, service.selector())) {
                findings.looked();
                continue;
            }
            String where = namespace.isEmpty() ? "" : " in namespace " + namespace;
            List<String> invisible = customResources.getOrDefault(namespace, List.of());
            if (!invisible.isEmpty()) {
                findings.skip(new Finding(service.ref(), service.selectorAt(), service.ref().displayName(),
                        service.ref().displayName() + " selects " + service.describe()
                                + ", which no workload in these manifests has" + where + "; "
                                + describe(invisible) + " may create those pods, but what an operator creates"
                                + " cannot be seen in manifests",
                        null, null));
                continue;
            }
            if (!unread.isEmpty()) {
                findings.skip(new Finding(service.ref(), service.selectorAt(), service.ref().displayName(),
                        service.ref().displayName() + " selects " + service.describe()
                                + ", which no workload in the manifests that were read has" + where + "; "
                                + unread.mayHold("the workload it fronts"),
                        null, null));
                continue;
            }
            findings.looked();
            findings.add(new Finding(service.ref(), service.selectorAt(), service.ref().displayName(),
                    service.ref().displayName() + " selects " + service.describe()
                            + ", but no workload in these manifests has pods with those labels" + where,
                    "make spec.selector equal to labels of the pod template (spec.template.metadata.labels)"
                            + " of the workload this Service fronts" + (namespace.isEmpty() ? ""
                                    : ", in namespace " + namespace + " (a Service only selects pods in its own"
                                            + " namespace)"),
                    null));
        }
    }

    /** Whether pods read so far in {@code namespace} carry, or get from their controller, every label selected. */
    private boolean matched(String namespace, Map<String, String> selector) {
        LabelKey anchor = selector.entrySet().stream()
                .filter(e -> !ControllerLabels.isControllerLabel(e.getKey()))
                .map(e -> new LabelKey(namespace, e.getKey(), e.getValue())).findFirst()
                .orElse(new LabelKey(namespace, null, null));
        return podsByLabel.getOrDefault(anchor, List.of()).stream().anyMatch(pods -> selects(selector, pods));
    }

    private static String describe(List<String> customResources) {
        String named = String.join(", ", customResources.subList(0, Math.min(NAMED, customResources.size())));
        int more = customResources.size() - NAMED;
        return "the custom resource" + (customResources.size() == 1 ? " " : "s ") + named
                + (more > 0 ? " and " + more + " more" : "") + " in the same namespace";
    }

    /**
     * A kind no built-in API serves, which is not itself a pod's template: some operator's business. A kind of a
     * built-in group the table does not hold (admissionregistration.k8s.io/v1alpha1 InitializerConfiguration, gone
     * since 1.14) is not one: no operator turns it into pods.
     */
    private boolean isCustomResource(Resource resource) {
        String apiVersion = resource.apiVersion();
        String kind = resource.kind();
        if (apiVersion == null || kind == null) {
            return false;
        }
        int slash = apiVersion.indexOf('/');
        String group = slash < 0 ? "" : apiVersion.substring(0, slash);
        return !table.knowsGroup(group) && table.versionsOf(group, kind).isEmpty();
    }

    /** {@code metadata.name}, or {@code null} for a generated name, which the controller's labels then follow. */
    private static String ownName(Resource resource) {
        JSONObject metadata = resource.json().optJSONObject("metadata");
        return metadata != null && metadata.opt("name") instanceof String name ? name : null;
    }

    @Override
    public String passMessage(int looked) {
        return looked == 0 ? "no Service with a selector"
                : looked + (looked == 1 ? " Service: its selector matches" : " Services: every selector matches")
                        + " the pods of a workload";
    }

    /** The pods one workload creates: its kind and name decide which labels its controller adds. */
    private record Pods(String kind, String name, Map<String, Object> labels) {
    }

    /**
     * A namespace and one label ({@code value} as {@code String.valueOf} writes it), or the namespace alone (key
     * and value {@code null}): how pods are indexed.
     */
    private record LabelKey(String namespace, String key, String value) {
    }

    private static boolean selects(Map<String, String> selector, Pods pods) {
        for (Map.Entry<String, String> wanted : selector.entrySet()) {
            Object have = pods.labels().get(wanted.getKey());
            boolean present = have != null ? String.valueOf(have).equals(wanted.getValue())
                    : ControllerLabels.mayAdd(pods.kind(), pods.name(), wanted.getKey(), wanted.getValue());
            if (!present) {
                return false;
            }
        }
        return true;
    }

    private record Service(ResourceRef ref, Location selectorAt, Map<String, String> selector) {
        String describe() {
            List<String> parts = new ArrayList<>();
            selector.forEach((k, v) -> parts.add(k + "=" + v));
            return String.join(", ", parts);
        }
    }

    @Override
    public CheckDescription.Explanation explanation() {
        return new CheckDescription.Explanation(
                "every Service with a selector: some workload's pod template in the Service's own namespace carries"
                        + " every selected label, or its controller adds it (statefulset.kubernetes.io/pod-name,"
                        + " pod-template-hash, job-name, ...); unmatched while a custom resource sits in that"
                        + " namespace is a SKIP, since an operator may create the pods, and so is unmatched while a"
                        + " manifest file could not be read (manifest.parse), since the workload may be in it",
                "a selector that matches no pod gives a Service without endpoints: every request fails although"
                        + " everything applied",
                "make spec.selector equal to the pod template labels of the workload the Service fronts");
    }
}
