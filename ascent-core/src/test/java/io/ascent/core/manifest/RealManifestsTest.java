package io.ascent.core.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.report.Item;
import io.ascent.core.report.Report;
import io.ascent.core.report.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real, well-kept application (microservices-demo, see src/test/resources/microservices-demo): every check runs,
 * nothing is falsely reported, and the two things it really lacks are found at their lines.
 */
class RealManifestsTest {

    @Test
    void shouldFindOnlyTheLoadGeneratorsMissingResourcesAndProbesInMicroservicesDemo(@TempDir Path repository)
            throws Exception {
        Path demo = Path.of(getClass().getResource("/microservices-demo/kubernetes-manifests.yaml").toURI());
        String manifests = Files.readString(demo);
        ManifestWorkspace workspace = new ManifestWorkspace(repository)
                .checklist("kubernetes:\n  version: \"1.31\"\n  manifests: [deploy/]\n")
                .write("deploy/kubernetes-manifests.yaml", manifests);
        Report report = workspace.validate(Optional.empty());

        assertThat(report.items()).filteredOn(i -> i.id().equals("manifest.parse")).singleElement()
                .extracting(Item::message).isEqualTo("1 file read: 35 resources");
        assertThat(report.items()).filteredOn(i -> i.status() != Status.PASS)
                .extracting(i -> i.status() + " " + i.location() + " " + i.id() + " " + i.key())
                .containsExactly(
                        "WARN deploy/kubernetes-manifests.yaml:468:9 manifest.resources "
                                + "Deployment/loadgenerator/initContainers/frontend-check",
                        "WARN deploy/kubernetes-manifests.yaml:499:9 manifest.probes "
                                + "Deployment/loadgenerator/containers/main");
        assertThat(report.items()).filteredOn(i -> i.id().equals("manifest.service-selector")).singleElement()
                .extracting(Item::message).isEqualTo("12 Services: every selector matches the pods of a workload");
    }
}
