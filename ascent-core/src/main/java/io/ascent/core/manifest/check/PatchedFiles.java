package io.ascent.core.manifest.check;

import java.util.ArrayList;
import java.util.List;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * The files a JSON patch writes into a KubeadmConfigSpec's {@code files}: whatever the patch's path and value, each
 * string that lands at {@code <files>/<index or ->/content}, with the file's {@code path} and {@code encoding} when
 * the value carries them. A patch whose path lies outside the files list writes none.
 */
final class PatchedFiles {

    /**
     * One file content a patch writes.
     *
     * @param content  the text
     * @param encoding the file's encoding, or {@code null}
     * @param path     the file's path on the node, or {@code #index} when the value does not say
     * @param tokens   tokens from the patch's value to the content string
     */
    record Written(String content, String encoding, String path, List<String> tokens) {
    }

    private PatchedFiles() {
    }

    /** Whether a patch at {@code path} can write into the files list at {@code files} (one is inside the other). */
    static boolean touches(List<String> path, List<String> files) {
        int common = Math.min(path.size(), files.size());
        return path.subList(0, common).equals(files.subList(0, common));
    }

    /** The contents the patch's {@code value} writes when applied at {@code path}. */
    static List<Written> of(List<String> path, Object value, List<String> files) {
        List<Written> found = new ArrayList<>();
        walk(new ArrayList<>(path), path.size(), value, files, null, found);
        return found;
    }

    private static void walk(List<String> at, int valueStart, Object value, List<String> files, JSONObject file,
            List<Written> found) {
        int depth = at.size();
        int prefix = Math.min(depth, files.size());
        if (depth > files.size() + 2 || !at.subList(0, prefix).equals(files.subList(0, prefix))) {
            return; // outside the files list
        }
        if (depth == files.size() + 2 && "content".equals(at.get(depth - 1))) {
            if (value instanceof String content) {
                String encoding = file == null ? null : EmbeddedConfigurations.string(file, "encoding");
                String path = file != null && file.opt("path") instanceof String p ? p : "#" + at.get(files.size());
                found.add(new Written(content, encoding, path, List.copyOf(at.subList(valueStart, depth))));
            }
            return;
        }
        if (value instanceof JSONObject object) {
            JSONObject fileHere = depth == files.size() + 1 ? object : file;
            for (String key : object.keySet()) {
                at.add(key);
                walk(at, valueStart, object.get(key), files, fileHere, found);
                at.remove(at.size() - 1);
            }
        } else if (value instanceof JSONArray array) {
            for (int i = 0; i < array.length(); i++) {
                at.add(String.valueOf(i));
                walk(at, valueStart, array.get(i), files, file, found);
                at.remove(at.size() - 1);
            }
        }
    }

    /** JSON pointer tokens of a patch path ({@code ~1} is {@code /}, {@code ~0} is {@code ~}). */
    static List<String> tokens(String pointer) {
        List<String> tokens = new ArrayList<>();
        if (pointer.isEmpty()) {
            return tokens;
        }
        for (String token : pointer.substring(pointer.startsWith("/") ? 1 : 0).split("/", -1)) {
            tokens.add(token.replace("~1", "/").replace("~0", "~"));
        }
        return tokens;
    }
}
