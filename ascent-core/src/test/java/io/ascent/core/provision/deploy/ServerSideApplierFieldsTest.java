package io.ascent.core.provision.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.manifest.ManifestLoader;
import io.ascent.core.manifest.Resource;
import io.ascent.core.report.Location;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The API server names fields in its own path syntax; a report names them at their manifest line. */
class ServerSideApplierFieldsTest {

    private final Resource deployment = new ManifestLoader().parse("""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              template:
                metadata:
                  annotations:
                    seccomp.security.alpha.kubernetes.io/pod: runtime/default
                spec:
                  nodeSelector:
                    beta.kubernetes.io/arch: amd64
                  containers:
                    - name: app
                      image: app:1
            """, "deploy/web.yaml").resources().get(0);

    @Test
    void shouldReadIndexesAndMapKeysWithDotsAndSlashesAsOneToken() {
        assertThat(ServerSideApplier.tokens("spec.containers[0].image")).containsExactly("spec", "containers", "0",
                "image");
        assertThat(ServerSideApplier.tokens("spec.template.spec.nodeSelector[beta.kubernetes.io/arch]"))
                .containsExactly("spec", "template", "spec", "nodeSelector", "beta.kubernetes.io/arch");
        assertThat(ServerSideApplier.tokens("metadata.annotations[a.b/c].x")).containsExactly("metadata",
                "annotations", "a.b/c", "x");
        assertThat(ServerSideApplier.tokens("spec[unclosed.key")).containsExactly("spec", "unclosed.key");
    }

    @Test
    void shouldPointAWarningAtTheFieldItNames() {
        assertThat(ServerSideApplier.warnedField(deployment, List.of("spec.template.spec.nodeSelector"
                + "[beta.kubernetes.io/arch]: deprecated since v1.14; use \"kubernetes.io/arch\" instead")))
                .isEqualTo(new Location("deploy/web.yaml", 12, 34));
        assertThat(ServerSideApplier.warnedField(deployment, List.of("spec.template.metadata.annotations"
                + "[seccomp.security.alpha.kubernetes.io/pod]: non-functional in v1.27+")))
                .isEqualTo(new Location("deploy/web.yaml", 9, 51));
    }

    @Test
    void shouldPointAtTheFirstWarningThatNamesAFieldOrItsDeepestWrittenAncestorElseAtTheObject() {
        assertThat(ServerSideApplier.warnedField(deployment, List.of(
                "v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice",
                "spec.template.spec.containers[0].image: the first that names a field",
                "spec.template.spec.nodeSelector[beta.kubernetes.io/arch]: a later warning")))
                .isEqualTo(new Location("deploy/web.yaml", 15, 18));
        assertThat(ServerSideApplier.warnedField(deployment, List.of("spec.template.spec.hostAliases[0].ip: defaulted")))
                .as("the pod spec, which the manifest writes").isEqualTo(new Location("deploy/web.yaml", 11, 7));
        assertThat(ServerSideApplier.warnedField(deployment, List.of("something general: with a colon")))
                .isEqualTo(deployment.location());
    }
}
