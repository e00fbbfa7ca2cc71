package io.ascent.core.manifest.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.report.Location;
import org.junit.jupiter.api.Test;

/** A check keeps at most {@link Findings#LIMIT} SKIPs one by one, whichever way they come, and counts the rest. */
class FindingsTest {

    @Test
    void shouldKeepTheFirstSkipsOfAManyValuedTemplateAndCountTheRest() {
        // a clusterctl template with more ${VAR} values than the limit: one SKIP per value would grow the report
        Findings findings = new Findings();
        for (int i = 0; i < Findings.LIMIT + 3; i++) {
            findings.skip(new Finding(null, new Location("deploy/template.yaml", i + 1, 1), "key" + i,
                    "'${NAME}' in metadata.name holds the template variable ${NAME}", null, null));
        }
        assertThat(findings.skipped()).hasSize(Findings.LIMIT);
        assertThat(findings.skipped().get(0).key()).isEqualTo("key0");
        assertThat(findings.skippedOmitted()).isEqualTo(3);
    }
}
