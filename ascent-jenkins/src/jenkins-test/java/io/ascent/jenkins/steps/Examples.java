package io.ascent.jenkins.steps;

import java.nio.file.Path;

/** Where the project's committed examples are, seen from the plugin module the build runs in. */
final class Examples {

    /** The repository root: examples/hello-web and friends are committed there, in git. */
    static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

    private Examples() {
    }

    /** A Pipeline running {@code body} with the repository as its workspace. */
    static String inRepository(String body) {
        return "node { ws('" + REPOSITORY.toString().replace("\\", "/") + "') {\n" + body + "\n} }";
    }

    /** A report folder under this build's output, one per test. */
    static String reports(String test) {
        return "ascent-jenkins/target/jenkins/it-reports/" + test + "/";
    }
}
