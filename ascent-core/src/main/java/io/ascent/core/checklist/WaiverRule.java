package io.ascent.core.checklist;

import io.ascent.core.report.Location;
import io.ascent.core.report.Waiver;
import java.util.Optional;

/**
 * A waiver from the checklist's {@code waivers} list: findings of check {@code id} (at paths matching
 * {@code pathPattern}, if given) are accepted until the waiver expires.
 *
 * @param location where the waiver is written, for reporting it once it expires
 */
public record WaiverRule(String id, Optional<String> pathPattern, Waiver waiver, Location location) {
}
