package io.ascent.core.checklist;

import io.ascent.core.glob.Glob;
import io.ascent.core.glob.GlobSyntaxException;
import io.ascent.core.jsonschema.NearestName;
import io.ascent.core.report.Item;
import io.ascent.core.report.Severity;
import io.ascent.core.report.Status;
import io.ascent.core.report.Waiver;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Turns findings that a current waiver covers into {@link Status#WAIVED} items, keeping the waiver on the item so
 * that it stays visible. Expired waivers excuse nothing (the checklist check already failed them). Remembers which
 * waivers excused something, so that a waiver naming no known check or matching no finding is reported at the end
 * of the run ({@link #unused}). Steps may hand it items from several threads.
 *
 * <p>A waiver's {@code path} is relative to the application directory, as every path of the checklist; reports
 * show paths relative to the repository root. Earlier versions read waiver paths relative to the repository root:
 * a waiver that would have matched a finding that way, but matches none now, is reported with the path to write
 * instead.
 */
public final class WaiverApplier {
    private final Checklist checklist;
    private final LocalDate today;
    private final Path applicationPath;
    private final Set<WaiverRule> used = ConcurrentHashMap.newKeySet();
    /** Waivers that would have matched under the old base, with one finding's path each. */
    private final Map<WaiverRule, String> matchedFromRepositoryRoot = new ConcurrentHashMap<>();

    /** For a checklist at the repository root, where both bases are the same. */
    public WaiverApplier(Checklist checklist, LocalDate today) {
        this(checklist, today, "");
    }

    /**
     * @param applicationPath the application directory as reports show paths (relative to the repository root, with
     *                        {@code /}; empty for the root itself)
     */
    public WaiverApplier(Checklist checklist, LocalDate today, String applicationPath) {
        this.checklist = checklist;
        this.today = today;
        this.applicationPath = Path.of(applicationPath);
    }

    public List<Item> apply(List<Item> items) {
        List<Item> out = new ArrayList<>(items.size());
        for (Item item : items) {
            out.add(apply(item));
        }
        return out;
    }

    /** The item, excused by its waiver when it is a problem that a current waiver covers. */
    public Item apply(Item item) {
        return isProblem(item) ? waiverFor(item).map(item::waivedBy).orElse(item) : item;
    }

    /**
     * What the run's waivers did not do, once every item went through {@link #apply}: a WARN at each current waiver
     * that names no check in {@code knownIds} (nor a custom item), or that excused no finding.
     *
     * @param knownIds the ids of every built-in check and rule
     */
    public List<Item> unused(Collection<String> knownIds) {
        return unused(() -> knownIds);
    }

    /**
     * As {@link #unused(Collection)}, asking for the ids only when a waiver went unused: listing them builds every
     * check's description, the API lifecycle table's included, which a run whose waivers all did their work (or
     * that has none) need not pay for (docs/performance.md, "Start-up cuts").
     */
    public List<Item> unused(Supplier<? extends Collection<String>> knownIdsWhenNeeded) {
        List<Item> items = new ArrayList<>();
        Collection<String> knownIds = null;
        for (WaiverRule rule : checklist.waivers()) {
            if (!current(rule.waiver()) || used.contains(rule) || isProvisioning(rule.id())) {
                continue; // expired ones already fail; provisioning findings are not part of this run
            }
            if (knownIds == null) {
                knownIds = knownIdsWhenNeeded.get();
            }
            boolean known = knownIds.contains(rule.id())
                    || checklist.items().stream().anyMatch(custom -> custom.id().equals(rule.id()));
            if (!known) {
                // Ids outside the built-in prefixes are warned about with the checklist (SemanticChecks).
                if (SemanticChecks.RESERVED_PREFIXES.stream().anyMatch(rule.id()::startsWith)) {
                    String nearest = NearestName.of(rule.id(), knownIds);
                    items.add(warning(rule, "the waiver names '" + rule.id() + "', which is no check"
                                    + (nearest == null ? "" : "; did you mean '" + nearest + "'?"),
                            "use an id from 'ascent checks' (docs/checks.md)"));
                }
            } else if (matchedFromRepositoryRoot.containsKey(rule)) {
                String path = rule.pathPattern().orElseThrow();
                items.add(warning(rule, "the waiver for '" + rule.id() + "' matches no finding: its path '" + path
                                + "' is now relative to the application directory " + applicationPath
                                + ", not the repository root (it would have waived "
                                + matchedFromRepositoryRoot.get(rule) + ")",
                        "write the path relative to " + applicationPath + ": path: \"" + rebased(path) + "\""));
            } else {
                items.add(warning(rule, "the waiver for '" + rule.id() + "' matches no finding in this run",
                        "remove the waiver if the finding is fixed, or correct its path, resource or key"));
            }
        }
        return items;
    }

    private static boolean isProvisioning(String id) {
        return id.startsWith("provision.");
    }

    private Item warning(WaiverRule rule, String problem, String remediation) {
        return ChecklistRule.WAIVERS.item().severity(Severity.WARNING).problem(problem).location(rule.at())
                .remediation(remediation).key("waiver/" + rule.id()).build();
    }

    /** The old, repository-relative pattern rewritten for the application directory, where that is plain. */
    private String rebased(String pattern) {
        List<String> out = new ArrayList<>();
        for (String alternative : pattern.split("\\|")) {
            String trimmed = alternative.trim();
            String prefix = applicationPath.toString().replace('\\', '/') + "/";
            out.add(trimmed.startsWith(prefix) ? trimmed.substring(prefix.length())
                    : applicationPath.relativize(Path.of(trimmed)).toString().replace('\\', '/'));
        }
        return String.join("|", out);
    }

    private static boolean isProblem(Item item) {
        return item.status() == Status.FAIL || item.status() == Status.WARN || item.status() == Status.INFO;
    }

    private Optional<Waiver> waiverFor(Item item) {
        for (CustomItem custom : checklist.items()) {
            if (custom.id().equals(item.id()) && custom.waiver().filter(this::current).isPresent()) {
                return custom.waiver();
            }
        }
        for (WaiverRule rule : checklist.waivers()) {
            if (!rule.id().equals(item.id()) || !current(rule.waiver()) || !selectsResource(rule, item)) {
                continue;
            }
            if (pathMatches(rule, item, true)) {
                used.add(rule);
                return Optional.of(rule.waiver());
            }
            if (!applicationPath.toString().isEmpty() && pathMatches(rule, item, false)) {
                matchedFromRepositoryRoot.putIfAbsent(rule, item.location().path());
            }
        }
        return Optional.empty();
    }

    private boolean current(Waiver waiver) {
        return !waiver.isExpiredOn(today);
    }

    /** Whether the finding is about the waiver's resource and has its key, for those the waiver gives. */
    private static boolean selectsResource(WaiverRule rule, Item item) {
        String key = item.key();
        if (rule.key().isPresent() && !rule.key().get().equals(key)) {
            return false;
        }
        return rule.resource().isEmpty()
                || key != null && (key.equals(rule.resource().get()) || key.startsWith(rule.resource().get() + "/"));
    }

    /**
     * @param fromApplication whether the path is read relative to the application directory (the rule), or to the
     *                        repository root (how waivers were read before; only to report the change)
     */
    private boolean pathMatches(WaiverRule rule, Item item, boolean fromApplication) {
        if (rule.pathPattern().isEmpty()) {
            return true;
        }
        if (item.location() == null) {
            return false;
        }
        String path = fromApplication ? relativeToApplication(item.location().path()) : item.location().path();
        for (String alternative : rule.pathPattern().get().split("\\|")) {
            try {
                if (Glob.compile(alternative.trim()).matches(path)) {
                    return true;
                }
            } catch (GlobSyntaxException e) {
                // Reported by the checklist's own checks (checklist.patterns); a malformed glob waives nothing.
            }
        }
        return false;
    }

    /** A report path (relative to the repository root) relative to the application directory instead. */
    private String relativeToApplication(String path) {
        if (applicationPath.toString().isEmpty()) {
            return path;
        }
        try {
            return applicationPath.relativize(Path.of(path)).toString().replace('\\', '/');
        } catch (IllegalArgumentException e) {
            return path; // an absolute path (outside the repository) is matched as written
        }
    }
}
