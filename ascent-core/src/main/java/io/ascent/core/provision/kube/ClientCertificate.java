package io.ascent.core.provision.kube;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;

/**
 * A kubeconfig's client certificate and key as TLS key managers, read with the JDK alone. client-java reads every
 * key with Bouncy Castle, whose provider registration loads about 800 classes that no class-data archive can hold
 * (its jars are signed): about half a second of each {@code provision} run before the first request
 * (docs/performance.md). The JDK reads PKCS#8 keys ({@code BEGIN PRIVATE KEY}: RSA, EC, Ed25519) and, wrapped into
 * PKCS#8 here, PKCS#1 RSA keys ({@code BEGIN RSA PRIVATE KEY}, what kubeadm and kind write). Anything else (an EC
 * key in SEC1 form, an encrypted key) is left to client-java: {@link #keyManagers} is then empty.
 */
final class ClientCertificate {

    /** DER of the AlgorithmIdentifier rsaEncryption (1.2.840.113549.1.1.1) with NULL parameters. */
    private static final byte[] RSA_ALGORITHM = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86,
        (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};
    private static final List<String> PKCS8_ALGORITHMS = List.of("RSA", "EC", "Ed25519");
    /** The in-memory key store's password; it never leaves the process. */
    private static final char[] NO_PASSWORD = new char[0];

    private ClientCertificate() {
    }

    /**
     * Key managers presenting {@code certificatePem} (the chain, PEM) with {@code keyPem}, or empty when the JDK
     * cannot read the key this way. Never throws and never quotes either input: a failure only means "let
     * client-java do it".
     */
    static Optional<KeyManager[]> keyManagers(byte[] certificatePem, byte[] keyPem) {
        if (certificatePem == null || keyPem == null) {
            return Optional.empty();
        }
        try {
            Optional<PrivateKey> key = privateKey(new String(keyPem, StandardCharsets.US_ASCII));
            if (key.isEmpty()) {
                return Optional.empty();
            }
            Certificate[] chain = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(certificatePem)).toArray(new Certificate[0]);
            if (chain.length == 0) {
                return Optional.empty();
            }
            // JKS, not PKCS12: a PKCS12 entry is encrypted with 10,000 PBE iterations on every start.
            KeyStore store = KeyStore.getInstance("JKS");
            store.load(null, null);
            store.setKeyEntry("client", key.get(), NO_PASSWORD, chain);
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(store, NO_PASSWORD);
            return Optional.of(factory.getKeyManagers());
        } catch (GeneralSecurityException | java.io.IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The first private key of a PEM text, when it is PKCS#8 or PKCS#1 RSA and unencrypted. */
    static Optional<PrivateKey> privateKey(String pem) throws GeneralSecurityException {
        Optional<byte[]> pkcs8 = block(pem, "PRIVATE KEY");
        if (pkcs8.isPresent()) {
            for (String algorithm : PKCS8_ALGORITHMS) {
                try {
                    return Optional.of(KeyFactory.getInstance(algorithm)
                            .generatePrivate(new PKCS8EncodedKeySpec(pkcs8.get())));
                } catch (InvalidKeySpecException e) {
                    // not this algorithm: try the next
                }
            }
            return Optional.empty();
        }
        Optional<byte[]> pkcs1 = block(pem, "RSA PRIVATE KEY");
        if (pkcs1.isPresent()) {
            return Optional.of(KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(pkcs8OfRsa(pkcs1.get()))));
        }
        return Optional.empty();
    }

    /** PrivateKeyInfo ::= SEQUENCE { version 0, rsaEncryption, OCTET STRING pkcs1 } (RFC 5208). */
    static byte[] pkcs8OfRsa(byte[] pkcs1) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] {0x02, 0x01, 0x00});
        body.writeBytes(RSA_ALGORITHM);
        body.write(0x04);
        body.writeBytes(length(pkcs1.length));
        body.writeBytes(pkcs1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x30);
        out.writeBytes(length(body.size()));
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    /** A DER length: one byte below 128, else 0x80 plus the count of big-endian bytes that follow. */
    static byte[] length(int length) {
        if (length < 0x80) {
            return new byte[] {(byte) length};
        }
        int bytes = length < 0x100 ? 1 : length < 0x10000 ? 2 : length < 0x1000000 ? 3 : 4;
        byte[] out = new byte[bytes + 1];
        out[0] = (byte) (0x80 | bytes);
        for (int i = 0; i < bytes; i++) {
            out[bytes - i] = (byte) (length >>> (8 * i));
        }
        return out;
    }

    /** The bytes of the block {@code -----BEGIN type-----} ... {@code -----END type-----}, if there is one. */
    private static Optional<byte[]> block(String pem, String type) {
        String begin = "-----BEGIN " + type + "-----";
        int start = pem.indexOf(begin);
        if (start < 0) {
            return Optional.empty();
        }
        int end = pem.indexOf("-----END " + type + "-----", start);
        if (end < 0) {
            return Optional.empty();
        }
        String body = pem.substring(start + begin.length(), end);
        if (body.contains(":")) {
            return Optional.empty(); // RFC 1421 headers (Proc-Type: 4,ENCRYPTED): an encrypted key
        }
        try {
            return Optional.of(Base64.getMimeDecoder().decode(body));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
