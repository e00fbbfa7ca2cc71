package io.ascent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Waivers in a monorepo, as a user meets them: paths relative to the application directory, one resource of a
 * multi-document file, and a warning at each waiver that did nothing.
 */
class WaiversTest {
    private static final String MANIFESTS = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: node-agent
            spec:
              hostNetwork: true
              containers:
                - name: agent
                  image: ghcr.io/example/agent:1.0.0
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              hostPID: true
              containers:
                - name: web
                  image: ghcr.io/example/web:1.0.0
            """;

    @TempDir
    Path repository;

    private Path application(String waivers) throws Exception {
        Files.createDirectory(repository.resolve(".git"));
        Path web = Files.createDirectories(repository.resolve("services/web/deploy"));
        Files.writeString(web.resolve("all.yaml"), MANIFESTS);
        Files.writeString(web.resolveSibling("ascent.yaml"), """
                apiVersion: ascent.dev/v1
                kind: Checklist
                metadata:
                  name: web
                kubernetes:
                  version: "1.31"
                  manifests: [deploy/]
                  checks:
                    manifest.resources: {enabled: false}
                    manifest.probes: {enabled: false}
                    manifest.run-as-non-root: {enabled: false}
                    manifest.read-only-root-filesystem: {enabled: false}
                waivers:
                """ + waivers);
        return web.getParent();
    }

    @Test
    void shouldWaiveOneResourceByAPathRelativeToTheApplicationDirectory() throws Exception {
        Path web = application("""
                  - id: manifest.host-namespaces
                    path: "deploy/all.yaml"
                    resource: Pod/node-agent
                    reason: the agent reads host metrics
                    owner: team-web
                    expires: 2099-06-30
                """);
        // -v: waived items are otherwise a count under the failures.
        CliRun run = CliRun.of("validate", web.toString(), "--no-git", "-v");
        assertThat(run.status()).as(run.out()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.out())
                .contains("WAIVED services/web/deploy/all.yaml:6:16: Pod/node-agent: the pod sets hostNetwork: true")
                .contains("FAIL   services/web/deploy/all.yaml:16:12: Pod/web: the pod sets hostPID: true")
                .doesNotContain("matches no finding");
    }

    @Test
    void shouldWarnAtEachWaiverThatDidNothing() throws Exception {
        Path web = application("""
                  - id: manifest.host-namespaces
                    path: "services/web/deploy/**"
                    reason: written from the repository root, as before
                    owner: team-web
                    expires: 2099-06-30
                  - id: manifest.host-namespaces
                    key: Pod/api
                    reason: no such pod any more
                    owner: team-web
                    expires: 2099-06-30
                  - id: manifest.probs
                    reason: a typo
                    owner: team-web
                    expires: 2099-06-30
                """);
        CliRun run = CliRun.of("validate", web.toString(), "--no-git");
        assertThat(run.status()).as(run.out()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.out()).doesNotContain("WAIVED")
                .contains("WARN   services/web/ascent.yaml:14:9: the waiver for 'manifest.host-namespaces' matches no"
                        + " finding: its path 'services/web/deploy/**' is now relative to the application directory"
                        + " services/web, not the repository root (it would have waived services/web/deploy/all.yaml)")
                .contains("fix: write the path relative to services/web: path: \"deploy/**\"")
                .contains("WARN   services/web/ascent.yaml:19:9: the waiver for 'manifest.host-namespaces' matches no"
                        + " finding in this run")
                .contains("WARN   services/web/ascent.yaml:24:9: the waiver names 'manifest.probs', which is no check;"
                        + " did you mean 'manifest.probes'?");
    }
}
