package io.ascent.core.provision.kind;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A kind node is a privileged container on the agent: the repository may pin kind's images only. */
class NodeImagePolicyTest {

    private static final String DIGEST = "@sha256:6f86cf509dbb42767b6e79debc3f2c32e4ee01386f0489b3b2be24b0a55aac2b";
    private static final List<String> KIND_ONLY = NodeImagePolicy.allowed(Optional.empty());

    @Test
    void shouldAcceptKindsOwnImagesWithTagDigestOrRegistry() {
        assertThat(NodeImagePolicy.refusal("kindest/node:v1.31.14" + DIGEST, KIND_ONLY)).isEmpty();
        assertThat(NodeImagePolicy.refusal("docker.io/kindest/node:v1.31.14", KIND_ONLY)).isEmpty();
        assertThat(NodeImagePolicy.refusal("kindest/node" + DIGEST, KIND_ONLY)).isEmpty();
    }

    @Test
    void shouldRefuseAnyOtherImageTheRepositoryNames() {
        assertThat(NodeImagePolicy.refusal("attacker/node:v1.31.14" + DIGEST, KIND_ONLY)).get().asString()
                .contains("not one of kind's images", "privileged container on the build agent");
        assertThat(NodeImagePolicy.refusal("kindest/node-evil:v1", KIND_ONLY)).isPresent();
        assertThat(NodeImagePolicy.refusal("evil.example/kindest/node:v1", KIND_ONLY)).isPresent();
        assertThat(NodeImagePolicy.refusal("localhost:5000/kindest/node:v1", KIND_ONLY)).isPresent();
    }

    @Test
    void shouldAcceptTheRepositoriesTheOperatorNames() {
        List<String> mirror = NodeImagePolicy.allowed(Optional.of(" registry.corp:5000/kind/node , ,other/node"));
        assertThat(NodeImagePolicy.refusal("registry.corp:5000/kind/node:v1.31.14" + DIGEST, mirror)).isEmpty();
        assertThat(NodeImagePolicy.refusal("other/node:v1", mirror)).isEmpty();
        assertThat(NodeImagePolicy.refusal("kindest/node:v1", mirror)).as("kind's own stay allowed").isEmpty();
        assertThat(NodeImagePolicy.refusal("registry.corp:5000/kind/other:v1", mirror)).isPresent();
    }

    @Test
    void shouldAcceptTheUnionOfTheEnvironmentsAndTheSettingsRepositories() {
        List<String> both = NodeImagePolicy.allowed(Optional.of("env.corp/kind/node"),
                List.of(" Settings.Corp:5000/kind/node ", " "));
        assertThat(NodeImagePolicy.refusal("env.corp/kind/node:v1" + DIGEST, both)).isEmpty();
        assertThat(NodeImagePolicy.refusal("settings.corp:5000/kind/node:v1" + DIGEST, both)).isEmpty();
        assertThat(NodeImagePolicy.refusal("kindest/node:v1", both)).isEmpty();
        assertThat(NodeImagePolicy.refusal("other.corp/kind/node:v1", both)).isPresent();
        assertThat(NodeImagePolicy.allowed(Optional.empty(), List.of("settings.corp/node")))
                .contains("settings.corp/node").doesNotContain("env.corp/kind/node");
    }

    @Test
    void shouldTellARepositoryFromAReferenceWithTagOrDigestOrNoRepositoryAtAll() {
        assertThat(NodeImagePolicy.repositoryProblem("registry.corp:5000/kind/node")).isEmpty();
        assertThat(NodeImagePolicy.repositoryProblem("mirror/kindest-node")).isEmpty();
        assertThat(NodeImagePolicy.repositoryProblem("Registry.Corp/Kind/Node")).isEmpty();
        assertThat(NodeImagePolicy.repositoryProblem("registry.corp/kind/node:v1.31")).get().asString()
                .contains("holds a tag");
        assertThat(NodeImagePolicy.repositoryProblem("kind/node" + DIGEST)).get().asString()
                .contains("holds a digest");
        assertThat(NodeImagePolicy.repositoryProblem("kind node")).get().asString()
                .contains("is not an image repository");
        assertThat(NodeImagePolicy.repositoryProblem("registry.corp/")).isPresent();
        assertThat(NodeImagePolicy.repositoryProblem("/kind/node")).isPresent();
    }

    @Test
    void shouldReadTheRepositoryWithoutTagOrDigestKeepingARegistrysPort() {
        assertThat(NodeImagePolicy.repository("Registry.Corp:5000/Kind/Node:v1" + DIGEST))
                .isEqualTo("registry.corp:5000/kind/node");
        assertThat(NodeImagePolicy.repository("registry.corp:5000/kind/node")).isEqualTo("registry.corp:5000/kind/node");
    }
}
