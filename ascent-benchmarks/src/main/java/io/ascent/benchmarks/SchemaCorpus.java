package io.ascent.benchmarks;

import io.ascent.core.manifest.api.KubernetesVersion;
import io.ascent.core.manifest.schema.ResourceSchemaValidator;
import io.ascent.core.manifest.schema.SchemaRegistry;
import io.ascent.core.workspace.ConfinedFiles;
import io.ascent.core.yaml.SafeYamlLoader;
import io.ascent.core.yaml.YamlDocument;
import io.ascent.core.yaml.YamlInputException;
import io.ascent.core.yaml.YamlLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * The benchmark corpus of manifest schema validation: Google's microservices-demo release manifests (Apache-2.0,
 * 35 resources: Deployments, Services, ServiceAccounts) copied {@code copies} times with every resource renamed,
 * one file per copy. {@code main} also exports the same documents and the exact schemas Ascent compiles for them,
 * as JSON, for the ajv side-by-side ({@code tools/bench-ajv}).
 *
 * <p>Usage: {@code java -cp ascent-benchmarks/target/benchmarks.jar io.ascent.benchmarks.SchemaCorpus OUT_DIR [COPIES]}
 */
public final class SchemaCorpus {
    /** Where the source manifests are; override with -Dascent.bench.manifests=FILE. */
    public static final String SOURCE = System.getProperty("ascent.bench.manifests",
            "/work/shared/data/k8s-corpus/microservices-demo/release/kubernetes-manifests.yaml");
    public static final KubernetesVersion TARGET = KubernetesVersion.of(1, 30);
    private static final Pattern NAME = Pattern.compile("(?m)^(  name: |    app: |        app: |      app: )(\\S+)$");

    /** One resource of the corpus. */
    public record Resource(YamlDocument document, String apiVersion, String kind) {
    }

    private SchemaCorpus() {
    }

    /** Writes {@code copies} renamed copies of the source manifests into {@code directory}; returns the files. */
    public static List<Path> write(Path directory, int copies) throws IOException {
        String source = Files.readString(Path.of(SOURCE), StandardCharsets.UTF_8);
        List<Path> files = new ArrayList<>();
        Files.createDirectories(directory);
        for (int copy = 0; copy < copies; copy++) {
            Matcher m = NAME.matcher(source);
            String suffix = "-c" + copy;
            String renamed = m.replaceAll(r -> Matcher.quoteReplacement(r.group(1) + r.group(2) + suffix));
            Path file = directory.resolve(String.format("copy-%04d.yaml", copy));
            Files.writeString(file, renamed, StandardCharsets.UTF_8);
            files.add(file);
        }
        return files;
    }

    /** Loads one manifest file into resources. */
    public static List<Resource> load(SafeYamlLoader loader, Path file) {
        try {
            List<Resource> out = new ArrayList<>();
            for (YamlDocument document : loader.loadAll(ConfinedFiles.under(file.getParent(), Long.MAX_VALUE), file,
                    file.getFileName().toString())) {
                JSONObject json = (JSONObject) document.json();
                out.add(new Resource(document, json.getString("apiVersion"), json.getString("kind")));
            }
            return out;
        } catch (YamlInputException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        int copies = args.length > 1 ? Integer.parseInt(args[1]) : 150;
        List<Path> files = write(out.resolve("manifests"), copies);
        SafeYamlLoader loader = new SafeYamlLoader(YamlLimits.MANIFEST);
        ResourceSchemaValidator validator = ResourceSchemaValidator.builder().build();
        Map<String, Integer> schemaIndex = new LinkedHashMap<>();
        JSONArray schemas = new JSONArray();
        JSONArray documents = new JSONArray();
        int invalid = 0;
        for (Path file : files) {
            for (Resource resource : load(loader, file)) {
                String key = resource.apiVersion() + " " + resource.kind();
                Integer index = schemaIndex.get(key);
                if (index == null) {
                    SchemaRegistry.Lookup lookup = validator.registry().lookup(TARGET, resource.apiVersion(), resource.kind());
                    if (!(lookup instanceof SchemaRegistry.Found found)) {
                        throw new IllegalStateException("no schema for " + key);
                    }
                    index = schemas.length();
                    schemas.put(found.json());
                    schemaIndex.put(key, index);
                }
                documents.put(new JSONObject().put("schema", index).put("document", resource.document().json()));
                if (!(validator.validate(resource.document(), List.of(), resource.apiVersion(), resource.kind(),
                        TARGET) instanceof io.ascent.core.manifest.schema.SchemaResult.Checked checked)
                        || !checked.valid()) {
                    invalid++;
                }
            }
        }
        try {
            Files.writeString(out.resolve("schemas.json"), schemas.toString(), StandardCharsets.UTF_8);
            Files.writeString(out.resolve("documents.json"), documents.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.printf("%d files, %d resources (%d not valid), %d schemas (%s) -> %s%n", files.size(),
                documents.length(), invalid, schemas.length(), String.join(", ", schemaIndex.keySet()), out);
    }
}
