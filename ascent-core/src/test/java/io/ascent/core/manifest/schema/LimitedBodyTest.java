package io.ascent.core.manifest.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class LimitedBodyTest {

    @Test
    void shouldKeepABodyUpToTheLimit() throws Exception {
        assertThat(LimitedBody.read(new ByteArrayInputStream(new byte[8]), 8, 8)).hasSize(8);
        assertThat(LimitedBody.read(new ByteArrayInputStream(new byte[3]), -1, 8)).hasSize(3);
    }

    @Test
    void shouldRefuseABodyAnnouncedLongerWithoutReadingIt() {
        InputStream unread = new InputStream() {
            @Override
            public int read() {
                throw new AssertionError("read although the announced length is over the limit");
            }
        };
        assertThatThrownBy(() -> LimitedBody.read(unread, 9, 8)).isInstanceOf(LimitedBody.TooLarge.class)
                .hasMessage("the body is larger than 8 bytes");
    }

    @Test
    void shouldRefuseABodyThatTurnsOutLongerThanAnnounced() {
        assertThatThrownBy(() -> LimitedBody.read(new ByteArrayInputStream(new byte[9]), -1, 8))
                .isInstanceOf(LimitedBody.TooLarge.class);
        assertThatThrownBy(() -> LimitedBody.read(new ByteArrayInputStream(new byte[9]), 4, 8))
                .isInstanceOf(LimitedBody.TooLarge.class);
    }
}
