package io.ascent.core.checklist;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The checklist's {@code provision} section: the cluster to create or use, what to deploy, the smoke tests, and
 * the teardown policy.
 */
public record ProvisionSettings(Cluster cluster, Deploy deploy, List<SmokeTest> tests, Teardown teardown) {

    public ProvisionSettings {
        tests = List.copyOf(tests);
    }

    /**
     * @param driver            {@code kind} or {@code existing}
     * @param kubernetesVersion version of a kind cluster, if given (else the kubernetes section's)
     * @param nodeImage         kind node image, if pinned
     * @param config            kind configuration file, relative to the application directory
     * @param context           kubeconfig context of an existing cluster
     * @param namespacePrefix   prefix of the run's fresh namespace
     * @param podSecurity       the Pod Security Standard ({@code privileged}, {@code baseline}, {@code restricted})
     *                          the namespace the run deploys to enforces, if set
     */
    public record Cluster(Driver driver, Optional<String> kubernetesVersion, Optional<String> nodeImage,
            Optional<String> config, Optional<String> context, String namespacePrefix, Optional<String> podSecurity) {
    }

    /** @param manifests what to apply (empty: the kubernetes section's manifests) */
    public record Deploy(List<String> manifests, Duration timeout) {
        public Deploy {
            manifests = List.copyOf(manifests);
        }
    }

    /** A smoke test: exactly one of {@code http} and {@code job} is present. */
    public record SmokeTest(String name, Duration timeout, Optional<HttpProbe> http, Optional<JobProbe> job) {
    }

    /**
     * An HTTP request through the API server's service proxy.
     *
     * @param method {@code GET} unless the checklist says otherwise (one of the schema's methods)
     */
    public record HttpProbe(String service, String port, String method, String path, int expectStatus,
            Optional<String> expectBody) {
    }

    /** A Job whose completion is the test. */
    public record JobProbe(String manifest) {
    }

    public enum Driver { KIND, EXISTING }

    public enum Teardown { ALWAYS, ON_SUCCESS }
}
