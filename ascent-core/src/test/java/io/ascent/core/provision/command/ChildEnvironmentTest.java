package io.ascent.core.provision.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One value per name for a Windows child, exact names elsewhere. */
class ChildEnvironmentTest {

    @Test
    void shouldLetAnAddedVariableReplaceTheRunsWhateverItsCaseOnWindows() {
        Map<String, String> child = ChildEnvironment.of(Map.of("Path", "C:\\Windows", "TEMP", "C:\\t"),
                Map.of("PATH", "C:\\kind;C:\\Windows"), OperatingSystem.WINDOWS);

        assertThat(child).hasSize(2);
        assertThat(child.keySet()).containsExactlyInAnyOrder("PATH", "TEMP");
        assertThat(child.get("path")).isEqualTo("C:\\kind;C:\\Windows");
    }

    @Test
    void shouldKeepTheLaterOfTwoSpellingsInOneMapOnWindows() {
        Map<String, String> run = new LinkedHashMap<>();
        run.put("Path", "first");
        run.put("PATH", "second");

        assertThat(ChildEnvironment.of(run, Map.of(), OperatingSystem.WINDOWS)).containsExactly(
                Map.entry("PATH", "second"));
        assertThat(ChildEnvironment.get(run, "path", OperatingSystem.WINDOWS)).isEqualTo("second");
    }

    @Test
    void shouldKeepNamesThatDifferOnlyInCaseApartOnUnix() {
        Map<String, String> child = ChildEnvironment.of(Map.of("Path", "a"), Map.of("PATH", "b"),
                OperatingSystem.UNIX);

        assertThat(child).containsOnly(Map.entry("Path", "a"), Map.entry("PATH", "b"));
        assertThat(ChildEnvironment.get(child, "path", OperatingSystem.UNIX)).isNull();
    }

    @Test
    void shouldDropNullNamesAndValues() {
        Map<String, String> run = new java.util.HashMap<>();
        run.put("A", null);
        run.put(null, "x");
        run.put("B", "b");

        assertThat(ChildEnvironment.of(run, Map.of(), OperatingSystem.UNIX)).containsOnly(Map.entry("B", "b"));
    }

    @Test
    void shouldTellWindowsFromItsOsName() {
        assertThat(OperatingSystem.of("Windows Server 2022")).isEqualTo(OperatingSystem.WINDOWS);
        assertThat(OperatingSystem.of("Linux")).isEqualTo(OperatingSystem.UNIX);
        assertThat(OperatingSystem.of("Mac OS X")).isEqualTo(OperatingSystem.UNIX);
    }
}
