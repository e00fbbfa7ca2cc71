package io.ascent.controlplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.ApiextensionsV1Api;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import java.time.Duration;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ControlPlaneExtension.class)
class CustomResourceDefinitionTest {

    private static final String GROUP = "test.ascent.io";
    private static final String PLURAL = "widgets";
    private static final String NAME = PLURAL + "." + GROUP;

    /**
     * Sent as JSON, not as client-java's typed V1CustomResourceDefinition: its
     * V1JSONSchemaProps serialises empty defaults such as "dependencies": {},
     * which the API server forbids.
     */
    private static final String DEFINITION = """
            {
              "apiVersion": "apiextensions.k8s.io/v1",
              "kind": "CustomResourceDefinition",
              "metadata": {"name": "%s"},
              "spec": {
                "group": "%s",
                "scope": "Namespaced",
                "names": {"plural": "%s", "singular": "widget", "kind": "Widget", "listKind": "WidgetList"},
                "versions": [{
                  "name": "v1", "served": true, "storage": true,
                  "schema": {"openAPIV3Schema": {
                    "type": "object",
                    "required": ["spec"],
                    "properties": {"spec": {
                      "type": "object",
                      "properties": {"size": {"type": "integer", "minimum": 1}}
                    }}
                  }}
                }]
              }
            }
            """.formatted(NAME, GROUP, PLURAL);

    @Test
    void shouldEstablishCustomResourceDefinitionAndAcceptItsResources(ClusterAccess cluster) throws Exception {
        ApiextensionsV1Api extensions = new ApiextensionsV1Api(cluster.client());
        createDefinition(cluster);
        try {
            Eventually.await(NAME + " Established", Duration.ofSeconds(30),
                    () -> extensions.readCustomResourceDefinition(NAME).execute(),
                    definition -> definition.getStatus() != null && definition.getStatus().getConditions() != null
                            && definition.getStatus().getConditions().stream().anyMatch(
                                    condition -> "Established".equals(condition.getType())
                                            && "True".equals(condition.getStatus())));

            CustomObjectsApi objects = new CustomObjectsApi(cluster.client());
            objects.createNamespacedCustomObject(GROUP, "v1", cluster.namespace(), PLURAL, widget("small", 3))
                    .execute();

            @SuppressWarnings("unchecked")
            Map<String, Object> read = (Map<String, Object>) objects
                    .getNamespacedCustomObject(GROUP, "v1", cluster.namespace(), PLURAL, "small").execute();
            assertThat(read).extractingByKey("spec").isEqualTo(Map.of("size", 3.0));
            assertThatThrownBy(() -> objects.createNamespacedCustomObject(GROUP, "v1", cluster.namespace(), PLURAL,
                    widget("wrong", "three")).execute())
                    .as("the schema of the established definition is enforced")
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(422));
        } finally {
            extensions.deleteCustomResourceDefinition(NAME).execute();
        }
    }

    private static void createDefinition(ClusterAccess cluster) throws Exception {
        Request request = new Request.Builder()
                .url(cluster.client().getBasePath() + "/apis/apiextensions.k8s.io/v1/customresourcedefinitions")
                .post(RequestBody.create(DEFINITION, MediaType.get("application/json")))
                .build();
        try (Response response = cluster.client().getHttpClient().newCall(request).execute()) {
            assertThat(response.code()).as(response.peekBody(4096).string()).isEqualTo(201);
        }
    }

    private static Map<String, Object> widget(String name, Object size) {
        return Map.of(
                "apiVersion", GROUP + "/v1",
                "kind", "Widget",
                "metadata", Map.of("name", name),
                "spec", Map.of("size", size));
    }
}
