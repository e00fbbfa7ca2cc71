package io.ascent.core.manifest.check;

import io.ascent.core.report.Item;
import io.ascent.core.report.Location;
import io.ascent.core.report.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of the manifest set no check saw: each file (or document of one) that could not be read (a YAML syntax
 * error, a file over the size limit, a link out of the repository, a path that does not exist, a document that is not
 * an object: the {@code manifest.parse} ERROR items) and each render that failed ({@code manifest.render} ERROR),
 * one per file, at the first problem there, and one per failed render, at its {@code kubernetes.render} entry.
 *
 * <p>A check that concludes from absence ("no workload in these manifests has those labels") cannot tell, when the
 * set is partial, whether what it looked for sits in a part it did not see; it then says SKIP with {@link #mayHold}
 * instead of failing, and never sends the user to add what may already be written in a file that did not parse.
 * Known per file once every file was read: nothing is added to the work done per object.
 */
public final class UnreadParts {
    /** A set read whole. */
    public static final UnreadParts NONE = new UnreadParts(List.of(), "");
    /** Parts named one by one in a message; the rest are counted. */
    static final int NAMED = 3;

    private final List<Part> parts;
    private final String parseId;

    private record Part(Location location, String id) {
    }

    private UnreadParts(List<Part> parts, String parseId) {
        this.parts = List.copyOf(parts);
        this.parseId = parseId;
    }

    /**
     * The parts {@code items} say were not read: ERROR items of {@code manifest.parse} and {@code manifest.render}
     * (other items are ignored), one per file or render, in the order given.
     *
     * @param parseId  the id of the items about files that could not be read
     * @param renderId the id of the items about renders
     */
    public static UnreadParts of(List<Item> items, String parseId, String renderId) {
        Map<String, Part> byPath = new LinkedHashMap<>(); // a render's failures are at its checklist entry
        for (Item item : items) {
            if (item.status() != Status.ERROR || !(item.id().equals(parseId) || item.id().equals(renderId))
                    || item.location() == null) {
                continue;
            }
            byPath.putIfAbsent(item.id().equals(parseId) ? item.location().path() : item.location().toString(),
                    new Part(item.location(), item.id()));
        }
        return byPath.isEmpty() ? NONE : new UnreadParts(new ArrayList<>(byPath.values()), parseId);
    }

    /** Whether every part of the set was read. */
    public boolean isEmpty() {
        return parts.isEmpty();
    }

    /** How many files and renders were not (wholly) read. */
    public int size() {
        return parts.size();
    }

    /**
     * What a check says instead of "absent": {@code deploy/app.yaml could not be read and may hold <what>: fix
     * deploy/app.yaml:7:3 first (manifest.parse)}, naming at most {@link #NAMED} parts and counting the rest.
     *
     * @param what what the check looked for, such as {@code "the workload"}
     */
    public String mayHold(String what) {
        if (parts.isEmpty()) {
            throw new IllegalStateException("the set was read whole");
        }
        String id = parts.get(0).id();
        boolean oneId = parts.stream().allMatch(part -> part.id().equals(id));
        boolean renders = oneId && !id.equals(parseId);
        String subject = !oneId ? parts.size() + " parts of the manifests were not read"
                : parts.size() > 1 ? parts.size() + (renders ? " renders failed" : " files could not be read")
                : renders ? "the kubernetes.render entry at " + parts.get(0).location() + " failed"
                : parts.get(0).location().path() + " could not be read";
        List<String> named = new ArrayList<>();
        for (Part part : parts.subList(0, Math.min(NAMED, parts.size()))) {
            named.add(part.location() + (oneId ? "" : " (" + part.id() + ")"));
        }
        int more = parts.size() - named.size();
        return subject + " and may hold " + what + ": fix " + String.join(", ", named)
                + (more > 0 ? " (and " + more + " more)" : "") + " first" + (oneId ? " (" + id + ")" : "");
    }

    @Override
    public String toString() {
        return "UnreadParts" + parts;
    }
}
