package io.ascent.core.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SecretAssignmentTest {

    @ParameterizedTest
    @ValueSource(strings = {"DB_PASSWORD", "spring.datasource.password", "export API_SECRET", "PWD", "DB_PASS",
            "apiKey", "api.key", "private_key", "client-secret", "jwt.secret", "AUTH_TOKEN", "credentials",
            "dbpassword", "apitoken", "secretKey", "passphrase"})
    void shouldTakeAKeyWhoseLastWordNamesASecret(String key) {
        assertThat(SecretAssignment.namesSecret(key)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tokenName", "secretName", "passwordPolicy", "password.policy.minLength", "token_url",
            "api.key.file", "cache.key", "sort-key", "bypass", "tokenizer", "secret.ref", "key", ""})
    void shouldNotTakeAKeyWhereTheSecretWordComesBeforeAnother(String key) {
        assertThat(SecretAssignment.namesSecret(key)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Tr0ub4dor&3-horse", "\"s3cr3tP4ss!\"", "'hunter22x'", "wJalrXUtnFEMI/K7MDENG/bPxRfiCY",
            "postgres://app:Pa55w0rd@db/app", "123456", "a1b2c3d4a1b2c3d4", "a1b2c\"", "\"a1b2c", "a1b2c'",
            "'a1b2c", "Zx9!q://Lm3Pw7"})
    void shouldTakeAValueThatLooksLikeASecret(String value) {
        assertThat(SecretAssignment.looksLikeSecret(value)).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "tenant-data | a word",
            "changeme | a word",
            "Invalid token supplied | a phrase",
            "aaaaaaa1 | too little entropy",
            "11112222 | too little entropy",
            "abc12 | too short",
            "ENC(G6N718UuyPE5bHyWKyuLQSm02auQPUtm) | an encrypted reference",
            "classpath:keys/app.jks | a reference",
            "/run/secrets/db-password1 | a path",
            "https://vault.example.com/v1/kv/app1 | a URL without credentials",
            "${DB_PASSWORD} | a variable",
            "<your-password> | a placeholder",
            "'' | empty",
            "\"changeme\" | a quoted word",
            "'''changeme''' | a quoted word",
            "a1a1a1a1 | too little entropy, however the characters are ordered",
            "git+ssh://git.example.com/app1 | a URL whose scheme has a +",
            "soap.beep://example.com/app1 | a URL whose scheme has a dot",
            "web-hook://hooks.example.com/a1 | a URL whose scheme has a dash",
            "s3://bucket/app1 | a URL whose scheme has a digit"})
    void shouldNotTakeAValueThatIsAWordAReferenceOrAPlaceholder(String value, String why) {
        assertThat(SecretAssignment.looksLikeSecret(value)).as(why).isFalse();
    }

    @Test
    void shouldMeasureEntropyFromHowOftenEachCharacterOccursNotFromItsOrder() {
        assertThat(SecretAssignment.entropy("abab")).isCloseTo(1.0, within(1e-9));
        assertThat(SecretAssignment.entropy("a1b2c3d4a1b2c3d4")).isCloseTo(3.0, within(1e-9));
    }
}
