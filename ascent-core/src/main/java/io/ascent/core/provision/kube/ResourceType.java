package io.ascent.core.provision.kube;

/**
 * A kind as the API server serves it, from discovery: where its objects live and whether they are namespaced.
 *
 * @param apiVersion {@code v1} or {@code group/version}
 * @param kind       the kind, such as {@code Deployment}
 * @param plural     the resource name in URLs, such as {@code deployments}
 * @param namespaced whether objects of this kind live in a namespace
 */
public record ResourceType(String apiVersion, String kind, String plural, boolean namespaced) {

    /** The URL of the collection: in {@code namespace} when namespaced, cluster-wide when {@code null}. */
    public String collectionPath(String namespace) {
        String root = apiVersion.contains("/") ? "/apis/" + apiVersion : "/api/" + apiVersion;
        return namespaced && namespace != null ? root + "/namespaces/" + namespace + "/" + plural : root + "/" + plural;
    }

    /** The URL of one object. */
    public String objectPath(String namespace, String name) {
        return collectionPath(namespace) + "/" + name;
    }

    /** The types the provisioner itself watches, known without asking discovery (they exist on every server). */
    public static final ResourceType POD = new ResourceType("v1", "Pod", "pods", true);
    public static final ResourceType EVENT = new ResourceType("v1", "Event", "events", true);
    public static final ResourceType NAMESPACE = new ResourceType("v1", "Namespace", "namespaces", false);
    public static final ResourceType JOB = new ResourceType("batch/v1", "Job", "jobs", true);
    public static final ResourceType CRD = new ResourceType("apiextensions.k8s.io/v1", "CustomResourceDefinition",
            "customresourcedefinitions", false);
}
