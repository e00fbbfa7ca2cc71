package io.ascent.cli;

import io.ascent.core.report.render.Format;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --format} in the lower-case spelling the documentation uses. */
final class FormatConverter implements ITypeConverter<Format> {

    @Override
    public Format convert(String value) {
        for (Format format : Format.values()) {
            if (format.label().equals(value.toLowerCase(Locale.ROOT))) {
                return format;
            }
        }
        throw new TypeConversionException("expected one of " + String.join(", ", new Candidates())
                + " but was '" + value + "'");
    }

    /** The spellings, for help texts and shell completion. */
    static final class Candidates implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(Format.values()).map(Format::label).iterator();
        }
    }
}
