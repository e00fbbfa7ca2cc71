package io.ascent.core.manifest.cel;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A rule's {@code fieldPath}: a path relative to the rule's node, made of {@code .name} and {@code ['name']} steps
 * ({@code .spec.ports['http-port']}), as the API server accepts it. Numeric list indexes are not part of the
 * grammar.
 */
final class FieldPath {
    private FieldPath() {
    }

    /** The steps, or empty when there is no field path or it does not follow the grammar (the node is used). */
    static Optional<List<String>> parse(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        List<String> steps = new ArrayList<>();
        int at = 0;
        while (at < text.length()) {
            if (text.charAt(at) == '.') {
                int end = at + 1;
                while (end < text.length() && text.charAt(end) != '.' && text.charAt(end) != '[') {
                    end++;
                }
                if (end == at + 1) {
                    return Optional.empty();
                }
                steps.add(text.substring(at + 1, end));
                at = end;
            } else if (text.startsWith("['", at)) {
                int end = text.indexOf("']", at + 2);
                if (end < 0) {
                    return Optional.empty();
                }
                steps.add(text.substring(at + 2, end));
                at = end + 2;
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(steps);
    }
}
