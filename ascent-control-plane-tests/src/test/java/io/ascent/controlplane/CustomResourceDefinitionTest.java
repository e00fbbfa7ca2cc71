package io.ascent.controlplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.ApiextensionsV1Api;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ControlPlaneExtension.class)
class CustomResourceDefinitionTest {

    private static final String GROUP = "test.ascent.io";
    private static final String PLURAL = "widgets";
    private static final String NAME = PLURAL + "." + GROUP;

    private static final String DEFINITION = CustomResourceDefinitions.namespaced(GROUP, PLURAL, "Widget", "v1", """
            {
              "type": "object",
              "required": ["spec"],
              "properties": {"spec": {
                "type": "object",
                "properties": {"size": {"type": "integer", "minimum": 1}}
              }}
            }""");

    @Test
    void shouldEstablishCustomResourceDefinitionAndAcceptItsResources(ClusterAccess cluster) throws Exception {
        ApiextensionsV1Api extensions = new ApiextensionsV1Api(cluster.client());
        CustomResourceDefinitions.createEstablished(cluster, NAME, DEFINITION);
        try {
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

    private static Map<String, Object> widget(String name, Object size) {
        return Map.of(
                "apiVersion", GROUP + "/v1",
                "kind", "Widget",
                "metadata", Map.of("name", name),
                "spec", Map.of("size", size));
    }
}
