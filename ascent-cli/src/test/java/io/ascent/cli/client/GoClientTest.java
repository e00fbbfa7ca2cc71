package io.ascent.cli.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Go client's own checks, so that the Maven build (and CI) runs them: {@code go vet} and {@code go test}, whose
 * tests run the client as a whole process against a fake daemon (frames, signals, fallback, stale socket, the start
 * lock; ascent-client/client_test.go).
 */
class GoClientTest {

    @Test
    void shouldPassGoVet() throws Exception {
        GoToolchain.Result vet = GoToolchain.run(List.of(GoToolchain.go().toString(), "vet", "./..."), 5);
        assertThat(vet.status()).as("go vet ./... in ascent-client:%n%s", vet.output()).isZero();
    }

    @Test
    void shouldPassItsGoTests() throws Exception {
        GoToolchain.Result test = GoToolchain.run(
                List.of(GoToolchain.go().toString(), "test", "-count=1", "-timeout", "5m", "./..."), 6);
        assertThat(test.status()).as("go test ./... in ascent-client:%n%s", test.output()).isZero();
        assertThat(test.output()).as("go test ran the package").contains("ok");
    }
}
