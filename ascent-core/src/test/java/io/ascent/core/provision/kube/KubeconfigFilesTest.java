package io.ascent.core.provision.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ascent.core.provision.ProvisionException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A KUBECONFIG list chosen and merged as kubectl (client-go's clientcmd loading rules) chooses and merges it. */
class KubeconfigFilesTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private static String cluster(String name, String server) {
        return "- name: " + name + "\n  cluster:\n    server: " + server + "\n";
    }

    private static String context(String name, String cluster, String user) {
        return "- name: " + name + "\n  context:\n    cluster: " + cluster + "\n    user: " + user + "\n";
    }

    private static String user(String name, String token) {
        return "- name: " + name + "\n  user:\n    token: " + token + "\n";
    }

    private KubeconfigFiles list(Path... files) {
        StringBuilder variable = new StringBuilder();
        for (Path file : files) {
            variable.append(variable.isEmpty() ? "" : ":").append(file);
        }
        return KubeconfigFiles.locate(Optional.empty(), Map.of("HOME", dir.toString(), "KUBECONFIG",
                variable.toString()));
    }

    @Test
    void shouldKeepTheListsOrderDroppingEmptyEntriesAndRepeats() {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");

        KubeconfigFiles files = KubeconfigFiles.locate(Optional.empty(), Map.of("KUBECONFIG",
                "::" + b + "::" + a + ":" + b + ":"));

        assertThat(files.files()).containsExactly(b, a);
        assertThat(files.explicit()).isFalse();
        assertThat(files.describe()).isEqualTo("KUBECONFIG=" + b + ":" + a);
    }

    @Test
    void shouldReadTheHomeKubeconfigWhenKubeconfigIsUnsetOrEmpty() {
        assertThat(KubeconfigFiles.locate(Optional.empty(), Map.of("HOME", dir.toString())).files())
                .containsExactly(dir.resolve(".kube/config"));
        assertThat(KubeconfigFiles.locate(Optional.empty(), Map.of("HOME", dir.toString(), "KUBECONFIG", ":"))
                .files()).containsExactly(dir.resolve(".kube/config"));
    }

    @Test
    void shouldLetTheFirstFileThatDefinesAClusterWin() throws Exception {
        Path first = write("first", "clusters:\n" + cluster("shared", "https://first:6443"));
        Path second = write("second", "clusters:\n" + cluster("shared", "https://second:6443")
                + cluster("only-second", "https://other:6443"));

        MergedKubeconfig merged = list(first, second).load();

        assertThat(merged.cluster("shared").orElseThrow()).containsEntry("server", "https://first:6443");
        assertThat(merged.cluster("only-second").orElseThrow()).containsEntry("server", "https://other:6443");
    }

    @Test
    void shouldLetTheFirstFileThatDefinesAUserWin() throws Exception {
        Path first = write("first", "users:\n" + user("ops", "first-token"));
        Path second = write("second", "users:\n" + user("ops", "second-token"));

        assertThat(list(first, second).load().user("ops").orElseThrow()).containsEntry("token", "first-token");
    }

    @Test
    void shouldLetTheFirstFileThatDefinesAContextWin() throws Exception {
        Path first = write("first", "contexts:\n" + context("dev", "one", "ops"));
        Path second = write("second", "contexts:\n" + context("dev", "two", "ops") + context("eks", "eks", "aws"));

        MergedKubeconfig merged = list(first, second).load();

        assertThat(merged.context("dev").orElseThrow()).containsEntry("cluster", "one");
        assertThat(merged.contextNames()).containsExactly("dev", "eks");
    }

    @Test
    void shouldTakeTheCurrentContextFromTheFirstFileThatSetsOne() throws Exception {
        Path none = write("none", "current-context: \"\"\n");
        Path second = write("second", "current-context: eks\n");
        Path third = write("third", "current-context: dev\n");

        assertThat(list(none, second, third).load().currentContext()).contains("eks");
    }

    @Test
    void shouldSkipFilesOfTheListThatDoNotExist() throws Exception {
        Path second = write("second", "current-context: eks\ncontexts:\n" + context("eks", "eks", "aws"));

        MergedKubeconfig merged = list(dir.resolve("missing"), second).load();

        assertThat(merged.currentContext()).contains("eks");
        assertThat(merged.chooseContext(Optional.empty())).isEqualTo("eks");
    }

    @Test
    void shouldConnectToAContextDefinedInTheSecondFileAndMadeCurrentByTheFirst() throws Exception {
        Path first = write("first", "current-context: eks\nclusters:\n" + cluster("local", "https://local:6443"));
        Path second = write("second", "clusters:\n" + cluster("eks", "https://eks.example:443")
                + "contexts:\n" + context("eks", "eks", "aws") + "users:\n" + user("aws", "t"));
        MergedKubeconfig merged = list(first, second).load();

        assertThat(merged.toKubeConfig(merged.chooseContext(Optional.empty())).getServer())
                .isEqualTo("https://eks.example:443");
    }

    @Test
    void shouldResolveRelativePathsAgainstTheFolderOfTheFileThatDefinedTheStanza() throws Exception {
        Path first = write("one/first", "current-context: c\n");
        Path second = write("two/second", """
                clusters:
                - name: c
                  cluster:
                    server: https://c:6443
                    certificate-authority: certs/ca.crt
                users:
                - name: u
                  user:
                    client-certificate: certs/client.crt
                    client-key: ../keys/client.key
                    tokenFile: /abs/token
                - name: plugin
                  user:
                    tokenFile: token
                    exec:
                      command: bin/get-token
                - name: onpath
                  user:
                    exec:
                      command: aws
                contexts:
                - name: c
                  context: {cluster: c, user: u}
                """);

        MergedKubeconfig merged = list(first, second).load();

        Path folder = second.toAbsolutePath().getParent();
        assertThat(merged.cluster("c").orElseThrow())
                .containsEntry("certificate-authority", folder.resolve("certs/ca.crt").toString());
        assertThat(merged.user("u").orElseThrow())
                .containsEntry("client-certificate", folder.resolve("certs/client.crt").toString())
                .containsEntry("client-key", dir.resolve("keys/client.key").toAbsolutePath().toString())
                .containsEntry("tokenFile", "/abs/token");
        assertThat(merged.user("plugin").orElseThrow()).containsEntry("tokenFile", folder.resolve("token").toString());
        assertThat(merged.user("plugin").orElseThrow().get("exec"))
                .isEqualTo(Map.of("command", folder.resolve("bin/get-token").toString()));
        assertThat(merged.user("onpath").orElseThrow().get("exec")).isEqualTo(Map.of("command", "aws"));
    }

    @Test
    void shouldRequireAGivenKubeconfigToExist() {
        Path missing = dir.resolve("missing");

        assertThatThrownBy(() -> KubeconfigFiles.locate(Optional.of(missing), Map.of()).load())
                .isInstanceOf(ProvisionException.class)
                .hasMessage("the kubeconfig " + missing + " does not exist");
    }

    @Test
    void shouldNameTheFilesLookedInForAnUnknownContext() throws Exception {
        Path first = write("first", "contexts:\n" + context("dev", "c", "u"));
        Path second = write("second", "contexts:\n" + context("eks", "c", "u"));
        Path missing = dir.resolve("missing");

        MergedKubeconfig merged = list(first, missing, second).load();

        assertThatThrownBy(() -> merged.chooseContext(Optional.of("prod")))
                .isInstanceOf(ProvisionException.class)
                .hasMessage("no context 'prod' in the kubeconfigs " + first + ", " + second + " (" + missing
                        + " not found); defined: 'dev', 'eks'");
    }

    @Test
    void shouldSayWhenTheCurrentContextIsDefinedNowhere() throws Exception {
        Path first = write("first", "current-context: gone\ncontexts:\n" + context("dev", "c", "u"));

        assertThatThrownBy(() -> list(first).load().chooseContext(Optional.empty()))
                .hasMessage("the current context 'gone' is not defined in the kubeconfig " + first
                        + "; defined: 'dev'");
    }

    @Test
    void shouldNameASecondFileThatDoesNotParseWithoutQuotingIt() throws Exception {
        Path first = write("first", "current-context: dev\n");
        Path second = write("second", "users:\n- name: u\n  user:\n    token: s3cr3t-token\n   bad: [\n");

        assertThatThrownBy(() -> list(first, second).load())
                .isInstanceOfSatisfying(ProvisionException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProvisionException.Kind.ENVIRONMENT))
                .hasMessageStartingWith("the kubeconfig " + second + " cannot be read")
                .message().doesNotContain("s3cr3t");
    }

    @Test
    void shouldRefuseAFileWhoseListsAreNotLists() throws Exception {
        Path file = write("file", "clusters: {name: c}\n");

        assertThatThrownBy(() -> list(file).load()).hasMessageContaining("'clusters' is not a list");
    }

    @Test
    void shouldWriteTheChosenContextAloneReadableByItsOwnerOnly() throws Exception {
        Path first = write("one/first", "current-context: eks\nclusters:\n" + cluster("local", "https://l:1")
                + "users:\n" + user("other", "other-token"));
        Path second = write("two/second", "clusters:\n- name: eks\n  cluster:\n    server: https://eks:443\n"
                + "    certificate-authority: ca.crt\n" + "contexts:\n" + context("eks", "eks", "aws")
                + "users:\n" + user("aws", "aws-token"));
        MergedKubeconfig merged = list(first, second).load();
        Path single = dir.resolve("work/kubeconfig");
        Files.createDirectories(single.getParent());

        merged.writeSingle("eks", single);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(single))).isEqualTo("rw-------");
        MergedKubeconfig reread = KubeconfigFiles.of(single).load();
        assertThat(reread.contextNames()).containsExactly("eks");
        assertThat(reread.currentContext()).contains("eks");
        assertThat(reread.cluster("local")).isEmpty();
        assertThat(reread.user("other")).isEmpty();
        assertThat(reread.user("aws").orElseThrow()).containsEntry("token", "aws-token");
        assertThat(reread.cluster("eks").orElseThrow()).containsEntry("certificate-authority",
                second.toAbsolutePath().getParent().resolve("ca.crt").toString());
    }

    @Test
    void shouldReadAnEmptyFileAsAnEmptyKubeconfig() throws Exception {
        Path empty = write("empty", "");
        Path second = write("second", "current-context: eks\n");

        assertThat(list(empty, second).load().currentContext()).contains("eks");
        assertThat(list(empty).load().contextNames()).isEqualTo(List.of());
    }
}
