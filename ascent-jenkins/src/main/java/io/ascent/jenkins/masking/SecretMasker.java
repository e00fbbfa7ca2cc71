package io.ascent.jenkins.masking;

import hudson.util.Secret;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jenkinsci.plugins.workflow.log.TaskListenerDecorator;

/**
 * Masks a credential's secrets ({@code ****}) in the output of the steps inside {@code ascentProvision}'s block, as
 * {@code withCredentials} masks the values it binds: a {@code cat $KUBECONFIG}, {@code kubectl config view --raw} or
 * a tool's {@code -v=9} {@code Authorization} header shows no token. Jenkins serializes it: with the block's context
 * into the Pipeline's saved program (it survives a controller restart) and to the agent that runs a step's process.
 * It holds the secrets only inside a {@link Secret} (their pattern), which the saved program stores encrypted (the
 * Pipeline's {@code SecretPickle}, JENKINS-27631), as credentials-binding keeps its pattern.
 */
public final class SecretMasker extends TaskListenerDecorator {

    private static final long serialVersionUID = 1L;

    /**
     * Shorter values are not masked: masking one or two characters would garble every line and tell a reader the
     * value anyway (credentials-binding draws the line at the same length).
     */
    static final int SHORTEST = 3;

    private final Secret pattern;

    private SecretMasker(String pattern) {
        this.pattern = Secret.fromString(pattern);
    }

    /**
     * @param secrets the values to mask; a value of several lines is masked line by line, since the output is
     *                masked a line at a time
     * @param charset the build log's charset, in which the steps' output arrives
     * @return a masker, or empty when no value is long enough to mask
     */
    public static Optional<SecretMasker> of(Collection<String> secrets, Charset charset) {
        String pattern = pattern(secrets, charset);
        return pattern.isEmpty() ? Optional.empty() : Optional.of(new SecretMasker(pattern));
    }

    /**
     * One alternative per value, over the value's bytes in {@code charset} read as ISO-8859-1 (the form
     * {@link MaskingOutputStream} matches), longest first so that a value containing another is masked whole.
     */
    static String pattern(Collection<String> secrets, Charset charset) {
        return secrets.stream().filter(Objects::nonNull).flatMap(String::lines).map(String::strip)
                .filter(value -> value.length() >= SHORTEST)
                .map(value -> new String(value.getBytes(charset), StandardCharsets.ISO_8859_1))
                .distinct()
                .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
                .map(Pattern::quote)
                .collect(Collectors.joining("|"));
    }

    @Override
    public OutputStream decorate(OutputStream logger) {
        return new MaskingOutputStream(logger, Pattern.compile(pattern.getPlainText()));
    }

    /** Names no secret: Jenkins may print a decorator when it cannot apply it. */
    @Override
    public String toString() {
        return "SecretMasker";
    }
}
