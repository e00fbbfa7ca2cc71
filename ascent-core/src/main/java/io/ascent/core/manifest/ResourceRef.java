package io.ascent.core.manifest;

import io.ascent.core.report.Location;
import java.util.Set;

/**
 * What a finding needs to know about the object it concerns, without holding the object's document: checks that
 * compare objects (a Service and its workloads) keep these while the documents are released.
 *
 * @param displayName {@code Kind/name}
 * @param namespace   the namespace the object lands in ({@link Resource#landingNamespace}), or the empty string
 *                    for the one the manifests are applied to
 * @param path        the manifest file as reports name it
 * @param location    where the object starts
 * @param exemptions  check ids its {@code ascent.dev/exempt} annotation lists
 */
public record ResourceRef(String displayName, String namespace, String path, Location location,
        Set<String> exemptions) {

    public ResourceRef {
        exemptions = Set.copyOf(exemptions);
    }
}
