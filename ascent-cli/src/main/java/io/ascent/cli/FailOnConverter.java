package io.ascent.cli;

import io.ascent.core.report.FailOn;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --fail-on}: {@code error} or {@code warning}. */
final class FailOnConverter implements ITypeConverter<FailOn> {

    @Override
    public FailOn convert(String value) {
        try {
            return FailOn.of(value.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("expected one of " + String.join(", ", new Candidates())
                    + " but was '" + value + "'");
        }
    }

    /** The spellings, for help texts and shell completion. */
    static final class Candidates implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(FailOn.values()).map(FailOn::label).iterator();
        }
    }
}
