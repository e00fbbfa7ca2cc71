package io.ascent.core.provision.kube;

import static io.ascent.core.provision.kube.ApiServerDouble.json;
import static io.ascent.core.provision.kube.ApiServerDouble.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.provision.PodSecurityProbe;
import io.ascent.core.provision.PodSecurityProbe.Outcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A PodSecurity label proves nothing by itself: the server's answer to a dry-run privileged pod does. */
class PodSecurityProbeTest {

    private static final String PODS = "POST /api/v1/namespaces/run/pods";
    private final ApiServerDouble server = ApiServerDouble.started();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void shouldSeeTheLevelEnforcedWhenTheServerRefusesAPrivilegedPodForPodSecurity() throws Exception {
        server.then(PODS, status(403, "Forbidden", "pods \\\"ascent-podsecurity-probe\\\" is forbidden: violates "
                + "PodSecurity \\\"restricted:v1.31\\\": privileged (container \\\"probe\\\" must not set "
                + "securityContext.privileged=true)"));

        PodSecurityProbe.Answer answer = PodSecurityProbe.probe(server.connection(), "run", "restricted");

        assertThat(answer.outcome()).isEqualTo(Outcome.ENFORCED);
        assertThat(server.requests(PODS)).singleElement().asString().contains("dryRun=All");
    }

    @Test
    void shouldSeeTheLevelNotEnforcedWhenTheServerAdmitsAPrivilegedPod() throws Exception {
        server.then(PODS, json(201, "{\"kind\":\"Pod\",\"metadata\":{\"name\":\"ascent-podsecurity-probe\"}}"));

        assertThat(PodSecurityProbe.probe(server.connection(), "run", "baseline").outcome())
                .isEqualTo(Outcome.NOT_ENFORCED);
    }

    @Test
    void shouldNotJudgeWhenTheServerRefusesThePodForAnotherReason() throws Exception {
        server.then(PODS, status(403, "Forbidden", "pods is forbidden: User \\\"ci\\\" cannot create resource "
                + "\\\"pods\\\" in API group \\\"\\\" in the namespace \\\"run\\\""));

        PodSecurityProbe.Answer answer = PodSecurityProbe.probe(server.connection(), "run", "restricted");

        assertThat(answer.outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(answer.detail()).contains("cannot create resource");
    }

    @Test
    void shouldNotAskAboutThePrivilegedLevelWhichAdmitsEveryPod() throws Exception {
        assertThat(PodSecurityProbe.probe(server.connection(), "run", "privileged").outcome())
                .isEqualTo(Outcome.ENFORCED);
        assertThat(server.requests(PODS)).isEmpty();
    }
}
