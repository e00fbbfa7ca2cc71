package io.ascent.core.jsonschema;

import java.util.Set;

/** What {@link ViolationTranslator} reads from the schema a value violated. */
interface ViolatedSchema {
    /** The schema's {@code description}, or {@code null}. */
    String description();

    /** Whether it is an {@code allOf}/{@code anyOf}/{@code oneOf} (also one made of a type list). */
    boolean combined();

    /** The schema a reference leads to (after every reference), or this schema. */
    ViolatedSchema referred();

    /** The names of its {@code properties} when it is an object schema, else {@code null}. */
    Set<String> propertyNames();

    /**
     * The bound a keyword failed against, read the way everit's schema classes expose it: a number schema answers
     * {@code minimum}, {@code maximum} and the exclusive limits; a string schema its lengths, an array schema its
     * item counts, an object schema its property counts; {@code null} when not set or not this kind of schema.
     */
    Object limit(String keyword);

    /** The allowed values, each {@code String.valueOf}, sorted and joined by {@code ", "}, when an enum; else null. */
    String possibleValues();

    /** The {@code pattern} of a string schema, or {@code null}. */
    String pattern();

    /** The {@code format} a string schema checks ({@code date-time}, {@code ipv4}), or {@code null}. */
    String format();
}
