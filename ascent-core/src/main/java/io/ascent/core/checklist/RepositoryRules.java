package io.ascent.core.checklist;

import io.ascent.core.report.Severity;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The checklist's {@code repository} section: what the repository validator enforces. Absent settings take the
 * defaults documented in the schema.
 *
 * @param required            path patterns that must be committed ({@code |} separates alternatives)
 * @param forbidden           path patterns that must not be committed, each with its reason
 * @param maxFileSize         largest committed file in bytes, if limited
 * @param secrets             secret scanning settings
 * @param symlinks            which symbolic links are allowed
 * @param submodules          whether gitlinks are allowed
 * @param codeowners          whether a well-formed CODEOWNERS file is required
 * @param license             whether a recognised LICENSE file is required
 * @param executablesForbidden globs of files that must not be executable
 * @param uncommittedChanges  how uncommitted changes are reported
 * @param severities          severities set under {@code repository.rules}, keyed by rule id; a rule not named
 *                            keeps its default
 */
public record RepositoryRules(
        List<String> required,
        List<ForbiddenPath> forbidden,
        OptionalLong maxFileSize,
        SecretScanning secrets,
        SymlinkPolicy symlinks,
        SubmodulePolicy submodules,
        boolean codeowners,
        boolean license,
        List<String> executablesForbidden,
        ChangePolicy uncommittedChanges,
        Map<String, Severity> severities) {

    public RepositoryRules {
        severities = Map.copyOf(severities);
        required = List.copyOf(required);
        forbidden = List.copyOf(forbidden);
        executablesForbidden = List.copyOf(executablesForbidden);
    }

    /** Rules when the checklist has no {@code repository} section: nothing required, defaults elsewhere. */
    public static RepositoryRules defaults() {
        return new RepositoryRules(List.of(), List.of(), OptionalLong.empty(), SecretScanning.DEFAULT,
                SymlinkPolicy.WITHIN_REPOSITORY, SubmodulePolicy.ALLOW, false, false, List.of(), ChangePolicy.WARN,
                Map.of());
    }

    /** A forbidden path pattern and the reason shown to whoever commits a match. */
    public record ForbiddenPath(String pattern, String reason) {
    }

    /** Secret scanning: on or off, and the known false positives to skip. */
    public record SecretScanning(boolean scan, List<String> allowedPaths, List<String> allowedFingerprints) {
        static final SecretScanning DEFAULT = new SecretScanning(true, List.of(), List.of());

        public SecretScanning {
            allowedPaths = List.copyOf(allowedPaths);
            allowedFingerprints = List.copyOf(allowedFingerprints);
        }
    }

    public enum SymlinkPolicy { ALLOW, WITHIN_REPOSITORY, FORBID }

    public enum SubmodulePolicy { ALLOW, FORBID }

    public enum ChangePolicy { IGNORE, WARN, FAIL }
}
