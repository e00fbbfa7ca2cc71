package io.ascent.core.provision.kube;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManager;
import javax.net.ssl.X509KeyManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Client keys read with the JDK alone: keys and certificates issued at test time with the JDK's keytool, written
 * as PEM the way kubeconfigs carry them.
 */
class ClientCertificateTest {

    @TempDir
    static Path dir;
    private static Issued rsa;
    private static Issued ec;

    private record Issued(PrivateKey key, X509Certificate certificate) {
        byte[] certificatePem() {
            return pem("CERTIFICATE", encoded(certificate)).getBytes(StandardCharsets.US_ASCII);
        }

        private static byte[] encoded(X509Certificate certificate) {
            try {
                return certificate.getEncoded();
            } catch (java.security.cert.CertificateEncodingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @BeforeAll
    static void issue() throws Exception {
        rsa = issue("RSA");
        ec = issue("EC");
    }

    @Test
    void shouldReadAPkcs8RsaKey() throws Exception {
        assertThat(ClientCertificate.privateKey(pem("PRIVATE KEY", rsa.key().getEncoded()))).contains(rsa.key());
    }

    @Test
    void shouldReadAPkcs8EcKey() throws Exception {
        assertThat(ClientCertificate.privateKey(pem("PRIVATE KEY", ec.key().getEncoded()))).contains(ec.key());
    }

    @Test
    void shouldReadAPkcs1RsaKeyAsKubeadmWritesIt() throws Exception {
        byte[] pkcs1 = innerKey(rsa.key().getEncoded());

        assertThat(ClientCertificate.privateKey(pem("RSA PRIVATE KEY", pkcs1))).contains(rsa.key());
    }

    @Test
    void shouldWrapPkcs1IntoExactlyThePkcs8TheJdkEncodes() {
        byte[] pkcs8 = rsa.key().getEncoded();

        assertThat(ClientCertificate.pkcs8OfRsa(innerKey(pkcs8))).isEqualTo(pkcs8);
    }

    @Test
    void shouldLeaveSec1EcAndEncryptedKeysToClientJava() throws Exception {
        String encrypted = "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00\n\n"
                + Base64.getMimeEncoder().encodeToString(innerKey(rsa.key().getEncoded()))
                + "\n-----END RSA PRIVATE KEY-----\n";

        assertThat(ClientCertificate.privateKey(pem("EC PRIVATE KEY", innerKey(ec.key().getEncoded())))).isEmpty();
        assertThat(ClientCertificate.privateKey(encrypted)).isEmpty();
        assertThat(ClientCertificate.privateKey(pem("ENCRYPTED PRIVATE KEY", rsa.key().getEncoded()))).isEmpty();
        assertThat(ClientCertificate.privateKey("no key here")).isEmpty();
    }

    @Test
    void shouldEncodeDerLengthsInShortAndLongForm() {
        assertThat(ClientCertificate.length(0)).containsExactly(0x00);
        assertThat(ClientCertificate.length(127)).containsExactly(0x7f);
        assertThat(ClientCertificate.length(128)).containsExactly(0x81, 0x80);
        assertThat(ClientCertificate.length(255)).containsExactly(0x81, 0xff);
        assertThat(ClientCertificate.length(256)).containsExactly(0x82, 0x01, 0x00);
        assertThat(ClientCertificate.length(0x10000)).containsExactly(0x83, 0x01, 0x00, 0x00);
        assertThat(ClientCertificate.length(0x1000000)).containsExactly(0x84, 0x01, 0x00, 0x00, 0x00);
    }

    @Test
    void shouldPresentTheCertificateAndKeyAsKeyManagers() {
        for (Issued issued : List.of(rsa, ec)) {
            KeyManager[] managers = ClientCertificate.keyManagers(issued.certificatePem(),
                    pem("PRIVATE KEY", issued.key().getEncoded()).getBytes(StandardCharsets.US_ASCII)).orElseThrow();

            X509KeyManager manager = (X509KeyManager) Arrays.stream(managers)
                    .filter(X509KeyManager.class::isInstance).findFirst().orElseThrow();
            assertThat(manager.getPrivateKey("client")).isEqualTo(issued.key());
            assertThat(manager.getCertificateChain("client")).containsExactly(issued.certificate());
        }
    }

    @Test
    void shouldGiveNoKeyManagersWhenEitherPartIsMissingOrUnreadable() {
        byte[] key = pem("PRIVATE KEY", rsa.key().getEncoded()).getBytes(StandardCharsets.US_ASCII);

        assertThat(ClientCertificate.keyManagers(null, key)).isEmpty();
        assertThat(ClientCertificate.keyManagers(rsa.certificatePem(), null)).isEmpty();
        assertThat(ClientCertificate.keyManagers("not a certificate".getBytes(StandardCharsets.US_ASCII), key))
                .isEmpty();
        assertThat(ClientCertificate.keyManagers(rsa.certificatePem(),
                pem("EC PRIVATE KEY", innerKey(ec.key().getEncoded())).getBytes(StandardCharsets.US_ASCII)))
                .isEmpty();
    }

    /** A key pair and self-signed certificate from the JDK's keytool, read back from its PKCS#12 store. */
    private static Issued issue(String algorithm) throws Exception {
        Path store = dir.resolve(algorithm + ".p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-keyalg", algorithm, "-alias", "k", "-dname", "CN=ascent-test", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", "changeit")
                .redirectErrorStream(true).redirectOutput(dir.resolve(algorithm + ".log").toFile()).start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(Files.readString(dir.resolve(algorithm + ".log"))).isZero();
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keyStore.load(in, "changeit".toCharArray());
        }
        return new Issued((PrivateKey) keyStore.getKey("k", "changeit".toCharArray()),
                (X509Certificate) keyStore.getCertificate("k"));
    }

    /** The OCTET STRING a PKCS#8 PrivateKeyInfo wraps: PKCS#1 for RSA, SEC1 for EC (RFC 5208). */
    private static byte[] innerKey(byte[] pkcs8) {
        int[] at = {0};
        header(pkcs8, at); // SEQUENCE
        int version = header(pkcs8, at); // INTEGER
        at[0] += version;
        int algorithm = header(pkcs8, at); // AlgorithmIdentifier
        at[0] += algorithm;
        int length = header(pkcs8, at); // OCTET STRING
        return Arrays.copyOfRange(pkcs8, at[0], at[0] + length);
    }

    /** Skips a DER tag and length at {@code at[0]}; returns the content's length. */
    private static int header(byte[] der, int[] at) {
        at[0]++; // tag
        int first = der[at[0]++] & 0xff;
        if (first < 0x80) {
            return first;
        }
        int length = 0;
        for (int i = 0; i < (first & 0x7f); i++) {
            length = (length << 8) | (der[at[0]++] & 0xff);
        }
        return length;
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
