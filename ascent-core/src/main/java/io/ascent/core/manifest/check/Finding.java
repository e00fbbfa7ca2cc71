package io.ascent.core.manifest.check;

import io.ascent.core.manifest.ResourceRef;
import io.ascent.core.report.Location;
import io.ascent.core.report.Severity;

/**
 * One problem a check found.
 *
 * @param resource    the object concerned (its exemptions decide whether the finding counts)
 * @param location    the offending node
 * @param key         a line-independent discriminator, such as {@code Deployment/web/containers/nginx}
 * @param message     what is wrong, naming the object
 * @param remediation exactly what to write instead
 * @param ceiling     the most this finding may weigh ({@link Severity#WARNING} for a deprecated API, which still
 *                    works), or {@code null} for the check's severity
 */
public record Finding(ResourceRef resource, Location location, String key, String message, String remediation,
        Severity ceiling) {
}
