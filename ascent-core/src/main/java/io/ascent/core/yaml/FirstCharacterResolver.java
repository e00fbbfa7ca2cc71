package io.ascent.core.yaml;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * SnakeYAML's {@link Resolver} that types a plain scalar as a string at once when no implicit resolver is registered
 * for its first character, and remembers its answers for short values that do need the patterns (up to a bound).
 * SnakeYAML's own would still run the regular expression of its resolver for empty values ({@code ^$}, registered
 * for every first character) on each scalar of up to ten characters: with the look-ups of the resolvers that do
 * apply, regular expressions were 8-14% of the CPU time of validating 50,000 manifests.
 * Most manifest values start with a letter that no resolver claims ({@code web}, {@code apps/v1}, {@code Always}).
 *
 * <p>Equivalent to SnakeYAML's (a test compares them): SnakeYAML also tries the resolvers registered without a
 * first character, or with {@code \0} among them, on every value; of those this one knows the empty-value and the
 * null patterns, and when any other is added it answers nothing itself.
 */
final class FirstCharacterResolver extends Resolver {
    // No field initializers: SnakeYAML's constructor adds its resolvers through addImplicitResolver before they would
    // run, and an initializer would then reset what those calls recorded.
    private boolean[] asciiFirsts;
    private boolean otherFirsts;
    private boolean unknownWithoutFirst;
    private Map<String, Tag> answers;

    /** Values up to this length that do need the patterns have their answers remembered, up to {@link #ANSWERS}. */
    private static final int REMEMBERED_LENGTH = 24;
    private static final int ANSWERS = 4096;

    /** The first characters of what {@link Resolver#NULL} matches: {@code ~}, {@code null} forms and one space. */
    private static final String NULL_FIRSTS = "~nN ";

    @Override
    public void addImplicitResolver(Tag tag, Pattern regexp, String first, int limit) {
        super.addImplicitResolver(tag, regexp, first, limit);
        if (asciiFirsts == null) {
            asciiFirsts = new boolean[128];
            answers = new ConcurrentHashMap<>();
        }
        answers.clear(); // given with fewer resolvers
        if (first == null || first.indexOf('\0') >= 0) {
            // SnakeYAML tries these on every value, whatever its first character.
            if (regexp.pattern().equals(NULL.pattern())) {
                mayStartWith(NULL_FIRSTS);
            } else if (!regexp.pattern().equals(EMPTY.pattern())) { // the empty one matches no value it is asked about
                unknownWithoutFirst = true;
            }
        }
        if (first != null) {
            mayStartWith(first);
        }
    }

    private void mayStartWith(String firsts) {
        for (int i = 0; i < firsts.length(); i++) {
            char c = firsts.charAt(i);
            if (c < asciiFirsts.length) {
                asciiFirsts[c] = true;
            } else {
                otherFirsts = true;
            }
        }
    }

    @Override
    public Tag resolve(NodeId kind, String value, boolean implicit) {
        if (kind == NodeId.scalar && implicit && !value.isEmpty() && !unknownWithoutFirst) {
            char c = value.charAt(0);
            if (c < asciiFirsts.length ? !asciiFirsts[c] : !otherFirsts) {
                return Tag.STR; // what SnakeYAML's answers once no pattern matched
            }
            if (value.length() <= REMEMBERED_LENGTH) {
                // Numbers, true and false repeat across manifests ("2", "80", "true"): one match each.
                Tag known = answers.get(value);
                if (known == null) {
                    known = super.resolve(kind, value, true);
                    if (answers.size() < ANSWERS) {
                        answers.put(value, known);
                    }
                }
                return known;
            }
        }
        return super.resolve(kind, value, implicit);
    }
}
