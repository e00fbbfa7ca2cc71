package io.ascent.core.jsonschema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The addresses Go's sloppy parser (what the API server checks custom resources with) accepts, and refuses. */
class KubernetesIpFormatTest {

    @ParameterizedTest
    @ValueSource(strings = {"192.0.2.1", "0.0.0.0", "255.255.255.255", "010.0.0.1", "::ffff:192.0.2.1"})
    void shouldAcceptWhatTheApiServerAcceptsAsIpv4(String address) {
        assertThat(KubernetesIpFormat.IPV4.validate(address)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"::", "::1", "2001:db8::1", "1:2:3:4:5:6:7:8", "1::", "::ffff:192.0.2.1",
            "2001:DB8:0:0:8:800:200C:417A", "1:2:3:4:5:6:1.2.3.4"})
    void shouldAcceptWhatTheApiServerAcceptsAsIpv6(String address) {
        assertThat(KubernetesIpFormat.IPV6.validate(address)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com", "256.0.0.1", "1.2.3", "1.2.3.4.5", "1..2.3", "1.2.3.4 ", "1234.0.0.1",
            "::1", ""})
    void shouldRefuseWhatIsNotAnIpv4Address(String address) {
        assertThat(KubernetesIpFormat.IPV4.validate(address)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1:2:3:4:5:6:7:8:9", "1::2::3", "12345::", "fe80::1%eth0", "1.2.3.4::", ":::",
            "1:2:3:4:5:6:7", "1.2.3.4", "g::1", "1:2:3:4:5:6:7:1.2.3.4", "::1.2.3.4:5"})
    void shouldRefuseWhatIsNotAnIpv6Address(String address) {
        assertThat(KubernetesIpFormat.IPV6.validate(address)).isPresent();
    }
}
