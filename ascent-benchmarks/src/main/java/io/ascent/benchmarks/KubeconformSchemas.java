package io.ascent.benchmarks;

import io.ascent.core.manifest.api.KubernetesVersion;
import io.ascent.core.manifest.schema.KubernetesSchemaBundle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.json.JSONObject;

/**
 * Exports the schemas Ascent bundles, exactly as it compiles them in strict mode, into a folder kubeconform reads
 * with {@code -schema-location 'OUT/{{ .ResourceKind }}{{ .KindSuffix }}.json'}, so that a side-by-side run
 * validates against the same schemas. Usage:
 * {@code java -cp benchmarks.jar io.ascent.benchmarks.KubeconformSchemas OUT VERSION "apps/v1 Deployment" ...}.
 */
public final class KubeconformSchemas {
    private KubeconformSchemas() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        KubernetesSchemaBundle bundle = KubernetesSchemaBundle.builtIn();
        KubernetesVersion release = bundle.releaseFor(KubernetesVersion.parse(args[1])).orElseThrow(
                () -> new IllegalArgumentException("no bundled release for " + args[1]));
        Files.createDirectories(out);
        for (int i = 2; i < args.length; i++) {
            String[] pair = args[i].trim().split("\\s+");
            JSONObject schema = bundle.schema(release, pair[0], pair[1], true).orElseThrow(
                    () -> new IllegalArgumentException("no bundled schema for " + String.join(" ", pair)));
            Files.writeString(out.resolve(pair[1].toLowerCase(Locale.ROOT) + kindSuffix(pair[0]) + ".json"),
                    schema.toString(), StandardCharsets.UTF_8);
        }
    }

    /** kubeconform's {@code KindSuffix}: {@code -apps-v1}, {@code -v1}, {@code -networking-v1}. */
    private static String kindSuffix(String apiVersion) {
        String[] groupVersion = apiVersion.split("/");
        String suffix = "-" + groupVersion[0].split("\\.")[0].toLowerCase(Locale.ROOT);
        return groupVersion.length > 1 ? suffix + "-" + groupVersion[1].toLowerCase(Locale.ROOT) : suffix;
    }
}
