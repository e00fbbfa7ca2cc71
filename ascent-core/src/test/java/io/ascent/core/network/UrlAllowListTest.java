package io.ascent.core.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlAllowListTest {

    @Test
    void shouldAllowNothingByDefault() {
        assertThat(UrlAllowList.none().allows("https://raw.githubusercontent.com/x.json")).isFalse();
        assertThat(UrlAllowList.fromEnvironment(Map.of()).isEmpty()).isTrue();
    }

    @ParameterizedTest(name = "{0} allows {1}: {2}")
    @CsvSource({
            "https://schemas.example, https://schemas.example/v1/x.json, true",
            "https://schemas.example, https://schemas.example.attacker.test/x.json, false",
            "https://schemas.example, https://schemas.example@attacker.test/x.json, false",
            "https://schemas.example, https://user@schemas.example/x.json, false",
            "https://schemas.example, http://schemas.example/x.json, false",
            "https://schemas.example, https://schemas.example:8443/x.json, false",
            "https://schemas.example:443, https://SCHEMAS.example/x.json, true",
            "https://schemas.example/catalog/, https://schemas.example/catalog/a/x.json, true",
            "https://schemas.example/catalog/, https://schemas.example/catalog/../private/x.json, false",
            "https://schemas.example/catalog/, https://schemas.example/other/x.json, false",
            "http://127.0.0.1:8080/, http://127.0.0.1:8080/x.json, true",
            "http://127.0.0.1:8080/, http://127.0.0.1:8081/x.json, false",
            "https://schemas.example/, file:///etc/passwd, false",
            "https://schemas.example/, https://, false"})
    void shouldMatchWholeHostsAndNormalisedPaths(String prefix, String url, boolean allowed) {
        assertThat(UrlAllowList.of(List.of(prefix)).allows(url)).isEqualTo(allowed);
    }

    @Test
    void shouldReadSeveralPrefixesFromTheEnvironment() {
        UrlAllowList list = UrlAllowList.fromEnvironment(Map.of(UrlAllowList.ENVIRONMENT_VARIABLE,
                "https://a.example/, https://b.example/x/\nhttps://c.example"));

        assertThat(list.prefixes()).containsExactly("https://a.example/", "https://b.example/x/",
                "https://c.example/");
    }

    @Test
    void shouldRefuseAPrefixThatIsNoHttpUrlWithAHost() {
        assertThatThrownBy(() -> UrlAllowList.of(List.of("file:///etc/")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not a URL prefix");
        assertThatThrownBy(() -> UrlAllowList.of(List.of("https://")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UrlAllowList.fromEnvironment(Map.of(UrlAllowList.ENVIRONMENT_VARIABLE, "*")))
                .hasMessageStartingWith(UrlAllowList.ENVIRONMENT_VARIABLE);
    }

    @Test
    void shouldCombineListsWithoutDuplicates() {
        UrlAllowList a = UrlAllowList.of(List.of("https://a.example/"));
        UrlAllowList both = a.plus(UrlAllowList.of(List.of("https://a.example", "https://b.example/")));

        assertThat(both.prefixes()).containsExactly("https://a.example/", "https://b.example/");
    }
}
