package io.ascent.core.manifest.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageTagCheckTest {

    @ParameterizedTest(name = "{0} has tag {1}")
    @CsvSource(nullValues = "none", value = {
        "nginx, none",
        "nginx:1.27.3, 1.27.3",
        "nginx:latest, latest",
        "docker.io/library/nginx:1.27, 1.27",
        "localhost:5000/team/app, none",
        "localhost:5000/team/app:2.4.1, 2.4.1",
        "nginx@sha256:0a39, none",
        "nginx:1.27@sha256:0a39, 1.27"})
    void shouldTellATagFromARegistryPort(String reference, String tag) {
        assertThat(ImageTagCheck.tagOf(reference)).isEqualTo(tag);
    }
}
