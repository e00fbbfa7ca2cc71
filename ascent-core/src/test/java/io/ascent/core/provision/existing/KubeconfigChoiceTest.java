package io.ascent.core.provision.existing;

import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.provision.ClusterRequest;
import io.ascent.core.provision.kube.KubeconfigFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kubeconfig files the existing driver uses, found as kubectl finds them (and as the warm-up opens them early). */
class KubeconfigChoiceTest {

    @TempDir
    Path home;

    /** {@code ~/.kube/config} and the files {@code names}, all empty. */
    private List<Path> homeConfigAnd(String... names) throws Exception {
        Files.createDirectories(home.resolve(".kube"));
        Files.writeString(home.resolve(".kube/config"), "");
        List<Path> files = new java.util.ArrayList<>();
        for (String name : names) {
            files.add(Files.writeString(home.resolve(name), ""));
        }
        return files;
    }

    @Test
    void shouldUseTheGivenFileWhateverElseExists() throws Exception {
        List<Path> files = homeConfigAnd("given", "other");

        assertThat(ExistingClusterDriver.kubeconfigFiles(Optional.of(files.get(0)),
                Map.of("HOME", home.toString(), "KUBECONFIG", files.get(1).toString())))
                .map(KubeconfigFiles::files).contains(List.of(files.get(0)));
    }

    @Test
    void shouldReportAGivenFileThatDoesNotExistRatherThanFallBack() {
        Path missing = home.resolve("missing");

        assertThat(ExistingClusterDriver.kubeconfigFiles(Optional.of(missing), Map.of("HOME", home.toString())))
                .map(KubeconfigFiles::explicit).contains(true);
    }

    @Test
    void shouldTakeEveryFileOfKubeconfigBeforeTheHomeOne() throws Exception {
        List<Path> files = homeConfigAnd("first", "second");

        assertThat(ExistingClusterDriver.kubeconfigFiles(Optional.empty(),
                Map.of("HOME", home.toString(), "KUBECONFIG", files.get(0) + ":" + files.get(1))))
                .map(KubeconfigFiles::existing).contains(files);
    }

    @Test
    void shouldFallBackToTheHomeKubeconfigAndToNothing() throws Exception {
        Map<String, String> environment = Map.of("HOME", home.toString());
        assertThat(ExistingClusterDriver.kubeconfigFiles(Optional.empty(), environment)).isEmpty();

        Files.createDirectories(home.resolve(".kube"));
        Path config = Files.writeString(home.resolve(".kube/config"), "");

        assertThat(ExistingClusterDriver.kubeconfigFiles(Optional.empty(), environment))
                .map(KubeconfigFiles::existing).contains(List.of(config));
    }

    @Test
    void shouldNameTheUsersOwnFileWhenTheContextComesFromOneFile() throws Exception {
        Path only = Files.writeString(home.resolve("only"), CONTEXT_FILE);
        KubeconfigChoice choice = choice(Optional.empty(), home.resolve("missing") + ":" + only);

        KubeconfigChoice.Single single = choice.kubeconfigFor(home.resolve("work"), Map.of());

        assertThat(single).isEqualTo(new KubeconfigChoice.Single(only.toAbsolutePath(), Optional.empty()));
        assertThat(home.resolve("work/kubeconfig")).doesNotExist();
    }

    @Test
    void shouldWriteTheContextOfSeveralFilesAloneIntoTheRunsFolderForItsOwnerOnly() throws Exception {
        Path first = Files.writeString(home.resolve("first"), "current-context: eks\n");
        Path second = Files.writeString(home.resolve("second"), CONTEXT_FILE.replace("current-context: eks\n", ""));
        KubeconfigChoice choice = choice(Optional.empty(), first + ":" + second);

        KubeconfigChoice.Single single = choice.kubeconfigFor(home.resolve("work"), Map.of());

        assertThat(single).isEqualTo(new KubeconfigChoice.Single(home.resolve("work/kubeconfig").toAbsolutePath(),
                Optional.of("eks")));
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(single.kubeconfig()))).isEqualTo("rw-------");
        assertThat(Files.readString(single.kubeconfig())).contains("server: https://eks.example:443",
                "current-context: eks");
        assertThat(choice.displayName()).isEqualTo("context eks (current) of KUBECONFIG=" + first + ":" + second);
    }

    @Test
    void shouldKeepAGivenFileAsTheRunsKubeconfigWithTheContextAskedFor() throws Exception {
        Path given = Files.writeString(home.resolve("given"), CONTEXT_FILE);
        KubeconfigChoice choice = choice(Optional.of(given), "");

        assertThat(choice.kubeconfigFor(home.resolve("work"), Map.of())).isEqualTo(new KubeconfigChoice.Single(
                given.toAbsolutePath(), Optional.of("eks")));
        assertThat(choice.displayName()).isEqualTo("context eks of " + given);
    }

    private static final String CONTEXT_FILE = "current-context: eks\nclusters:\n- name: eks\n  cluster:\n"
            + "    server: https://eks.example:443\nusers:\n- name: aws\n  user:\n    token: t\n"
            + "contexts:\n- name: eks\n  context:\n    cluster: eks\n    user: aws\n";

    private KubeconfigChoice choice(Optional<Path> given, String variable) throws Exception {
        ClusterRequest request = new ClusterRequest("ascent-20261130-231500-abcdef", Optional.empty(),
                Optional.empty(), Optional.empty(), given, given.map(g -> "eks"), home.resolve("work"),
                java.time.Duration.ofMinutes(1), Map.of());
        return KubeconfigChoice.of(request, Map.of("HOME", home.toString(), "KUBECONFIG", variable));
    }

    @Test
    void shouldNameTheFilesOfKubeconfigWhenNoneExists() {
        Map<String, String> environment = Map.of("HOME", home.toString(), "KUBECONFIG", home.resolve("a") + ":"
                + home.resolve("b"));

        assertThat(ExistingClusterDriver.kubeconfigFiles(Optional.empty(), environment)).isEmpty();
    }
}
