package io.ascent.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The operator's kind mount folders travel with the validate options, as the other options do. */
class ValidateOptionsKindMountsTest {

    @Test
    void shouldKeepTheOperatorsFoldersThroughTheBuilderAndSerialization() throws Exception {
        ValidateOptions options = ValidateOptions.builder(Path.of("app")).noGit(true)
                .kindMounts(List.of(Path.of("/srv/cache"))).build();

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(options);
        }
        ValidateOptions travelled;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            travelled = (ValidateOptions) in.readObject();
        }

        assertThat(travelled.kindMounts()).containsExactly(Path.of("/srv/cache"));
        assertThat(travelled).isEqualTo(options).hasSameHashCodeAs(options);
        assertThat(options.toBuilder().build().kindMounts()).containsExactly(Path.of("/srv/cache"));
        assertThat(options.withNoGit(false).kindMounts()).as("kept by the with... copies").isNotEmpty();
        assertThat(options).isNotEqualTo(options.toBuilder().kindMounts(List.of()).build());
        assertThat(options.toString()).contains("kindMounts=[/srv/cache]");
        assertThat(ValidateOptions.of(Path.of("app")).kindMounts()).as("only folders inside the repository").isEmpty();
    }
}
