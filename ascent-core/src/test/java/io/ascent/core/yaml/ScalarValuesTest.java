package io.ascent.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

class ScalarValuesTest {

    private static Object value(Tag tag, String text, ScalarRules rules) {
        return ScalarValues.of(new ScalarNode(tag, text, null, null, DumperOptions.ScalarStyle.PLAIN), rules);
    }

    @Test
    void shouldReadIntegersTheSameWithOrWithoutTheShortcutForPlainDecimals() {
        for (ScalarRules rules : ScalarRules.values()) {
            assertThat(value(Tag.INT, "0", rules)).isEqualTo(0L);
            assertThat(value(Tag.INT, "-0", rules)).isEqualTo(0L);
            assertThat(value(Tag.INT, "8080", rules)).isEqualTo(8080L);
            assertThat(value(Tag.INT, "-42", rules)).isEqualTo(-42L);
            assertThat(value(Tag.INT, "+42", rules)).isEqualTo(42L);
            assertThat(value(Tag.INT, "999999999999999999", rules)).isEqualTo(999_999_999_999_999_999L);
            assertThat(value(Tag.INT, "9223372036854775807", rules)).isEqualTo(Long.MAX_VALUE);
            assertThat(value(Tag.INT, "9223372036854775808", rules)).isEqualTo(new BigInteger("9223372036854775808"));
            assertThat(value(Tag.INT, "1_000", rules)).isEqualTo(1000L);
            assertThat(value(Tag.INT, "0x1F", rules)).isEqualTo(31L);
            assertThat(value(Tag.INT, "1:30", rules)).isEqualTo("1:30");
        }
        assertThat(value(Tag.INT, "0644", ScalarRules.KUBECTL)).isEqualTo(420L);
        assertThat(value(Tag.INT, "0644", ScalarRules.YAML_1_2)).isEqualTo(644L);
    }

    @Test
    void shouldTypeTheOtherScalarsByTheirTag() {
        assertThat(value(Tag.STR, "yes", ScalarRules.KUBECTL)).isEqualTo("yes");
        assertThat(value(new Tag("tag:yaml.org,2002:str"), "x", ScalarRules.KUBECTL)).isEqualTo("x");
        assertThat(value(Tag.NULL, "~", ScalarRules.KUBECTL)).isEqualTo(JSONObject.NULL);
        assertThat(value(Tag.BOOL, "yes", ScalarRules.KUBECTL)).isEqualTo(true);
        assertThat(value(Tag.BOOL, "yes", ScalarRules.YAML_1_2)).isEqualTo("yes");
        assertThat(value(Tag.FLOAT, "1.5", ScalarRules.KUBECTL)).isEqualTo(1.5);
        assertThat(value(Tag.FLOAT, ".inf", ScalarRules.KUBECTL)).isEqualTo(".inf");
    }
}
