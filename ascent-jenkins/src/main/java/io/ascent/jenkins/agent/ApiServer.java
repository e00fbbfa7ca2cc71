package io.ascent.jenkins.agent;

import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Where a token credential is sent: the API server's {@code https://} URL and, optionally, the certificate authorities
 * its serving certificate is signed by (PEM). Without them the agent's Java trust store judges the server; TLS is
 * never skipped (unlike kubernetes-cli's {@code withKubeConfig}, which turns verification off when no CA is given).
 * Checked when the step, the builder or the global configuration is bound, so a bad value fails before a build runs.
 */
public final class ApiServer implements Serializable {

    private static final long serialVersionUID = 1L;

    /** A CA bundle is a few kilobytes; this bounds what a form or JCasC file may make the controller parse. */
    static final int MAX_CA_CHARS = 256 * 1024;

    private final String url;
    /** The certificates as PEM, re-encoded from what was parsed; empty for the agent's trust store. */
    private final String caPem;

    private ApiServer(String url, String caPem) {
        this.url = url;
        this.caPem = caPem;
    }

    /**
     * @param url           the API server, {@code https://host[:port][/path]}
     * @param caCertificate PEM certificates ({@code -----BEGIN CERTIFICATE-----}), or the base64 form a kubeconfig's
     *                      {@code certificate-authority-data} holds; blank for the agent's trust store
     * @throws IllegalArgumentException naming the field and what is wrong; never quoting a password
     */
    public static ApiServer of(String url, String caCertificate) {
        return new ApiServer(url(url), pem(certificates(caCertificate)));
    }

    /** The URL as given (trimmed). */
    public String url() {
        return url;
    }

    /** The CA certificates as PEM, if any were given. */
    public Optional<String> caPem() {
        return caPem.isEmpty() ? Optional.empty() : Optional.of(caPem);
    }

    /**
     * A URL a bearer token may be sent to: {@code https} (the token would cross the network in clear text otherwise)
     * with a host, and without a user name, password, query or fragment, which the API server does not use.
     */
    public static String url(String value) {
        String url = value == null ? "" : value.trim();
        if (url.isEmpty()) {
            throw new IllegalArgumentException("serverUrl: empty; a token credential needs the API server's URL "
                    + "(such as https://api.example.com:6443)");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("serverUrl: not a URL (" + e.getReason() + ")");
        }
        if (uri.getRawUserInfo() != null) {
            // The URL is not repeated: it holds what may be a password.
            throw new IllegalArgumentException("serverUrl: holds a user name or password; the token is the "
                    + "credential, write the URL without them");
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("serverUrl: '" + url + "' is not an https:// URL with a host (such as "
                    + "https://api.example.com:6443); a token is never sent in clear text");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("serverUrl: '" + url + "' has a query or fragment, which an API "
                    + "server's URL does not have");
        }
        return url;
    }

    /**
     * The certificates of {@code text}: PEM or DER as the JDK reads them, else the base64 form of either.
     *
     * @throws IllegalArgumentException when {@code text} is not blank and holds no certificate
     */
    public static List<Certificate> certificates(String text) {
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.isEmpty()) {
            return List.of();
        }
        if (trimmed.length() > MAX_CA_CHARS) {
            throw new IllegalArgumentException("caCertificate: larger than 256 KB; give the cluster's CA "
                    + "certificates only");
        }
        List<Certificate> parsed = parse(trimmed.getBytes(StandardCharsets.US_ASCII));
        if (parsed.isEmpty() && !trimmed.contains("-----BEGIN")) {
            try {
                parsed = parse(Base64.getMimeDecoder().decode(trimmed));
            } catch (IllegalArgumentException e) {
                parsed = List.of();
            }
        }
        if (parsed.isEmpty()) {
            throw new IllegalArgumentException("caCertificate: not a PEM certificate (-----BEGIN CERTIFICATE----- "
                    + "...) nor a kubeconfig's certificate-authority-data");
        }
        return parsed;
    }

    private static List<Certificate> parse(byte[] bytes) {
        try {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(bytes));
            return new ArrayList<>(certificates);
        } catch (CertificateException | RuntimeException e) {
            // The JDK's message may quote the input; the caller says what was expected instead.
            return List.of();
        }
    }

    private static String pem(List<Certificate> certificates) {
        Base64.Encoder encoder = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
        StringBuilder pem = new StringBuilder();
        for (Certificate certificate : certificates) {
            try {
                pem.append("-----BEGIN CERTIFICATE-----\n")
                        .append(encoder.encodeToString(certificate.getEncoded()))
                        .append("\n-----END CERTIFICATE-----\n");
            } catch (CertificateEncodingException e) {
                throw new IllegalArgumentException("caCertificate: a certificate cannot be encoded again");
            }
        }
        return pem.toString();
    }

    @Override
    public String toString() {
        return url + (caPem.isEmpty() ? " (the agent's trust store)" : " (its CA certificates given)");
    }
}
