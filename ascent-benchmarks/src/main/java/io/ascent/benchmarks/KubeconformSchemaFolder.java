package io.ascent.benchmarks;

import io.ascent.core.manifest.api.KubernetesVersion;
import io.ascent.core.manifest.schema.ResourceSchemaValidator;
import io.ascent.core.manifest.schema.SchemaRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes the schemas Ascent validates some kinds with as a kubeconform schema folder
 * ({@code OUT/vX.Y.0-standalone-strict/<kind>-<group>-<version>.json}), so that a side-by-side benchmark gives
 * kubeconform exactly Ascent's schemas and no network ({@code bench/startup-vs-kubeconform.sh}).
 *
 * <p>Usage: {@code java -cp ascent-benchmarks/target/benchmarks.jar io.ascent.benchmarks.KubeconformSchemaFolder
 * OUT X.Y apiVersion/Kind...}, such as {@code apps/v1/Deployment v1/Service}.
 */
public final class KubeconformSchemaFolder {

    private KubeconformSchemaFolder() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        KubernetesVersion target = KubernetesVersion.parse(args[1]);
        Path folder = out.resolve("v" + args[1] + ".0-standalone-strict");
        Files.createDirectories(folder);
        SchemaRegistry registry = ResourceSchemaValidator.builder().build().registry();
        for (int i = 2; i < args.length; i++) {
            int slash = args[i].lastIndexOf('/');
            String apiVersion = args[i].substring(0, slash);
            String kind = args[i].substring(slash + 1);
            if (!(registry.lookup(target, apiVersion, kind) instanceof SchemaRegistry.Found found)) {
                throw new IllegalArgumentException("no bundled schema for " + args[i] + " at " + args[1]);
            }
            Files.writeString(folder.resolve(fileName(apiVersion, kind)), found.json().toString(),
                    StandardCharsets.UTF_8);
        }
    }

    /** kubeconform's {@code {{ .ResourceKind }}{{ .KindSuffix }}.json}: {@code deployment-apps-v1.json}. */
    static String fileName(String apiVersion, String kind) {
        String[] parts = apiVersion.split("/");
        String suffix = parts.length == 1 ? "-" + parts[0]
                : "-" + parts[0].split("\\.")[0] + "-" + parts[1];
        return kind.toLowerCase(Locale.ROOT) + suffix + ".json";
    }
}
