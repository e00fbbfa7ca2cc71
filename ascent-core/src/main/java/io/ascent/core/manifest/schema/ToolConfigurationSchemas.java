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

    /**
     * One tool's configuration kind.
     *
     * @param resource      the schema's class-path resource, beside this class
     * @param source        how reports name the schema
     * @param documentation where the tool documents the configuration
     */
    private record Tool(String resource, String source, String documentation) {
    }

    /** By {@code apiVersion kind}. */
    private static final Map<String, Tool> TOOLS = Map.of(
            "kind.x-k8s.io/v1alpha4 Cluster", new Tool("kind-cluster-v1alpha4.schema.json",
                    "Ascent's schema of kind's kind.x-k8s.io/v1alpha4 Cluster configuration (kind v0.32.0, which "
                            + "refuses unknown fields)",
                    "https://kind.sigs.k8s.io/docs/user/configuration/"));

    private ToolConfigurationSchemas() {
    }

    /** The schema of {@code apiVersion kind}, a new object each call; empty for anything but a tool's config. */
    static Optional<JSONObject> schema(String apiVersion, String kind) {
        Tool tool = TOOLS.get(apiVersion + " " + kind);
        if (tool == null) {
            return Optional.empty();
        }
        try (InputStream in = ToolConfigurationSchemas.class.getResourceAsStream(tool.resource())) {
            if (in == null) {
                throw new IllegalStateException("tool schema missing from the build: " + tool.resource());
            }
            return Optional.of(new JSONObject(new JSONTokener(in)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How reports name the schema of {@code apiVersion kind}; only for a kind {@link #schema} serves. */
    static String source(String apiVersion, String kind) {
        return TOOLS.get(apiVersion + " " + kind).source();
    }

    /** Where the tool documents the configuration of {@code apiVersion kind}; empty for anything else. */
    public static Optional<String> documentation(String apiVersion, String kind) {
        return Optional.ofNullable(TOOLS.get(apiVersion + " " + kind)).map(Tool::documentation);
    }
}
