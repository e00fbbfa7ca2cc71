package io.ascent.jenkins.masking;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.util.Secret;
import io.ascent.jenkins.agent.Serialization;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretMaskerTest {

    private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.SECRET-TOKEN_sa-x";

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    private static SecretMasker masker(String... secrets) {
        return SecretMasker.of(List.of(secrets), StandardCharsets.UTF_8).orElseThrow();
    }

    private String text() {
        return log.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldReplaceTheTokenWhereverItAppearsInALine() throws IOException {
        try (OutputStream out = masker(TOKEN).decorate(log)) {
            out.write(("users:\n- user:\n    token: " + TOKEN + "\n").getBytes(StandardCharsets.UTF_8));
            out.write(("I1201 GET /api Authorization: Bearer " + TOKEN + " and again " + TOKEN + "\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        assertThat(text()).isEqualTo("users:\n- user:\n    token: ****\n"
                + "I1201 GET /api Authorization: Bearer **** and again ****\n");
    }

    @Test
    void shouldLeaveOtherOutputByteForByteTheSameEvenWhenItIsNotValidInTheCharset() throws IOException {
        byte[] other = concat("kubectl get pods\r\n".getBytes(StandardCharsets.UTF_8),
                "grüße ✓ \u001b[32mok\u001b[0m\n".getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) 0xff, (byte) 0xfe, 'x', (byte) 0xc3, '\n'},
                "no line end".getBytes(StandardCharsets.UTF_8));
        try (OutputStream out = masker(TOKEN).decorate(log)) {
            out.write(other);
        }
        assertThat(log.toByteArray()).isEqualTo(other);
    }

    @Test
    void shouldLeaveTheBytesAroundAMaskAsTheyCame() throws IOException {
        byte[] before = new byte[] {(byte) 0xff, 'a', ' '};
        try (OutputStream out = masker(TOKEN).decorate(log)) {
            out.write(concat(before, TOKEN.getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xc3, '\n'}));
        }
        assertThat(log.toByteArray()).isEqualTo(concat(before, "****".getBytes(StandardCharsets.US_ASCII),
                new byte[] {(byte) 0xc3, '\n'}));
    }

    /** A process's output reaches the log in chunks of any size: a token may be cut anywhere. */
    @Test
    void shouldMaskATokenSplitAcrossTwoWritesOrWrittenAByteAtATime() throws IOException {
        byte[] line = ("Authorization: Bearer " + TOKEN + "\n").getBytes(StandardCharsets.UTF_8);
        for (int cut = 1; cut < line.length; cut++) {
            ByteArrayOutputStream chunked = new ByteArrayOutputStream();
            try (OutputStream out = masker(TOKEN).decorate(chunked)) {
                out.write(line, 0, cut);
                out.flush();
                out.write(line, cut, line.length - cut);
            }
            assertThat(chunked.toString(StandardCharsets.UTF_8)).as("cut at " + cut)
                    .isEqualTo("Authorization: Bearer ****\n");
        }
        try (OutputStream out = masker(TOKEN).decorate(log)) {
            for (byte b : line) {
                out.write(b);
            }
        }
        assertThat(text()).isEqualTo("Authorization: Bearer ****\n");
    }

    @Test
    void shouldHoldBackAnUnfinishedLineOnFlushAndMaskItOnClose() throws IOException {
        OutputStream out = masker(TOKEN).decorate(log);
        out.write(("done\ntoken " + TOKEN.substring(0, 10)).getBytes(StandardCharsets.UTF_8));
        out.flush();
        assertThat(text()).isEqualTo("done\n");
        out.write(TOKEN.substring(10).getBytes(StandardCharsets.UTF_8));
        out.close();
        assertThat(text()).isEqualTo("done\ntoken ****");
    }

    /**
     * A line that never ends (a progress bar drawn with carriage returns) is not held without bound: its start goes
     * out once it passes the limit, and a token lying across the cut is still masked whole.
     */
    @Test
    void shouldSendTheStartOfAnEndlessLineMaskedWithoutCuttingATokenAcrossTheSpill() throws IOException {
        byte[] token = TOKEN.getBytes(StandardCharsets.UTF_8);
        // the token starts just before the cut the first spill would make (the line's length less what is kept)
        int before = MaskingOutputStream.LONGEST_LINE + 1 - MaskingOutputStream.KEPT - 5;
        OutputStream out = masker(TOKEN).decorate(log);
        out.write("\r".repeat(before).getBytes(StandardCharsets.US_ASCII));
        out.write(token);
        out.write("\r".repeat(MaskingOutputStream.LONGEST_LINE).getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String masked = "\r".repeat(before) + "****" + "\r".repeat(MaskingOutputStream.LONGEST_LINE);
        assertThat(text()).as("what went out before the line ended: all but the bytes kept")
                .isEqualTo(masked.substring(0, masked.length() - MaskingOutputStream.KEPT));
        out.close();
        assertThat(text()).isEqualTo(masked);
    }

    @Test
    void shouldMaskASecretThatContainsAnotherWhole() throws IOException {
        try (OutputStream out = masker("abc123", "abc123-longer").decorate(log)) {
            out.write("abc123-longer abc123\n".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(text()).isEqualTo("**** ****\n");
    }

    @Test
    void shouldTakeSecretsLiterallyNotAsPatterns() throws IOException {
        try (OutputStream out = masker("p4ss.w*rd$1\\E(").decorate(log)) {
            out.write("p4ssXwwrd$1 p4ss.w*rd$1\\E(\n".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(text()).isEqualTo("p4ssXwwrd$1 ****\n");
    }

    @Test
    void shouldMatchTheSecretAsTheLogsCharsetEncodesIt() throws IOException {
        Charset latin1 = StandardCharsets.ISO_8859_1;
        SecretMasker masker = SecretMasker.of(List.of("pässwörd"), latin1).orElseThrow();
        try (OutputStream out = masker.decorate(log)) {
            out.write("pw=pässwörd\n".getBytes(latin1));
        }
        assertThat(log.toString(latin1)).isEqualTo("pw=****\n");
    }

    @Test
    void shouldMaskEachLineOfASecretOfSeveralLinesAndNothingTooShort() throws IOException {
        try (OutputStream out = masker("first-line\nsecond-line", "ab").decorate(log)) {
            out.write("first-line\nsecond-line\nab cab\n".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(text()).isEqualTo("****\n****\nab cab\n");
        assertThat(SecretMasker.of(List.of("ab", ""), StandardCharsets.UTF_8)).isEmpty();
        assertThat(SecretMasker.of(List.of(), StandardCharsets.UTF_8)).isEmpty();
    }

    /** It is saved with the Pipeline's program and sent to agents: it must come back working, and name no secret. */
    @Test
    void shouldSurviveSerializationHoldingTheSecretsOnlyInASecret() throws Exception {
        SecretMasker copy = Serialization.roundTrip(masker(TOKEN));
        try (OutputStream out = copy.decorate(log)) {
            out.write(("token: " + TOKEN + "\n").getBytes(StandardCharsets.UTF_8));
        }
        assertThat(text()).isEqualTo("token: ****\n");
        assertThat(copy.toString()).doesNotContain("SECRET");
        for (Field field : SecretMasker.class.getDeclaredFields()) {
            if (!Modifier.isStatic(field.getModifiers())) {
                assertThat(field.getType()).as(field.getName() + " is saved with the program")
                        .isEqualTo(Secret.class);
            }
        }
    }

    private static byte[] concat(byte[]... parts) {
        int length = Arrays.stream(parts).mapToInt(part -> part.length).sum();
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
