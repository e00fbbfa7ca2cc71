package io.ascent.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.Ascent;
import io.ascent.core.ValidateOptions;
import io.ascent.core.ValidationSteps;
import io.ascent.core.progress.ProgressListener;
import io.ascent.core.report.render.Format;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks quote repository content; whatever they quote, a secret reaches no rendered format. Each case puts a
 * token where one check is known to quote it, and the test first proves that the check does quote that place
 * (the redaction marker is there), then that the token is in no format.
 */
class SecretsInEveryFormatTest {
    // Fake tokens of the right shapes, assembled at run time so this file is not itself a finding.
    static final String SLACK = "xoxb" + "-" + "2048736190-4096137522-Zq8TnV3kLp9R";
    static final String JWT = "eyJ" + "hbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U";
    static final String GITHUB = "ghp" + "_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";

    @TempDir
    Path dir;

    static Stream<Arguments> places() {
        return Stream.of(
                Arguments.of("a label value (service selector)", SLACK, "", """
                        apiVersion: v1
                        kind: Service
                        metadata: {name: web}
                        spec:
                          selector: {app: %s}
                          ports: [{port: 80}]
                        """.formatted(SLACK)),
                Arguments.of("the ascent.dev/exempt annotation", GITHUB, "", """
                        apiVersion: v1
                        kind: ConfigMap
                        metadata:
                          name: cfg
                          annotations:
                            ascent.dev/exempt: "%s"
                        data: {a: b}
                        """.formatted(GITHUB)),
                Arguments.of("a wrongly typed field", SLACK, "", """
                        apiVersion: v1
                        kind: ConfigMap
                        metadata: {name: cfg}
                        immutable: "%s"
                        data: {a: b}
                        """.formatted(SLACK)),
                Arguments.of("an image name that is a JWT", JWT, "", """
                        apiVersion: v1
                        kind: Pod
                        metadata: {name: p}
                        spec:
                          containers:
                            - name: c
                              image: %s
                        """.formatted(JWT)),
                Arguments.of("a contains pattern's PASS message", GITHUB, """
                        items:
                          - id: token-present
                            title: The token is written down
                            check:
                              contains:
                                path: notes.txt
                                pattern: "%s"
                        """.formatted(GITHUB), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cfg}\ndata: {a: b}\n"),
                Arguments.of("a YAML error snippet", SLACK, "", """
                        apiVersion: v1
                        kind: ConfigMap
                        metadata: {name: cfg}
                        data:
                          %1$s: a
                          %1$s: b
                        """.formatted(SLACK)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("places")
    void shouldKeepASecretOutOfEveryFormat(String place, String secret, String items, String manifest)
            throws Exception {
        write("ascent.yaml", """
                apiVersion: ascent.dev/v1
                kind: Checklist
                metadata:
                  name: app
                repository:
                  secrets:
                    allow:
                      paths: ["**"]
                kubernetes:
                  version: "1.31"
                  manifests: [deploy/]
                """ + items);
        write("deploy/manifest.yaml", manifest);
        write("notes.txt", "the token is " + secret + "\n");
        Report report = new Ascent(Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC),
                ValidationSteps.builtIn()).validate(ValidateOptions.builder(dir).noGit(true).excerpts(true).build(),
                ProgressListener.SILENT);

        for (Format format : Format.values()) {
            StringWriter out = new StringWriter();
            format.renderer().render(report, out);
            assertThat(out.toString()).as("%s in %s", place, format).doesNotContain(secret)
                    .doesNotContain(secret.substring(0, 12));
        }
        StringWriter text = new StringWriter();
        Format.JSON.renderer().render(report, text);
        assertThat(text.toString()).as("the check quotes %s", place).contains("[redacted ");
        if (!place.contains("PASS")) {
            // A finding (not a pass) has its lines in the HTML report: the secret there is redacted too.
            assertThat(report.excerpts()).as("the HTML report shows the lines around %s", place).isNotEmpty();
        }
    }

    private void write(String path, String text) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
