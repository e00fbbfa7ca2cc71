package io.ascent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher records two archives from the training run: one for {@code validate} from its validate part only (so
 * that validate does not map the provisioning classes), one for every other command from the whole run.
 */
class ValidateTrainingTest {

    @TempDir
    Path scratch;

    private final Path app = Path.of("app");

    @Test
    void shouldTrainTheValidateArchiveOnValidateCommandsOnly() throws IOException {
        List<List<String>> commands = StartupTraining.validateCommands(app, scratch);

        assertThat(commands).isNotEmpty().allSatisfy(command -> assertThat(command.get(0)).isEqualTo("validate"));
    }

    @Test
    void shouldTrainTheWholeArchiveOnTheValidatePartAndOnTheOtherCommands() throws IOException {
        List<List<String>> commands = StartupTraining.commands(app, scratch, Optional.empty());

        assertThat(commands).containsAll(StartupTraining.validateCommands(app, scratch));
        assertThat(commands).extracting(command -> command.get(0)).contains("provision", "doctor");
    }

    @Test
    void shouldTrainValidateOnEveryReportFormat() throws IOException {
        List<String> validate = StartupTraining.validateCommands(app, scratch).get(0);

        assertThat(validate).contains("text", "json", "sarif", "junit", "markdown");
    }
}
