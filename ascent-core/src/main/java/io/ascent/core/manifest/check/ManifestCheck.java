package io.ascent.core.manifest.check;

import io.ascent.core.manifest.Resource;
import io.ascent.core.report.CheckDescription;
import io.ascent.core.report.Severity;

/**
 * One manifest check. An instance serves one run: checks that compare objects (a Service and the workloads it
 * selects) collect what they need in {@link #inspect} and report in {@link #finish}. Not thread-safe; the step
 * calls one instance from one thread at a time.
 */
public interface ManifestCheck {

    /** Stable id, as in reports, waivers, {@code kubernetes.checks} and the exemption annotation. */
    String id();

    /** Short human name. */
    String title();

    /** The severity when the checklist does not set one. */
    Severity defaultSeverity();

    /** What it looks at, why that matters and how to fix a finding, for {@code ascent checks} and docs/checks.md. */
    CheckDescription.Explanation explanation();

    /** Looks at one object; counts what it looked at and adds findings. */
    void inspect(Resource resource, Findings findings);

    /**
     * Does ahead, on the loader thread that parsed the object, the part of {@link #inspect} that depends on this
     * object alone, while the step's thread inspects earlier objects. Thread-safe, unlike the rest of a check; called
     * at most once per object, before its {@link #inspect}, and possibly not at all (a large file and a render's output
     * are read on the inspecting thread), so {@link #inspect} gives the same findings either way. What fails here is
     * left to {@link #inspect}, which reports it.
     */
    default void prepare(Resource resource) {
    }

    /**
     * Told, once every object was inspected and before {@link #finish}, which parts of the set no check saw (files
     * that could not be read, renders that failed), when some were not. A check that would fail because something
     * is absent from the set says SKIP instead, with {@link UnreadParts#mayHold}: the thing may be in such a part.
     * Findings about something present and wrong are not affected. Each check's Javadoc says which of its findings
     * conclude from absence.
     */
    default void partialSet(UnreadParts unread) {
    }

    /** Called once after every object was inspected. */
    default void finish(Findings findings) {
    }

    /**
     * Why the check has nothing to judge because the checklist does not ask for it (an opt-in check such as
     * {@code manifest.pod-security} without a level), or empty when it judges. The step then does not run it and
     * reports nothing for it, as for a repository rule the checklist does not set, unless {@code kubernetes.checks}
     * names it: then one SKIP item says this reason.
     */
    default java.util.Optional<String> notAsked() {
        return java.util.Optional.empty();
    }

    /** Whether the check needs a target Kubernetes version it was not given; the step then skips it. */
    default boolean lacksTarget() {
        return false;
    }

    /**
     * Whether what the check finds depends on the target version (API availability, the schemas of a release): with
     * several target versions the step runs one instance per version and groups the findings by version.
     */
    default boolean judgedPerVersion() {
        return false;
    }

    /**
     * Whether the check still judges part of the manifests when it {@link #lacksTarget() lacks the target}: what the
     * manifests give a version of themselves (ClusterAPI nodes). The step then runs it, reports the SKIP for the
     * rest, and reports its problems without a PASS item.
     */
    default boolean judgesWithoutTarget() {
        return false;
    }

    /**
     * Whether the check reads the JSON copy ({@link Resource#json()}) of (almost) every object. When one enabled
     * check does, the step has the copy built on the thread that parsed the file, beside the checks, instead of on
     * the thread that runs them; when none does, no copy is built at all.
     */
    default boolean readsEveryCopy() {
        return false;
    }

    /** The message of the one PASS item when nothing was found, given how many things were looked at. */
    String passMessage(int looked);
}
