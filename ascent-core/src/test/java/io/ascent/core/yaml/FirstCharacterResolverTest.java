package io.ascent.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

class FirstCharacterResolverTest {

    /** Values of every kind the resolvers tell apart, and their near misses. */
    private static List<String> values() {
        List<String> values = new ArrayList<>(List.of("", " ", "~", "null", "Null", "NULL", "nulls", "yes", "Yes",
                "YES", "y", "Y", "n", "N", "no", "No", "on", "On", "off", "Off", "true", "True", "TRUE", "false",
                "False", "FALSE", "falsey", "0", "00", "017", "0o17", "0x1F", "0b101", "-1", "+1", "1_000", "190:20:30",
                "1.5", ".5", "-.inf", ".NaN", "1e3", "2024-01-01", "2001-12-14t21:59:43.10-05:00", "<<", "=", "web",
                "apps/v1", "Always", "nginx:1.25", "tcp", "TCP", "OnFailure", "Never", "ytt", "noisy", "tls",
                "\u00e9t\u00e9", "\u4e2d", "\0"));
        String alphabet = "~yYnNtTfFoO0123456789-+._:<=!&*eExXbB aAzZ\u00e9";
        Random random = new Random(17);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder value = new StringBuilder();
            for (int length = random.nextInt(7); length > 0; length--) {
                value.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            values.add(value.toString());
        }
        return values;
    }

    @Test
    void shouldTypeEveryValueAsSnakeYamlsResolverDoesUnderEitherRules() {
        for (ScalarRules rules : ScalarRules.values()) {
            Resolver expected = SafeYamlLoader.withRules(new Resolver(), rules);
            Resolver fast = SafeYamlLoader.withRules(new FirstCharacterResolver(), rules);
            for (String value : values()) {
                for (boolean implicit : new boolean[] {true, false}) {
                    assertThat(fast.resolve(NodeId.scalar, value, implicit))
                            .as("%s under %s", value, rules)
                            .isEqualTo(expected.resolve(NodeId.scalar, value, implicit));
                }
            }
        }
    }

    @Test
    void shouldAnswerAsSnakeYamlOnceAResolverWithoutFirstCharacterIsAdded() {
        Resolver fast = new FirstCharacterResolver();
        fast.addImplicitResolver(new Tag("tag:example.com,2026:word"), Pattern.compile("^web$"), null);
        assertThat(fast.resolve(NodeId.scalar, "web", true)).isEqualTo(new Tag("tag:example.com,2026:word"));
        assertThat(fast.resolve(NodeId.scalar, "apps", true)).isEqualTo(Tag.STR);
    }

    @Test
    void shouldForgetItsAnswersWhenAResolverIsAdded() {
        Resolver fast = new FirstCharacterResolver();
        assertThat(fast.resolve(NodeId.scalar, "0o17", true)).isEqualTo(Tag.STR);
        assertThat(fast.resolve(NodeId.scalar, "0o17", true)).isEqualTo(Tag.STR);
        fast.addImplicitResolver(Tag.INT, Pattern.compile("^[-+]?0o[0-7_]+$"), "-+0");
        assertThat(fast.resolve(NodeId.scalar, "0o17", true)).isEqualTo(Tag.INT);
    }

    @Test
    void shouldRunTheResolversOfAnAddedFirstCharacter() {
        Resolver fast = new FirstCharacterResolver();
        fast.addImplicitResolver(Tag.BOOL, Pattern.compile("^(?:w)$"), "w\u00e9");
        assertThat(fast.resolve(NodeId.scalar, "w", true)).isEqualTo(Tag.BOOL);
        assertThat(fast.resolve(NodeId.scalar, "web", true)).isEqualTo(Tag.STR);
        fast.addImplicitResolver(Tag.INT, Pattern.compile("^\u00e9+$"), "\u00e9");
        assertThat(fast.resolve(NodeId.scalar, "\u00e9\u00e9", true)).isEqualTo(Tag.INT);
    }
}
