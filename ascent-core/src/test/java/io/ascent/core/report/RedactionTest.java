package io.ascent.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedactionTest {
    static final String AWS_KEY = "AKIA" + "Q3EGRTZL7NXW5VJD";
    static final String PEM_BODY = "MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun";

    @Test
    void shouldReplaceEverySecretByItsKindAndKeepTheRest() {
        assertThat(Redaction.redact("key " + AWS_KEY + " and " + AWS_KEY + "."))
                .isEqualTo("key [redacted aws-access-key-id] and [redacted aws-access-key-id].");
    }

    @Test
    void shouldRedactAPrivateKeyThroughItsFooterOrToTheEnd() {
        String key = "-----BEGIN RSA " + "PRIVATE KEY-----\n" + PEM_BODY + "\n-----END RSA PRIVATE KEY-----";
        assertThat(Redaction.redact("a " + key + " b")).isEqualTo("a [redacted private-key] b");
        assertThat(Redaction.redact("a -----BEGIN " + "PRIVATE KEY-----\n" + PEM_BODY))
                .isEqualTo("a [redacted private-key]");
    }

    @Test
    void shouldLeaveTextWithoutSecretsAlone() {
        String text = "container 'web' has no readinessProbe; AKIA is only a prefix";
        assertThat(Redaction.redact(text)).isSameAs(text);
        assertThat(Redaction.redact((String) null)).isNull();
        Item item = Item.builder("x", "t").message(text).build();
        assertThat(Redaction.redact(item)).isSameAs(item);
    }

    @Test
    void shouldRedactEveryTextOfAnItemAndTheLog() {
        Item item = Item.builder("x", "title " + AWS_KEY).message("m " + AWS_KEY)
                .location(new Location("dir/" + AWS_KEY + ".txt", 1, 2)).remediation("r " + AWS_KEY)
                .key("k " + AWS_KEY).waiver(new Waiver("w " + AWS_KEY, "o " + AWS_KEY, LocalDate.of(2030, 1, 1)))
                .duration(Duration.ZERO).build();
        Report report = Report.builder("subject " + AWS_KEY).add(item).info("log " + AWS_KEY).build();
        assertThat(report.toString()).doesNotContain(AWS_KEY).contains("[redacted aws-access-key-id]");
    }

    @Test
    void shouldRedactASecretInAnyOneTextOfAnItemAlone() {
        LocalDate expires = LocalDate.of(2030, 1, 1);
        List<Item> items = List.of(
                Item.builder("x " + AWS_KEY, "t").build(),
                Item.builder("x", "t " + AWS_KEY).build(),
                Item.builder("x", "t").message("m " + AWS_KEY).build(),
                Item.builder("x", "t").location(new Location("dir/" + AWS_KEY, 1, 2)).build(),
                Item.builder("x", "t").remediation("r " + AWS_KEY).build(),
                Item.builder("x", "t").key("k " + AWS_KEY).build(),
                Item.builder("x", "t").waiver(new Waiver("w " + AWS_KEY, "o", expires)).build(),
                Item.builder("x", "t").waiver(new Waiver("w", "o " + AWS_KEY, expires)).build());
        for (Item item : items) {
            Item redacted = Redaction.redact(item);
            assertThat(redacted.toString()).as(item.toString()).doesNotContain(AWS_KEY)
                    .contains("[redacted aws-access-key-id]");
            assertThat(redacted.status()).isEqualTo(item.status());
        }
    }

    @Test
    void shouldRedactAMegabyteLineQuickly() {
        String line = ("eyJ" + "a".repeat(20) + "_AKIA").repeat(40_000);
        long start = System.nanoTime();
        Redaction.redact(line);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
}
