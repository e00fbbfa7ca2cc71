package io.ascent.cli;

import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The value of one option or positional parameter of a command line built in code: picocli reads and writes it
 * here, so it neither reflects over fields nor reads annotations. Reading annotations cost a short run a tenth of
 * its instructions at every start (the JDK generates a proxy class per annotation type and parses every annotated
 * member; docs/performance.md, "Start-up cuts"). A plain class rather than lambdas over fields: each lambda's call
 * site is linked at run time, at a cost of its own.
 *
 * @param <T> the value's type
 */
final class OptionBinding<T> implements IGetter, ISetter {

    private T value;

    private OptionBinding(T initial) {
        this.value = initial;
    }

    /** A binding whose value is {@code initial} until picocli sets it; parsing resets it to that first. */
    static <T> OptionBinding<T> initially(T initial) {
        return new OptionBinding<>(initial);
    }

    /** The value parsed, or the initial one. */
    T value() {
        return value;
    }

    /** {@code option}, of {@code type}, bound to this value. */
    OptionSpec.Builder bind(OptionSpec.Builder option, Class<?> type) {
        return option.type(type).getter(this).setter(this).initialValue(value);
    }

    /** {@code parameter}, of {@code type}, bound to this value. */
    PositionalParamSpec.Builder bind(PositionalParamSpec.Builder parameter, Class<?> type) {
        return parameter.type(type).getter(this).setter(this).initialValue(value);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> V get() {
        return (V) value;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> V set(V newValue) {
        V previous = get();
        value = (T) newValue;
        return previous;
    }
}
