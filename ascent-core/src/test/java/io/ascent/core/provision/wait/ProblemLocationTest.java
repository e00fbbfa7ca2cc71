package io.ascent.core.provision.wait;

import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.manifest.ManifestLoader;
import io.ascent.core.manifest.Resource;
import io.ascent.core.report.Location;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A pod problem points at the manifest line that fixes it. */
class ProblemLocationTest {

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              template:
                spec:
                  initContainers:
                    - name: migrate
                      image: migrate:1
                  containers:
                    - name: sidecar
                      image: proxy:1
                    - name: app
                      image: app:does-not-exist
            """;

    private final Resource deployment = new ManifestLoader().parse(DEPLOYMENT, "deploy/web.yaml").resources().get(0);

    @Test
    void shouldPointAnImagePullFailureAtTheContainersImageLine() {
        assertThat(ProblemLocation.of(deployment, problem("app", "ImagePullBackOff")))
                .isEqualTo(new Location("deploy/web.yaml", 15, 18));
        assertThat(ProblemLocation.of(deployment, problem("migrate", "ErrImagePull")))
                .isEqualTo(new Location("deploy/web.yaml", 10, 18));
    }

    @Test
    void shouldPointACrashingContainerAtTheContainerItself() {
        assertThat(ProblemLocation.of(deployment, problem("sidecar", "CrashLoopBackOff")))
                .isEqualTo(new Location("deploy/web.yaml", 12, 11));
    }

    @Test
    void shouldPointAPodsOwnContainersInItsSpec() {
        Resource pod = new ManifestLoader().parse("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: one
                spec:
                  containers:
                    - name: app
                      image: app:1
                """, "pod.yaml").resources().get(0);

        assertThat(ProblemLocation.of(pod, problem("app", "InvalidImageName"))).isEqualTo(new Location("pod.yaml", 8, 14));
    }

    @Test
    void shouldKeepTheObjectsLocationForAPodLevelProblemOrAnUnknownContainer() {
        assertThat(ProblemLocation.of(deployment, new PodProblem("web-1", Optional.empty(), "Unschedulable", "")))
                .isEqualTo(deployment.location());
        assertThat(ProblemLocation.of(deployment, problem("injected-by-a-webhook", "ImagePullBackOff")))
                .isEqualTo(deployment.location());
    }

    @Test
    void shouldPointARefusalForAMissingServiceAccountAtTheServiceAccountNameLine() {
        Resource named = new ManifestLoader().parse(DEPLOYMENT.replace("    spec:\n      initContainers",
                "    spec:\n      serviceAccountName: runner\n      initContainers"), "deploy/web.yaml")
                .resources().get(0);
        String refusal = "pods \"web-6bd\" is forbidden: error looking up service account ns/runner: "
                + "serviceaccount \"runner\" not found";

        assertThat(ProblemLocation.of(named, PodProblem.refused("web", refusal)))
                .isEqualTo(new Location("deploy/web.yaml", 8, 27));
        assertThat(ProblemLocation.of(named, PodProblem.refused("web", refusal.replace("\"runner\" not", "\"other\" not"))))
                .as("another account than the template's").isEqualTo(named.location());
        assertThat(ProblemLocation.of(named, PodProblem.refused("web", "exceeded quota: small")))
                .as("any other refusal").isEqualTo(named.location());
    }

    private static PodProblem problem(String container, String reason) {
        return new PodProblem("web-1", Optional.of(container), reason, "");
    }
}
