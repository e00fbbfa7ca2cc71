package io.ascent.controlplane;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * Writes a kubeconfig for the admin user with the certificates embedded, so the
 * file stays valid wherever it is copied and any client (client-java, kubectl,
 * the provisioner) can use it as it is.
 */
final class KubeconfigFile {

    private KubeconfigFile() {
    }

    static Path write(Path file, URI server, ClusterCredentials credentials) throws IOException {
        String kubeconfig = """
                apiVersion: v1
                kind: Config
                clusters:
                - name: ascent-test
                  cluster:
                    server: %s
                    certificate-authority-data: %s
                users:
                - name: ascent-admin
                  user:
                    client-certificate-data: %s
                    client-key-data: %s
                contexts:
                - name: ascent-test
                  context:
                    cluster: ascent-test
                    user: ascent-admin
                current-context: ascent-test
                """.formatted(server,
                base64(credentials.caCertificate()),
                base64(credentials.adminCertificate()),
                base64(credentials.adminKey()));
        Files.createDirectories(file.getParent());
        Files.writeString(file, kubeconfig, StandardCharsets.UTF_8);
        return file;
    }

    private static String base64(Path file) throws IOException {
        return Base64.getEncoder().encodeToString(Files.readAllBytes(file));
    }
}
