package io.ascent.jenkins.agent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** A Jenkins workspace on the agent for the tests: {@code examples/hello-web} copied to {@code app/}, in git. */
public final class HelloWebWorkspace {

    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

    private HelloWebWorkspace() {
    }

    /** {@code <parent>/ws} with the example in {@code app/}, a git repository without commits. */
    public static Path create(Path parent) throws IOException {
        Path workspace = Files.createDirectories(parent.resolve("ws"));
        Path example = REPOSITORY.resolve("examples/hello-web");
        try (Stream<Path> paths = Files.walk(example)) {
            for (Path source : paths.toList()) {
                Path target = workspace.resolve("app").resolve(example.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        // A Jenkins workspace is a checkout: the repository a kind configuration's host paths must stay in.
        git(workspace, "init", "-q");
        git(workspace, "config", "user.name", "t");
        git(workspace, "config", "user.email", "t@example.org");
        return workspace;
    }

    /** The example's kind configuration, mounting {@code hostPath} at line 7. */
    static void mount(Path workspace, String hostPath) throws IOException {
        Files.writeString(workspace.resolve("app/deploy/kind-config.yaml"), """
                apiVersion: kind.x-k8s.io/v1alpha4
                kind: Cluster
                nodes:
                  - role: control-plane
                    extraMounts:
                      - containerPath: /cache
                        hostPath: %s
                """.formatted(hostPath));
    }

    public static void git(Path workspace, String... args) throws IOException {
        List<String> argv = new ArrayList<>(List.of("git", "-C", workspace.toString()));
        argv.addAll(List.of(args));
        try {
            Process git = new ProcessBuilder(argv).redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (git.waitFor() != 0) {
                throw new IOException(argv + ": " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
