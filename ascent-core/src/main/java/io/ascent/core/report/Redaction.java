package io.ascent.core.report;

import io.ascent.core.secret.KeywordIndex;
import io.ascent.core.secret.SecretDetector;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The one redaction step every report goes through before anything renders it: each text an item or log entry
 * carries (id, title, message, location, remediation, key, waiver) has every secret the secret scan's detectors
 * recognise replaced by {@code [redacted <detector>]}. Checks quote repository content (a label value, an
 * annotation, a wrongly typed field, an image name, a YAML snippet); redacting here, not in each check, means no
 * check can forget.
 *
 * <p>Detectors that only apply to some files (password assignments in dotenv files) are not used: in free text
 * they would hide ordinary messages. A private key is redacted from its header to its footer, or to the end of the
 * text when the footer is missing.
 */
public final class Redaction {
    private static final List<SecretDetector> DETECTORS = SecretDetector.BUILT_IN.stream()
            .filter(detector -> detector.fileFilter() == SecretDetector.FileFilter.ALL).toList();
    private static final KeywordIndex KEYWORDS = new KeywordIndex(DETECTORS);

    private Redaction() {
    }

    /** {@code text} with every recognised secret replaced; {@code null} stays {@code null}. */
    public static String redact(String text) {
        if (text == null || !mayHoldSecret(text)) {
            return text;
        }
        List<SecretDetector.Match> matches = new ArrayList<>();
        for (SecretDetector detector : DETECTORS) {
            for (SecretDetector.Match match : detector.find(text)) {
                matches.add(detector.id().equals(SecretDetector.PRIVATE_KEY) ? throughFooter(text, match) : match);
            }
        }
        return replace(text, matches, false);
    }

    /**
     * {@code text} with each match replaced by {@code [redacted <detector>]}; with {@code keepLines} followed by the
     * line feeds the secret spanned, so that the lines after it keep their numbers.
     */
    private static String replace(String text, List<SecretDetector.Match> matches, boolean keepLines) {
        if (matches.isEmpty()) {
            return text;
        }
        matches.sort(Comparator.comparingInt(SecretDetector.Match::start));
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        for (SecretDetector.Match match : matches) {
            if (match.end() <= copied) {
                continue; // inside a secret already redacted
            }
            if (match.start() >= copied) {
                out.append(text, copied, match.start()).append("[redacted ").append(match.detector().id())
                        .append(']');
            }
            if (keepLines) {
                text.substring(Math.max(match.start(), copied), match.end()).chars().filter(c -> c == '\n')
                        .forEach(c -> out.append('\n'));
            }
            copied = match.end();
        }
        return out.append(text, copied, text.length()).toString();
    }

    /** The item with every text redacted; the same instance when there was nothing to redact. */
    public static Item redact(Item item) {
        // redact(String) returns its argument itself when there is nothing to redact, so comparing references says
        // whether anything changed; Item.equals would say the same, but a record's first equals spins its method
        // handles at run time, which was 8% of a short run's main thread (docs/performance.md, "Start-up cuts").
        String id = redact(item.id());
        String title = redact(item.title());
        String message = redact(item.message());
        String remediation = redact(item.remediation());
        String key = redact(item.key());
        Location location = item.location();
        if (location != null) {
            String path = redact(location.path());
            location = path == location.path() ? location : new Location(path, location.line(), location.column());
        }
        Waiver waiver = item.waiver();
        if (waiver != null) {
            String reason = redact(waiver.reason());
            String owner = redact(waiver.owner());
            waiver = reason == waiver.reason() && owner == waiver.owner() ? waiver
                    : new Waiver(reason, owner, waiver.expires());
        }
        boolean unchanged = id == item.id() && title == item.title() && message == item.message()
                && remediation == item.remediation() && key == item.key() && location == item.location()
                && waiver == item.waiver();
        return unchanged ? item : new Item(id, title, item.status(), item.severity(), message, location, remediation,
                item.duration(), waiver, key, item.errorKind());
    }

    /** The excerpt with every line redacted. */
    public static SourceExcerpt redact(SourceExcerpt excerpt) {
        List<String> lines = excerpt.lines().stream().map(Redaction::redact).toList();
        return lines.equals(excerpt.lines()) ? excerpt
                : new SourceExcerpt(redact(excerpt.path()), excerpt.firstLine(), lines);
    }

    /**
     * A whole file's {@code content} with every secret redacted that the secret scan would find in a file named
     * {@code fileName} (dotenv and properties assignments included), keeping its line count: a secret that spans
     * lines (a private key) becomes one {@code [redacted ...]} followed by as many empty lines, so line numbers of
     * findings still point at the right lines.
     */
    public static String redactFile(String fileName, String content) {
        List<SecretDetector.Match> matches = new ArrayList<>();
        for (SecretDetector detector : SecretDetector.BUILT_IN) {
            if (!detector.fileFilter().accepts(fileName) || !hasKeyword(detector, content)) {
                continue;
            }
            if (detector.keywords().isEmpty()) {
                // Such patterns are anchored to a line (an assignment in a dotenv file): run them line by line.
                int start = 0;
                while (start <= content.length()) {
                    int end = content.indexOf('\n', start);
                    end = end < 0 ? content.length() : end;
                    for (SecretDetector.Match match : detector.find(content.substring(start, end))) {
                        matches.add(new SecretDetector.Match(detector, start + match.start(), start + match.end()));
                    }
                    start = end + 1;
                }
                continue;
            }
            for (SecretDetector.Match match : detector.find(content)) {
                matches.add(detector.id().equals(SecretDetector.PRIVATE_KEY) ? throughFooter(content, match) : match);
            }
        }
        return replace(content, matches, true);
    }

    private static boolean hasKeyword(SecretDetector detector, String text) {
        return detector.keywords().isEmpty() || detector.keywords().stream().anyMatch(text::contains);
    }

    /** The log entry with its message redacted. */
    public static LogEntry redact(LogEntry entry) {
        String message = redact(entry.message());
        return message.equals(entry.message()) ? entry : new LogEntry(entry.level(), message);
    }

    /** Cheap test first: every detector used here needs one of its keywords in the text (one pass for all). */
    private static boolean mayHoldSecret(String text) {
        return KEYWORDS.anyIn(text);
    }

    private static SecretDetector.Match throughFooter(String text, SecretDetector.Match header) {
        int footer = text.indexOf("-----END ", header.end());
        int close = footer < 0 ? -1 : text.indexOf("-----", footer + 9);
        int end = close < 0 ? text.length() : close + 5;
        return new SecretDetector.Match(header.detector(), header.start(), end);
    }
}
