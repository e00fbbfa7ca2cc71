package io.ascent.core.checklist;

import io.ascent.core.report.Location;
import io.ascent.core.report.Waiver;
import java.util.Optional;

/**
 * A waiver from the checklist's {@code waivers} list: findings of check {@code id} are accepted until the waiver
 * expires, narrowed to findings at paths matching {@code pathPattern} (relative to the application directory, like
 * every path in the checklist), to findings about one {@code resource} ({@code Deployment/web}) and to the finding
 * with one {@code key} ({@code Deployment/web/containers/nginx}), for those that are given.
 *
 * @param location where the waiver's expiry is written, for reporting it once it expires
 * @param at       where the waiver is written (its {@code id}), for reporting that it is unknown or unused
 */
public record WaiverRule(String id, Optional<String> pathPattern, Optional<String> resource, Optional<String> key,
        Waiver waiver, Location location, Location at) {

    /** A waiver of every finding of {@code id} at paths matching {@code pathPattern}, if given. */
    public WaiverRule(String id, Optional<String> pathPattern, Waiver waiver, Location location) {
        this(id, pathPattern, Optional.empty(), Optional.empty(), waiver, location, location);
    }
}
