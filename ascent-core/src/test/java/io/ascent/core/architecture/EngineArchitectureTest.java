package io.ascent.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The engine's shape as tests: no Jenkins or CLI types in the engine, the report model at the bottom, and no
 * cycles between capability packages. Plain JUnit tests calling ArchUnit, so that a broken rule fails the build.
 */
class EngineArchitectureTest {
    private static final JavaClasses ENGINE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.ascent.core");

    @Test
    void shouldKeepJenkinsAndCommandLineTypesOutOfTheEngine() {
        noClasses().that().resideInAPackage("io.ascent.core..")
                .should().dependOnClassesThat().resideInAnyPackage("hudson..", "jenkins..", "org.jenkinsci..",
                        "org.kohsuke..", "picocli..", "io.ascent.cli..", "io.ascent.jenkins..")
                .check(ENGINE);
    }

    @Test
    void shouldKeepTheReportModelFreeOfCapabilities() {
        noClasses().that().resideInAPackage("io.ascent.core.report..")
                .should().dependOnClassesThat().resideInAnyPackage("io.ascent.core.checklist..",
                        "io.ascent.core.yaml..", "io.ascent.core.jsonschema..", "io.ascent.core.validation..",
                        "io.ascent.core.manifest..", "io.ascent.core.repo..", "io.ascent.core.provision..",
                        "io.ascent.core.workspace..")
                .check(ENGINE);
    }

    @Test
    void shouldKeepYamlLoadingIndependentOfWhatItLoads() {
        noClasses().that().resideInAPackage("io.ascent.core.yaml..")
                .should().dependOnClassesThat().resideInAnyPackage("io.ascent.core.checklist..",
                        "io.ascent.core.validation..", "io.ascent.core.manifest..", "io.ascent.core.repo..")
                .check(ENGINE);
    }

    @Test
    void shouldReadFilesOnlyThroughConfinedFiles() {
        // Every read of a file's content goes through one gate that keeps it inside a root, refuses pipes and
        // devices, and bounds the size (docs/security.md, "Reading files").
        noClasses().that().resideInAPackage("io.ascent.core..")
                .and().doNotHaveFullyQualifiedName("io.ascent.core.workspace.ConfinedFiles")
                .should().callMethod(java.nio.file.Files.class, "newInputStream", java.nio.file.Path.class,
                        java.nio.file.OpenOption[].class)
                .orShould().callMethod(java.nio.file.Files.class, "readAllBytes", java.nio.file.Path.class)
                .orShould().callMethod(java.nio.file.Files.class, "readString", java.nio.file.Path.class)
                .orShould().callMethod(java.nio.file.Files.class, "readString", java.nio.file.Path.class,
                        java.nio.charset.Charset.class)
                .orShould().callMethod(java.nio.file.Files.class, "readAllLines", java.nio.file.Path.class)
                .orShould().callMethod(java.nio.file.Files.class, "readAllLines", java.nio.file.Path.class,
                        java.nio.charset.Charset.class)
                .orShould().callMethod(java.nio.file.Files.class, "lines", java.nio.file.Path.class)
                .orShould().callMethod(java.nio.file.Files.class, "newBufferedReader", java.nio.file.Path.class)
                .orShould().callMethod(java.nio.file.Files.class, "newBufferedReader", java.nio.file.Path.class,
                        java.nio.charset.Charset.class)
                .orShould().callConstructor(java.io.FileInputStream.class, java.io.File.class)
                .orShould().callConstructor(java.io.FileInputStream.class, String.class)
                .orShould().callConstructor(java.io.FileReader.class, java.io.File.class)
                .orShould().callConstructor(java.io.FileReader.class, String.class)
                .check(ENGINE);
    }

    @Test
    void shouldHaveNoCyclesBetweenCapabilityPackages() {
        slices().matching("io.ascent.core.(*)..").should().beFreeOfCycles().check(ENGINE);
    }
}
