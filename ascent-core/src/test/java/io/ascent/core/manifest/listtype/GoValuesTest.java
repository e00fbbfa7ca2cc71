package io.ascent.core.manifest.listtype;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The values no decoded JSON document carries, checked against Go's {@code fmt.Sprintf("%v", x)} (go1.25): the
 * renderer must still print them as the API server would if a caller hands them over.
 */
class GoValuesTest {

    @Test
    void shouldPrintNonFiniteFloatsAsGoDoes() {
        assertThat(GoValues.errorValue(Double.NaN)).isEqualTo("NaN");
        assertThat(GoValues.errorValue(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
        assertThat(GoValues.errorValue(Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
    }

    @Test
    void shouldSwitchToAnExponentWhereGoDoes() {
        assertThat(GoValues.errorValue(1e-4)).isEqualTo("0.0001");
        assertThat(GoValues.errorValue(1.5e-5)).isEqualTo("1.5e-05");
        assertThat(GoValues.errorValue(100000.0)).isEqualTo("100000");
        assertThat(GoValues.errorValue(1e6)).isEqualTo("1e+06");
        assertThat(GoValues.json(1e-6)).isEqualTo("0.000001");
        assertThat(GoValues.json(1e-7)).isEqualTo("1e-7");
        assertThat(GoValues.json(1e20)).isEqualTo("100000000000000000000");
        assertThat(GoValues.json(1e21)).isEqualTo("1e+21");
        assertThat(GoValues.json(0.0)).isEqualTo("0");
    }
}
