package io.ascent.core.manifest.check;

import io.ascent.core.yaml.SafeYamlLoader;
import io.ascent.core.yaml.ScalarRules;
import io.ascent.core.yaml.YamlDocument;
import io.ascent.core.yaml.YamlInputException;
import io.ascent.core.yaml.YamlLimits;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.json.JSONObject;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The Kubernetes configuration documents inside the text of one file a node is given (ClusterAPI's
 * {@code files[].content}): each YAML document with an {@code apiVersion}, and the plugin configurations of an
 * AdmissionConfiguration among them. Text that is not YAML is ignored when it is clearly no Kubernetes configuration
 * (a shell script); text that looks like one and does not parse is reported, since the component reading it would
 * refuse it too. The text goes through the same loader limits as a manifest file.
 */
final class FileContent {
    /** The file is read on the node by a Kubernetes component (Go, YAML 1.1 rules), as kubectl reads manifests. */
    private static final SafeYamlLoader LOADER = new SafeYamlLoader(YamlLimits.MANIFEST, ScalarRules.KUBECTL);
    /**
     * A document that starts like a Kubernetes configuration: its first line that is not a comment is a key, or it
     * is a JSON object.
     */
    private static final Pattern FIRST_LINE_IS_KEY = Pattern.compile(
            "\\A(?:[ \\t]*(?:#[^\\n]*)?\\r?\\n|---[^\\n]*\\n)*[ \\t]*(?:\\{|[A-Za-z][\\w.-]*[ \\t]*:(?:[ \\t]|\\r?\\n|\\z))");

    private FileContent() {
    }

    /**
     * The references in {@code text}.
     *
     * @param encoding    the file's {@code encoding} ({@code base64}, {@code gzip+base64}), or {@code null}
     * @param placement   where a position of the text is in the manifest (used only for plain text)
     * @param displayPath the manifest, for the loader's messages
     * @param key         the key part naming the file, such as {@code files/etc/kubernetes/admission.yaml}
     * @param where       how a person finds the file, such as {@code file /etc/... (spec.files[0].content)}
     */
    static List<ApiReference> references(String text, String encoding, TextPlacement placement, String displayPath,
            String key, String where) {
        List<ApiReference> found = new ArrayList<>();
        String plain = text;
        TextPlacement at = placement;
        if (encoding != null && !encoding.isEmpty()) {
            try {
                plain = decode(text, encoding);
            } catch (IOException | IllegalArgumentException e) {
                found.add(ApiReference.unreadable(placement.place(0, 0), key, where,
                        "cannot be decoded as " + encoding + ": " + e.getMessage()));
                return found;
            }
            TextPlacement start = placement;
            at = (line, column) -> start.place(0, 0); // decoded lines have no place in the manifest
        }
        if (!plain.contains("apiVersion") || !FIRST_LINE_IS_KEY.matcher(plain).find()) {
            return found; // a script or data, not a Kubernetes configuration
        }
        try {
            List<YamlDocument> documents = LOADER.parse(plain, displayPath);
            for (int d = 0; d < documents.size(); d++) {
                YamlDocument document = documents.get(d);
                if (!(document.json() instanceof JSONObject object) || !object.has("apiVersion")) {
                    continue;
                }
                String documentKey = documents.size() == 1 ? key : key + "#" + d;
                Node version = document.nodeAt(List.of("apiVersion"));
                if (!(object.opt("apiVersion") instanceof String)) {
                    found.add(ApiReference.unreadable(place(at, version), documentKey, where + lineOf(version, encoding),
                            EmbeddedConfigurations.notAString(object.opt("apiVersion"))));
                    continue;
                }
                found.add(new ApiReference(EmbeddedConfigurations.string(object, "apiVersion"),
                        EmbeddedConfigurations.string(object, "kind"), place(at, version), documentKey,
                        where + lineOf(version, encoding)));
                if ("AdmissionConfiguration".equals(object.opt("kind"))) {
                    TextPlacement in = at;
                    EmbeddedConfigurations.admissionPlugins(object, tokens -> place(in, document.nodeAt(tokens)),
                            documentKey + "/", " in " + where, found);
                }
            }
        } catch (YamlInputException e) {
            found.add(ApiReference.unreadable(at.place(Math.max(0, e.location().line() - 1),
                    Math.max(0, e.location().column() - 1)), key, where, "not valid YAML: line "
                            + e.location().line() + " of the content: " + e.getMessage()));
        }
        return found;
    }

    private static io.ascent.core.report.Location place(TextPlacement placement, Node node) {
        return placement.place(node.getStartMark().getLine(), node.getStartMark().getColumn());
    }

    private static String lineOf(Node node, String encoding) {
        String decoded = encoding == null || encoding.isEmpty() ? "" : " decoded from " + encoding;
        return " (line " + (node.getStartMark().getLine() + 1) + " of the content" + decoded + ")";
    }

    /** ClusterAPI's encodings; the decoded text is held to the manifest size limit (a gzip bomb stops there). */
    private static String decode(String text, String encoding) throws IOException {
        byte[] bytes = Base64.getMimeDecoder().decode(text.strip());
        if ("base64".equals(encoding)) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        if (!"gzip+base64".equals(encoding)) {
            throw new IllegalArgumentException("unknown encoding (ClusterAPI knows base64 and gzip+base64)");
        }
        int limit = YamlLimits.MANIFEST.maxBytes();
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            byte[] out = in.readNBytes(limit + 1);
            if (out.length > limit) {
                throw new IOException("the decompressed text is larger than " + limit + " bytes");
            }
            return new String(out, StandardCharsets.UTF_8);
        }
    }
}
