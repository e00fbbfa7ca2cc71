package io.ascent.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

/**
 * A checkout for tests of the {@code ./ascent} launcher: the real launcher, stand-ins for the sources it compares its
 * jar with (all an hour old) and a jar newer than them, so that the launcher never builds.
 */
public final class FakeCheckout {
    /** The repository's root, from a test of this module. */
    public static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private FakeCheckout() {
    }

    /**
     * Makes the checkout in {@code work/checkout} and returns it; its jars are {@code ascent-cli/target/ascent.jar}
     * and {@code ascent-validate.jar}, as a build leaves them (validate's not older).
     */
    public static Path create(Path work) throws IOException {
        Path checkout = work.resolve("checkout");
        Path target = Files.createDirectories(checkout.resolve("ascent-cli/target"));
        Files.copy(ROOT.resolve("ascent"), checkout.resolve("ascent"));
        for (String source : List.of("pom.xml", "ascent-core/pom.xml", "ascent-cli/pom.xml",
                "ascent-core/src/main/java/A.java", "ascent-cli/src/main/java/B.java",
                "examples/hello-web/ascent.yaml")) {
            ageAnHour(Files.writeString(Files.createDirectories(checkout.resolve(source).getParent())
                    .resolve(Path.of(source).getFileName()), "x"));
        }
        Files.writeString(target.resolve("ascent.jar"), "jar");
        Files.writeString(target.resolve("ascent-validate.jar"), "validate's jar");
        return checkout;
    }

    /** Sets {@code file}'s modification time an hour back: older than anything the test makes later. */
    public static Path ageAnHour(Path file) throws IOException {
        return Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(3600)));
    }
}
