package io.ascent.core.manifest.check;

import io.ascent.core.manifest.render.SourceFiles;
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
 * one per file, at the first problem there, and one per failed render, at its {@code kubernetes.render} entry; and
 * each Kustomize or Helm source left unrendered that would build objects ({@link SourceFiles.Unrendered}: a
 * {@code manifest.render} SKIP), named by its folder with why it was not rendered.
 *
 * <p>A check that concludes from absence ("no workload in these manifests has those labels") cannot tell, when the
 * set is partial, whether what it looked for sits in a part it did not see; it then says SKIP with {@link #mayHold}
 * instead of failing, and never sends the user to add what may already be written in a file that did not parse.
 * Known per file once every file was read: nothing is added to the work done per object.
 */
public final class UnreadParts {
    /** A set read whole. */
    public static final UnreadParts NONE = new UnreadParts(List.of());
    /** Parts named one by one in a message; the rest are counted. */
    static final int NAMED = 3;

    private final List<Part> parts;

    /** Why a part was not read, and how a message counts it and names what to do. */
    private enum Kind {
        PARSE(" files could not be read", "fix"),
        FAILED(" renders failed", "fix"),
        UNRENDERED(" Kustomize and Helm sources were not rendered", "render");

        private final String many;
        private final String verb;

        Kind(String many, String verb) {
            this.many = many;
            this.verb = verb;
        }
    }

    /** @param unrendered the source left unrendered, for {@link Kind#UNRENDERED} only */
    private record Part(Location location, String id, Kind kind, SourceFiles.Unrendered unrendered) {
        /** What the user is sent to: the file or entry to fix, the folder to render. */
        String name() {
            return kind == Kind.UNRENDERED ? unrendered.folder() : location.toString();
        }

        /** The part as the subject of a sentence, when it is the only one. */
        String alone() {
            return switch (kind) {
                case PARSE -> location.path() + " could not be read";
                case FAILED -> "the kubernetes.render entry at " + location + " failed";
                case UNRENDERED -> "the " + unrendered.what() + " " + unrendered.folder() + " was not rendered ("
                        + unrendered.why() + ")";
            };
        }
    }

    private UnreadParts(List<Part> parts) {
        this.parts = List.copyOf(parts);
    }

    /**
     * The parts {@code items} say were not read: ERROR items of {@code manifest.parse} and {@code manifest.render}
     * (other items are ignored), one per file or render, in the order given.
     *
     * @param parseId  the id of the items about files that could not be read
     * @param renderId the id of the items about renders
     */
    public static UnreadParts of(List<Item> items, String parseId, String renderId) {
        return of(items, parseId, renderId, List.of());
    }

    /**
     * As {@link #of(List, String, String)}, followed by the sources left unrendered that would build objects.
     *
     * @param unrendered what {@link SourceFiles#unrendered()} gave, reported as {@code renderId} SKIP items
     */
    public static UnreadParts of(List<Item> items, String parseId, String renderId,
            List<SourceFiles.Unrendered> unrendered) {
        Map<String, Part> byPath = new LinkedHashMap<>(); // a render's failures are at its checklist entry
        for (Item item : items) {
            if (item.status() != Status.ERROR || !(item.id().equals(parseId) || item.id().equals(renderId))
                    || item.location() == null) {
                continue;
            }
            boolean parse = item.id().equals(parseId);
            byPath.putIfAbsent(parse ? item.location().path() : item.location().toString(),
                    new Part(item.location(), item.id(), parse ? Kind.PARSE : Kind.FAILED, null));
        }
        for (SourceFiles.Unrendered source : unrendered) {
            byPath.putIfAbsent(source.at().toString(), new Part(source.at(), renderId, Kind.UNRENDERED, source));
        }
        return byPath.isEmpty() ? NONE : new UnreadParts(new ArrayList<>(byPath.values()));
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
     * deploy/app.yaml:7:3 first (manifest.parse)}, or for a source left unrendered {@code the Helm chart deploy/web
     * was not rendered (kubernetes.render does not name it) and may hold <what>: render deploy/web first
     * (manifest.render)}, naming at most {@link #NAMED} parts and counting the rest.
     *
     * @param what what the check looked for, such as {@code "the workload"}
     */
    public String mayHold(String what) {
        if (parts.isEmpty()) {
            throw new IllegalStateException("the set was read whole");
        }
        Part first = parts.get(0);
        boolean oneKind = parts.stream().allMatch(part -> part.kind() == first.kind());
        boolean oneId = parts.stream().allMatch(part -> part.id().equals(first.id()));
        String subject = !oneKind ? parts.size() + " parts of the manifests were not read"
                : parts.size() > 1 ? parts.size() + first.kind().many
                : first.alone();
        List<String> named = new ArrayList<>();
        String verb = null;
        for (Part part : parts.subList(0, Math.min(NAMED, parts.size()))) {
            // "fix a, b, render c": the verb is said again only where it changes
            named.add((part.kind().verb.equals(verb) ? "" : part.kind().verb + " ") + part.name()
                    + (oneId ? "" : " (" + part.id() + ")"));
            verb = part.kind().verb;
        }
        int more = parts.size() - named.size();
        return subject + " and may hold " + what + ": " + String.join(", ", named)
                + (more > 0 ? " (and " + more + " more)" : "") + " first" + (oneId ? " (" + first.id() + ")" : "");
    }

    @Override
    public String toString() {
        return "UnreadParts" + parts;
    }
}
