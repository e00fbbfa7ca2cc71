package io.ascent.controlplane;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The certificates and keys of one test control plane, issued with openssl: a
 * throw-away CA, the API server's serving certificate for 127.0.0.1, an admin
 * client certificate in group system:masters (used by the tests and by every
 * component), and the service-account signing key pair.
 */
public record ClusterCredentials(
        Path caCertificate,
        Path caKey,
        Path servingCertificate,
        Path servingKey,
        Path adminCertificate,
        Path adminKey,
        Path serviceAccountKey,
        Path serviceAccountPublicKey) {

    private static final String VALIDITY_DAYS = "2";

    static ClusterCredentials issue(Path directory) throws IOException, InterruptedException {
        Files.createDirectories(directory);
        ClusterCredentials files = new ClusterCredentials(
                directory.resolve("ca.crt"), directory.resolve("ca.key"),
                directory.resolve("apiserver.crt"), directory.resolve("apiserver.key"),
                directory.resolve("admin.crt"), directory.resolve("admin.key"),
                directory.resolve("service-account.key"), directory.resolve("service-account.pub"));

        openssl(directory, "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                "-keyout", files.caKey.toString(), "-out", files.caCertificate.toString(),
                "-days", VALIDITY_DAYS, "-subj", "/CN=ascent-test-ca",
                "-addext", "basicConstraints=critical,CA:TRUE",
                "-addext", "keyUsage=critical,keyCertSign,cRLSign");
        files.sign(directory, "apiserver", "/CN=kube-apiserver", files.servingKey, files.servingCertificate,
                "subjectAltName=IP:127.0.0.1,DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,"
                        + "DNS:kubernetes.default.svc\n"
                        + "extendedKeyUsage=serverAuth\n"
                        + "keyUsage=critical,digitalSignature,keyEncipherment\n");
        files.sign(directory, "admin", "/O=system:masters/CN=ascent-admin", files.adminKey, files.adminCertificate,
                "extendedKeyUsage=clientAuth\n"
                        + "keyUsage=critical,digitalSignature,keyEncipherment\n");
        openssl(directory, "genrsa", "-out", files.serviceAccountKey.toString(), "2048");
        openssl(directory, "rsa", "-in", files.serviceAccountKey.toString(), "-pubout",
                "-out", files.serviceAccountPublicKey.toString());
        return files;
    }

    private void sign(Path directory, String name, String subject, Path key, Path certificate, String extensions)
            throws IOException, InterruptedException {
        Path request = directory.resolve(name + ".csr");
        Path extensionFile = directory.resolve(name + ".ext");
        Files.writeString(extensionFile, extensions, StandardCharsets.UTF_8);
        openssl(directory, "req", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(),
                "-out", request.toString(), "-subj", subject);
        openssl(directory, "x509", "-req", "-in", request.toString(),
                "-CA", caCertificate.toString(), "-CAkey", caKey.toString(), "-CAcreateserial",
                "-days", VALIDITY_DAYS, "-extfile", extensionFile.toString(), "-out", certificate.toString());
    }

    private static void openssl(Path directory, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(arguments));
        Path log = directory.resolve("openssl.log");
        Process process = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException("openssl " + String.join(" ", arguments) + " failed:\n" + LogTail.of(log, 20));
        }
    }
}
