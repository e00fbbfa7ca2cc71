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
 *
 * <p>A line is held only up to {@link #LONGEST_LINE} bytes: a tool that never ends its line (a progress bar) must not
 * grow the build's memory without bound. Past that the line goes out masked but for its last {@link #KEPT} bytes, which
 * stay for the next match, so only a secret longer than that could be cut at the spill.
 */
final class MaskingOutputStream extends FilterOutputStream {

    private static final String MASK = "****";
    /** How much of an unfinished line is held before its start goes out. */
    static final int LONGEST_LINE = 1 << 20;
    /** How much of a spilled line is held back: more than any secret (a kubeconfig's client key is a few kB). */
    static final int KEPT = 64 * 1024;

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
        } else if (line.size() > LONGEST_LINE) {
            spill();
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
        if (line.size() > LONGEST_LINE) {
            spill();
        }
    }

    /**
     * Sends the start of a too long unfinished line, masked, and keeps its last {@link #KEPT} bytes; a match that
     * runs across that cut is kept whole, so the cut never halves a secret that fits in what is kept.
     */
    private void spill() throws IOException {
        byte[] bytes = line.toByteArray();
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int cut = bytes.length - KEPT;
        Matcher matcher = secrets.matcher(text);
        while (matcher.find() && matcher.start() < cut) {
            if (matcher.end() > cut) {
                cut = matcher.start();
                break;
            }
        }
        line.reset();
        out.write(secrets.matcher(text.substring(0, cut)).replaceAll(MASK).getBytes(StandardCharsets.ISO_8859_1));
        line.write(bytes, cut, bytes.length - cut);
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
