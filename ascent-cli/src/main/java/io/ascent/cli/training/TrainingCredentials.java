package io.ascent.cli.training;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The throw-away keys of the training cluster, shaped as a real cluster's: a certificate authority, a server
 * certificate it signed for 127.0.0.1 (so the client validates a chain, as it does against every cluster), and a
 * client certificate with its PKCS#8 RSA key, as in the kubeconfigs of kubeadm and the test control plane, so that
 * the training run reads and presents a client key the way a real run does. The JDK has no public API that signs
 * a certificate, so its {@code keytool} makes them (RSA 2048, valid two days) in the scratch folder; they are
 * never used for anything but the training run.
 */
final class TrainingCredentials {

    private static final char[] PASSWORD = "training".toCharArray();
    private static final long KEYTOOL_SECONDS = 60;

    private final PrivateKey serverKey;
    private final X509Certificate[] serverChain;
    private final KeyStore client;

    private TrainingCredentials(PrivateKey serverKey, X509Certificate[] serverChain, KeyStore client) {
        this.serverKey = serverKey;
        this.serverChain = serverChain;
        this.client = client;
    }

    /**
     * Makes the keys in {@code scratch}.
     *
     * @throws IOException when {@code keytool} is missing, fails or takes too long
     */
    static TrainingCredentials create(Path scratch) throws IOException, InterruptedException {
        Path ca = scratch.resolve("training-ca.p12");
        Path server = scratch.resolve("training-server.p12");
        Path client = scratch.resolve("training-client.p12");
        Path request = scratch.resolve("training-server.csr");
        Path signed = scratch.resolve("training-server.crt");
        keytool(List.of(genkeypair(ca, "ca", "CN=ascent-training-ca", "-ext", "bc:c"),
                genkeypair(server, "server", "CN=ascent-training-server"),
                genkeypair(client, "client", "CN=ascent-training,O=system:masters")));
        keytool(List.of(List.of("-certreq", "-alias", "server", "-keystore", server.toString(), "-storepass",
                new String(PASSWORD), "-file", request.toString())));
        keytool(List.of(List.of("-gencert", "-alias", "ca", "-keystore", ca.toString(), "-storepass",
                new String(PASSWORD), "-infile", request.toString(), "-outfile", signed.toString(), "-validity", "2",
                "-ext", "SAN=ip:127.0.0.1", "-ext", "EKU=serverAuth", "-ext", "KU=digitalSignature,keyEncipherment")));
        try (InputStream in = Files.newInputStream(signed)) {
            KeyStore authority = load(ca);
            X509Certificate leaf = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            X509Certificate root = (X509Certificate) authority.getCertificate("ca");
            PrivateKey key = (PrivateKey) load(server).getKey("server", PASSWORD);
            return new TrainingCredentials(key, new X509Certificate[] {leaf, root}, load(client));
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read the training keys: " + e.getMessage(), e);
        }
    }

    /** The TLS context of the server: its own key, asking for (and trusting) the training client's certificate. */
    SSLContext serverContext() throws GeneralSecurityException {
        KeyStore own = empty();
        own.setKeyEntry("server", serverKey, PASSWORD, serverChain);
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(own, PASSWORD);
        KeyStore trusted = empty();
        trusted.setCertificateEntry("client", client.getCertificate("client"));
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
        return context;
    }

    /** The authority's certificate, base64 of its PEM: the kubeconfig's {@code certificate-authority-data}. */
    String authorityData() throws GeneralSecurityException {
        return base64Pem("CERTIFICATE", serverChain[serverChain.length - 1].getEncoded());
    }

    /** The client certificate, base64 of its PEM: {@code client-certificate-data}. */
    String clientCertificateData() throws GeneralSecurityException {
        Certificate certificate = client.getCertificate("client");
        return base64Pem("CERTIFICATE", certificate.getEncoded());
    }

    /** The client key as PKCS#8 PEM, base64: {@code client-key-data}. */
    String clientKeyData() throws GeneralSecurityException {
        PrivateKey key = (PrivateKey) client.getKey("client", PASSWORD);
        return base64Pem("PRIVATE KEY", key.getEncoded());
    }

    private static String base64Pem(String type, byte[] der) {
        String pem = "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
        return Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII));
    }

    private static List<String> genkeypair(Path store, String alias, String name, String... extensions) {
        List<String> arguments = new ArrayList<>(List.of("-genkeypair", "-alias", alias, "-keyalg", "RSA",
                "-keysize", "2048", "-validity", "2", "-dname", name, "-storetype", "PKCS12", "-keystore",
                store.toString(), "-storepass", new String(PASSWORD)));
        arguments.addAll(List.of(extensions));
        return arguments;
    }

    /** Runs {@code keytool} once per argument list, all at once, and waits for every one to succeed. */
    private static void keytool(List<List<String>> runs) throws IOException, InterruptedException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<Process> processes = new ArrayList<>();
        try {
            for (List<String> arguments : runs) {
                List<String> command = new ArrayList<>();
                command.add(keytool.toString());
                command.addAll(arguments);
                processes.add(new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
            }
            for (Process process : processes) {
                if (!process.waitFor(KEYTOOL_SECONDS, TimeUnit.SECONDS)) {
                    throw new IOException("keytool took longer than " + KEYTOOL_SECONDS + "s");
                }
                if (process.exitValue() != 0) {
                    throw new IOException("keytool failed with exit status " + process.exitValue());
                }
            }
        } finally {
            processes.forEach(Process::destroyForcibly); // those still running after a failure
        }
    }

    private static KeyStore empty() throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
        return store;
    }

    private static KeyStore load(Path store) throws IOException {
        try (InputStream in = Files.newInputStream(store)) {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(in, PASSWORD);
            return keys;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read " + store.getFileName() + ": " + e.getMessage(), e);
        }
    }
}
