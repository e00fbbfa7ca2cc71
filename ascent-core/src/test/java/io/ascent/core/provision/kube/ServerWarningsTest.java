package io.ascent.core.provision.kube;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerWarningsTest {

    @Test
    void shouldReadTheTextOfEachWarningTheApiServerSends() {
        assertThat(ServerWarnings.parse(List.of(
                "299 - \"v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\"",
                "299 - \"spec.template.spec.nodeSelector[beta.kubernetes.io/arch]: deprecated since v1.14\"")))
                .containsExactly("v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice",
                        "spec.template.spec.nodeSelector[beta.kubernetes.io/arch]: deprecated since v1.14");
    }

    @Test
    void shouldUnescapeQuotesAndBackslashes() {
        assertThat(ServerWarnings.parse(List.of("299 - \"use the \\\"seccompProfile\\\" field; a \\\\ stays\"")))
                .containsExactly("use the \"seccompProfile\" field; a \\ stays");
    }

    @Test
    void shouldReadSeveralWarningsInOneHeaderWithOrWithoutADate() {
        assertThat(ServerWarnings.parse(List.of("299 - \"first\" \"Mon, 30 Nov 2026 10:00:00 GMT\", 299 agent \"second\"")))
                .containsExactly("first", "second");
    }

    @Test
    void shouldSkipWhatDoesNotParseAndKeepWhatCameBefore() {
        assertThat(ServerWarnings.parse(List.of("no code here", "29 - \"short code\"", "299 - unquoted",
                "299 - \"no closing quote", "299 - \"kept\", garbage", "299 - \"x\" \"bad date"))).containsExactly("kept");
        assertThat(ServerWarnings.parse(List.of("299 - \"   \""))).as("a blank text").isEmpty();
    }

    @Test
    void shouldBoundHowManyWarningsAndHowLongEachIsKept() {
        List<String> many = Collections.nCopies(50, "299 - \"again\"");
        assertThat(ServerWarnings.parse(many)).hasSize(ServerWarnings.MAX_WARNINGS);
        String longText = "x".repeat(100_000);
        assertThat(ServerWarnings.parse(List.of("299 - \"" + longText + "\"")).get(0))
                .hasSize(ServerWarnings.MAX_LENGTH + 3).endsWith("...");
    }
}
