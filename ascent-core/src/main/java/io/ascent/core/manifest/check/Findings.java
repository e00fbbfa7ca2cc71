package io.ascent.core.manifest.check;

import io.ascent.core.manifest.Resource;
import io.ascent.core.report.Severity;
import java.util.ArrayList;
import java.util.List;

/** What one check saw in one run: how many things it looked at, and its findings in the order found. */
public final class Findings {
    private final List<Finding> found = new ArrayList<>();
    private final List<Finding> skipped = new ArrayList<>();
    private int looked;

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
        found.add(finding);
    }

    /** Objects the check could not judge (no schema for a kind), each with the reason; reported as SKIP items. */
    public List<Finding> skipped() {
        return skipped;
    }

    /** Records that the check could not judge {@code resource}, and why. */
    public void skip(Resource resource, String reason) {
        skipped.add(new Finding(resource.ref(), resource.location(), resource.displayName(),
                resource.displayName() + ": " + reason, null, null));
    }

    /** Records what the check could not judge when it is not one object (many objects, said once). */
    public void skip(Finding finding) {
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
        found.add(new Finding(resource.ref(), resource.locationAt(tokens), key, message, remediation, ceiling));
    }
}
