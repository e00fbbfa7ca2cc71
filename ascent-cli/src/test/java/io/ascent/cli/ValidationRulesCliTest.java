package io.ascent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user sees of CRD validation rules ({@code manifest.validation-rules}) from {@code ascent validate}: exit
 * status and the exact lines of its items, on a CRD modelled on cert-manager's Certificate and ClusterAPI's rules.
 */
class ValidationRulesCliTest {
    private static final String CHECKLIST = """
            apiVersion: ascent.dev/v1
            kind: Checklist
            metadata:
              name: rules
            kubernetes:
              version: "1.31"
              manifests: [deploy/]
            """;
    private static final String CRD = """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata: {name: certificates.cert-manager.io}
            spec:
              group: cert-manager.io
              names: {kind: Certificate, plural: certificates}
              scope: Namespaced
              versions:
              - name: v1
                served: true
                storage: true
                schema:
                  openAPIV3Schema:
                    type: object
                    properties:
                      spec:
                        type: object
                        properties:
                          secretName: {type: string}
                          duration: {type: string, format: duration}
                          renewBefore: {type: string, format: duration}
                          dnsNames: {type: array, items: {type: string}}
                        x-kubernetes-validations:
                        - rule: "!has(self.renewBefore) || !has(self.duration) || self.renewBefore < self.duration"
                          message: renewBefore must be shorter than duration
                          fieldPath: .renewBefore
                        - rule: self.secretName == oldSelf.secretName
                          message: secretName is immutable
            """;

    @TempDir
    Path repository;

    private CliRun validate(String certificate) throws IOException {
        Files.writeString(repository.resolve("ascent.yaml"), CHECKLIST);
        Files.createDirectories(repository.resolve("deploy"));
        Files.writeString(repository.resolve("deploy/certificate.yaml"), certificate + "---\n" + CRD);
        // -v: passed and skipped items are listed, not only counted
        return CliRun.of("validate", repository.toString(), "--no-git", "-v");
    }

    @Test
    void shouldFailAtTheValueWithTheRulesMessageAndSkipTheTransitionRule() throws IOException {
        CliRun run = validate("""
                apiVersion: cert-manager.io/v1
                kind: Certificate
                metadata: {name: web}
                spec:
                  secretName: web-tls
                  duration: 24h
                  renewBefore: 48h
                """);

        assertThat(run.status()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.out()).contains("""
                FAIL   deploy/certificate.yaml:7:16: Certificate/web: spec.renewBefore: Invalid value: renewBefore must\
                 be shorter than duration [manifest.validation-rules]
                       fix: make the object satisfy the rule '!has(self.renewBefore) || !has(self.duration) ||\
                 self.renewBefore < self.duration' of CustomResourceDefinition certificates.cert-manager.io\
                 (deploy/certificate.yaml:32:21)
                """);
        assertThat(run.out().lines().filter(line -> line.startsWith("SKIP ")))
                .anySatisfy(line -> assertThat(line).contains("the rule 'self.secretName == oldSelf.secretName' of"
                        + " CustomResourceDefinition certificates.cert-manager.io (deploy/certificate.yaml:35:21)"
                        + " was not evaluated: it is a transition rule (it reads oldSelf): it judges a change to an"
                        + " object that already exists, and a manifest has no old object [manifest.validation-rules]"));
    }

    @Test
    void shouldPassWhenTheRulesHold() throws IOException {
        CliRun run = validate("""
                apiVersion: cert-manager.io/v1
                kind: Certificate
                metadata: {name: web}
                spec: {secretName: web-tls, duration: 2160h, renewBefore: 360h}
                """);

        assertThat(run.status()).as(run.out()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains(
                "PASS   1 custom resource satisfies the validation rules of its CRD [manifest.validation-rules]\n");
    }
}
