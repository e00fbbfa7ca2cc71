package io.ascent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ascent validate} on a repository built to steal: its {@code ascent.yaml} links to the agent's
 * {@code ~/.git-credentials}. The run is refused as bad input and the token is in no output, on standard output
 * or in any of the five formats written to files.
 */
class HostileRepositoryTest {
    private static final String TOKEN = "ghp_0123456789abcdefFromTheAgentsHome0000";

    @TempDir
    Path temp;

    @Test
    void shouldNotLetALinkedChecklistLeakTheAgentsCredentials() throws IOException {
        Path home = Files.createDirectories(temp.resolve("home"));
        Path credentials = Files.writeString(home.resolve(".git-credentials"),
                "https://jenkins:" + TOKEN + "@github.com\n");
        Path repository = Files.createDirectories(temp.resolve("repo"));
        Files.createSymbolicLink(repository.resolve("ascent.yaml"), credentials);
        Path reports = Files.createDirectories(temp.resolve("reports"));

        CliRun run = CliRun.of("validate", repository.toString(), "--no-git", "-f", "text", "-f", "json",
                "-f", "junit", "-f", "sarif", "-f", "markdown", "-o", reports + "/");
        CliRun console = CliRun.of("validate", repository.toString(), "--no-git");

        assertThat(run.status()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(console.status()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(console.out()).contains("symbolic link that leads out of");
        StringBuilder everything = new StringBuilder(run.out()).append(run.err()).append(console.out())
                .append(console.err());
        try (Stream<Path> files = Files.list(reports)) {
            for (Path file : files.toList()) {
                everything.append(Files.readString(file));
            }
        }
        assertThat(reports).isDirectoryContaining("glob:**.sarif");
        assertThat(everything.toString()).doesNotContain(TOKEN, "ghp_", "jenkins:");
    }
}
