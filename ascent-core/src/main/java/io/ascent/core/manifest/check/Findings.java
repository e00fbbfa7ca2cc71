package io.ascent.core.manifest.check;

import io.ascent.core.manifest.Resource;
import io.ascent.core.report.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * What one check saw in one run: how many things it looked at, and its findings in the order found, up to
 * {@link #LIMIT} of each kind; the rest are only counted. A manifest of a million tiny documents produced two
 * million items and a 1 GB report; what a reader needs is the first findings and how many more there are.
 */
public final class Findings {
    /** Findings (and, separately, skips) kept one by one per check; the rest are counted. */
    public static final int LIMIT = 200;

    private final List<Finding> found = new ArrayList<>();
    private final List<Finding> skipped = new ArrayList<>();
    private int looked;
    private int foundOmitted;
    /** Whether a finding beyond the list had no ceiling (counts at the check's severity). */
    private boolean omittedUncapped;
    /** The most severe ceiling among the capped findings beyond the list ({@code null}: none). */
    private Severity omittedCeiling;
    private int skippedOmitted;

    /** Counts one more thing looked at (a resource, a container, an API reference: the check's unit). */
    public void looked() {
        looked++;
    }

    public int lookedCount() {
        return looked;
    }

    public List<Finding> found() {
        return found;
    }

    public void add(Finding finding) {
        if (found.size() < LIMIT) {
            found.add(finding);
        } else {
            omitted(finding.ceiling());
        }
    }

    private void omitted(Severity ceiling) {
        foundOmitted++;
        if (ceiling == null) {
            omittedUncapped = true;
        } else if (omittedCeiling == null || ceiling.compareTo(omittedCeiling) < 0) {
            omittedCeiling = ceiling;
        }
    }

    /**
     * The most severe ceiling of the findings beyond {@link #LIMIT}, or {@code null} when one of them has none (it
     * counts at the check's severity): deprecations past the list are warnings, not one failure.
     */
    public Severity omittedCeiling() {
        return omittedUncapped ? null : omittedCeiling;
    }

    /** Findings beyond {@link #LIMIT}, counted but not kept. */
    public int foundOmitted() {
        return foundOmitted;
    }

    /** Skips beyond {@link #LIMIT}, counted but not kept. */
    public int skippedOmitted() {
        return skippedOmitted;
    }

    /** Objects the check could not judge (no schema for a kind), each with the reason; reported as SKIP items. */
    public List<Finding> skipped() {
        return skipped;
    }

    /** Records that the check could not judge {@code resource}, and why. */
    public void skip(Resource resource, String reason) {
        if (skipped.size() >= LIMIT) {
            skippedOmitted++;
            return;
        }
        skipped.add(new Finding(resource.ref(), resource.location(), resource.displayName(),
                resource.displayName() + ": " + reason, null, null));
    }

    /** Records what the check could not judge: a part of an object it could not read (a file whose content lives
     * in a Secret), or many objects said once. */
    public void skip(Finding finding) {
        if (skipped.size() >= LIMIT) {
            skippedOmitted++; // a template of a thousand ${VAR} values: the first LIMIT SKIPs and a count
            return;
        }
        skipped.add(finding);
    }

    /**
     * Adds a finding at a node of {@code resource}.
     *
     * @param tokens  tokens from the object to the offending node
     * @param keyPart what tells this finding from others on the same object ({@code containers/nginx}), or
     *                {@code null} when the object itself is the finding
     */
    public void add(Resource resource, List<String> tokens, String keyPart, String message, String remediation) {
        add(resource, tokens, keyPart, message, remediation, null);
    }

    public void add(Resource resource, List<String> tokens, String keyPart, String message, String remediation,
            Severity ceiling) {
        String key = keyPart == null ? resource.displayName() : resource.displayName() + "/" + keyPart;
        if (found.size() >= LIMIT) {
            omitted(ceiling); // before locating the node: the count and the weight are all that is kept
            return;
        }
        add(new Finding(resource.ref(), resource.locationAt(tokens), key, message, remediation, ceiling));
    }
}
