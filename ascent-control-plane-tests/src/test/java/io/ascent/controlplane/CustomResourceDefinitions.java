package io.ascent.controlplane;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.openapi.apis.ApiextensionsV1Api;
import java.time.Duration;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** Creating a CustomResourceDefinition in a test and waiting until the API server serves it. */
final class CustomResourceDefinitions {

    private CustomResourceDefinitions() {
    }

    /**
     * A namespaced definition with one served and stored version.
     *
     * @param openApiSchema the version's {@code openAPIV3Schema}, as JSON
     */
    static String namespaced(String group, String plural, String kind, String version, String openApiSchema) {
        return """
                {
                  "apiVersion": "apiextensions.k8s.io/v1",
                  "kind": "CustomResourceDefinition",
                  "metadata": {"name": "%2$s.%1$s"},
                  "spec": {
                    "group": "%1$s",
                    "scope": "Namespaced",
                    "names": {"plural": "%2$s", "singular": "%3$s", "kind": "%4$s", "listKind": "%4$sList"},
                    "versions": [{"name": "%5$s", "served": true, "storage": true,
                                  "schema": {"openAPIV3Schema": %6$s}}]
                  }
                }
                """.formatted(group, plural, kind.toLowerCase(java.util.Locale.ROOT), kind, version, openApiSchema);
    }

    /**
     * Creates the definition and waits for its Established condition.
     *
     * <p>Sent as JSON, not as client-java's typed V1CustomResourceDefinition: its V1JSONSchemaProps serialises empty
     * defaults such as "dependencies": {}, which the API server forbids.
     */
    static void createEstablished(ClusterAccess cluster, String name, String definitionJson) throws Exception {
        Request request = new Request.Builder()
                .url(cluster.client().getBasePath() + "/apis/apiextensions.k8s.io/v1/customresourcedefinitions")
                .post(RequestBody.create(definitionJson, MediaType.get("application/json")))
                .build();
        try (Response response = cluster.client().getHttpClient().newCall(request).execute()) {
            assertThat(response.code()).as(response.peekBody(4096).string()).isEqualTo(201);
        }
        ApiextensionsV1Api extensions = new ApiextensionsV1Api(cluster.client());
        Eventually.await(name + " Established", Duration.ofSeconds(30),
                () -> extensions.readCustomResourceDefinition(name).execute(),
                definition -> definition.getStatus() != null && definition.getStatus().getConditions() != null
                        && definition.getStatus().getConditions().stream().anyMatch(
                                condition -> "Established".equals(condition.getType())
                                        && "True".equals(condition.getStatus())));
    }
}
