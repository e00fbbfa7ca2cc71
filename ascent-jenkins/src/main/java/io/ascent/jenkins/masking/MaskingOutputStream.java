package io.ascent.jenkins.masking;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes what it is given to {@code out} a line at a time, each match of the secrets' pattern replaced by
 * {@code ****}. A line is the unit, as it is for upstream's console filters: a secret split across two {@code write}
 * calls is still whole when its line ends, while a line that matches nothing goes out exactly as it came, byte for
 * byte. The pattern works on the bytes (read as ISO-8859-1, one character a byte), so no byte sequence, valid in the
 * log's charset or not, is decoded and encoded again. {@link #flush()} does not send an unfinished line (half a
 * secret would slip through); {@link #close()} does, masked.
 */
final class MaskingOutputStream extends FilterOutputStream {

    private static final String MASK = "****";

    private final Pattern secrets;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    /** @param secrets matches the secrets' bytes as ISO-8859-1 text; see {@link SecretMasker#pattern} */
    MaskingOutputStream(OutputStream out, Pattern secrets) {
        super(out);
        this.secrets = secrets;
    }

    @Override
    public void write(int b) throws IOException {
        line.write(b);
        if (b == '\n') {
            endLine();
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        int start = off;
        int end = off + len;
        for (int i = off; i < end; i++) {
            if (b[i] == '\n') {
                line.write(b, start, i + 1 - start);
                endLine();
                start = i + 1;
            }
        }
        line.write(b, start, end - start);
    }

    @Override
    public void close() throws IOException {
        if (line.size() > 0) {
            endLine();
        }
        super.close();
    }

    private void endLine() throws IOException {
        byte[] bytes = line.toByteArray();
        line.reset();
        Matcher matcher = secrets.matcher(new String(bytes, StandardCharsets.ISO_8859_1));
        if (matcher.find()) {
            out.write(matcher.replaceAll(MASK).getBytes(StandardCharsets.ISO_8859_1));
        } else {
            out.write(bytes);
        }
    }
}
