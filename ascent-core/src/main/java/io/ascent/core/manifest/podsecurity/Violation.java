package io.ascent.core.manifest.podsecurity;

import java.util.List;

/**
 * One thing a pod spec breaks, as the PodSecurity admission plugin would say it.
 *
 * @param rule   the admission's id of the rule ({@code allowPrivilegeEscalation}, {@code capabilities_restricted})
 * @param reason the admission's reason ({@code allowPrivilegeEscalation != false}): the words before the
 *               parenthesis in the API server's refusal
 * @param detail the admission's detail for this one offender ({@code container "web" must set
 *               securityContext.allowPrivilegeEscalation=false})
 * @param tokens tokens from the object to the offending field (or to where it is missing)
 * @param key    what tells this violation from the others of the same pod ({@code containers/web/runAsUser})
 * @param fix    exactly what to write instead
 */
public record Violation(String rule, String reason, String detail, List<String> tokens, String key, String fix) {
    public Violation {
        tokens = List.copyOf(tokens);
    }
}
