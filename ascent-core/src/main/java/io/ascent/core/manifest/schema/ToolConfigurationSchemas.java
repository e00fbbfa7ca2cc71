package io.ascent.core.manifest.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import org.json.JSONObject;
import org.json.JSONTokener;

/**
 * Schemas of the configuration files of the tools Ascent drives, which no API server serves and no CRD describes:
 * today kind's {@code kind.x-k8s.io/v1alpha4 Cluster}, the file {@code provision.cluster.config} names. Without one,
 * a misspelt field there ({@code extraPortMapping}, {@code podSubnt}) passed validation and stopped
 * {@code kind create cluster} after the run had started; with it the field is reported at its line before any
 * cluster exists.
 *
 * <p>Always strict, whatever {@code kubernetes.strict} says: kind decodes its configuration with unknown fields
 * refused (go-yaml's {@code KnownFields}), so an unknown field fails there in every case. The schema and how it was
 * derived are described in {@code TOOL-SCHEMAS.md} beside it.
 */
public final class ToolConfigurationSchemas {

    private static final Map<String, String> RESOURCES = Map.of(
            "kind.x-k8s.io/v1alpha4 Cluster", "kind-cluster-v1alpha4.schema.json");

    private static final Map<String, String> SOURCES = Map.of(
            "kind.x-k8s.io/v1alpha4 Cluster",
            "Ascent's schema of kind's kind.x-k8s.io/v1alpha4 Cluster configuration (kind v0.32.0, which refuses "
                    + "unknown fields)");

    private static final Map<String, String> DOCUMENTATION = Map.of(
            "kind.x-k8s.io/v1alpha4 Cluster", "https://kind.sigs.k8s.io/docs/user/configuration/");

    private ToolConfigurationSchemas() {
    }

    /** The schema of {@code apiVersion kind}, a new object each call; empty for anything but a tool's config. */
    static Optional<JSONObject> schema(String apiVersion, String kind) {
        String resource = RESOURCES.get(apiVersion + " " + kind);
        if (resource == null) {
            return Optional.empty();
        }
        try (InputStream in = ToolConfigurationSchemas.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("tool schema missing from the build: " + resource);
            }
            return Optional.of(new JSONObject(new JSONTokener(in)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How reports name the schema of {@code apiVersion kind}. */
    static String source(String apiVersion, String kind) {
        return SOURCES.get(apiVersion + " " + kind);
    }

    /** Where the tool documents the configuration of {@code apiVersion kind}; empty for anything else. */
    public static Optional<String> documentation(String apiVersion, String kind) {
        return Optional.ofNullable(DOCUMENTATION.get(apiVersion + " " + kind));
    }
}
