package io.ascent.core.yaml;

import io.ascent.core.report.Location;
import io.ascent.core.workspace.ConfinedFiles;
import io.ascent.core.workspace.RefusedFileException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Loads untrusted YAML into {@link YamlDocument}s without constructing objects. Thread-safe; create one per
 * set of limits and rules and reuse it.
 */
public final class SafeYamlLoader {
    private final YamlLimits limits;
    private final ScalarRules rules;
    private final Resolver resolver;
    private final Map<String, Tag> keyTags = new ConcurrentHashMap<>();

    /** A loader that types scalars by YAML 1.2's core schema (the checklist's rules). */
    public SafeYamlLoader(YamlLimits limits) {
        this(limits, ScalarRules.YAML_1_2);
    }

    /** A loader that types scalars by {@code rules}: {@link ScalarRules#KUBECTL} for Kubernetes manifests. */
    public SafeYamlLoader(YamlLimits limits, ScalarRules rules) {
        this.limits = limits;
        this.rules = rules;
        this.resolver = resolver(rules);
    }

    /**
     * Loads a file that must hold exactly one YAML document (a checklist).
     *
     * @param files       where the file may be (its root); the limits' size applies, whatever {@code files} says
     * @param file        the file to read
     * @param displayPath how reports name the file (relative to the repository root)
     * @throws YamlInputException when the file is missing, unreadable, too large, not UTF-8, not valid YAML, not
     *                            exactly one document, or breaks a rule of safe loading
     */
    public YamlDocument loadSingle(ConfinedFiles files, Path file, String displayPath) throws YamlInputException {
        List<YamlDocument> documents = loadAll(files, file, displayPath);
        if (documents.isEmpty()) {
            throw new YamlInputException(Location.of(displayPath), "the file is empty; expected one YAML document");
        }
        if (documents.size() > 1) {
            throw new YamlInputException(documents.get(1).start(),
                    "expected one YAML document but found " + documents.size() + "; remove the '---' separator");
        }
        return documents.get(0);
    }

    /** Receives documents one at a time, as they are read. */
    @FunctionalInterface
    public interface DocumentSink {
        void accept(YamlDocument document);
    }

    /**
     * Loads every non-empty document of a file (a manifest file may hold many), read through {@code files} (which
     * refuses links out of its root and special files) with the limits' size.
     */
    public List<YamlDocument> loadAll(ConfinedFiles files, Path file, String displayPath) throws YamlInputException {
        return parse(read(files, file, displayPath), displayPath);
    }

    /**
     * Reads every non-empty document of a file and hands each to {@code sink} as soon as it is read, keeping none:
     * memory stays flat however many documents the file holds. Documents before a broken one have been handed
     * over when the exception is thrown.
     */
    public void stream(ConfinedFiles files, Path file, String displayPath, DocumentSink sink)
            throws YamlInputException {
        stream(read(files, file, displayPath), displayPath, sink);
    }

    /** Loads every non-empty document of text already in memory. */
    public List<YamlDocument> parse(String text, String displayPath) throws YamlInputException {
        List<YamlDocument> documents = new ArrayList<>();
        stream(text, displayPath, documents::add);
        return documents;
    }

    /** Reads every non-empty document of text already in memory, handing each to {@code sink} as it is read. */
    public void stream(String text, String displayPath, DocumentSink sink) throws YamlInputException {
        if (text.length() > limits.maxBytes()) {
            throw tooLarge(displayPath, text.length());
        }
        refuseLongTokens(text, displayPath);
        SourceText source = new SourceText(text);
        int composed = 0;
        // Most manifests are plain block YAML: composed directly, several times faster than SnakeYAML.
        BlockYamlComposer block = new BlockYamlComposer(text, resolver, keyTags, limits.maxDepth());
        try {
            for (Node root = block.next(); root != null; root = block.next()) {
                deliver(root, false, displayPath, source, sink);
                composed++;
            }
            return;
        } catch (BlockYamlComposer.Unsupported | RuntimeException e) {
            // Outside the subset (or broken): SnakeYAML composes the rest and names any error. A slip of the
            // block composer on odd input must not cost the user the answer SnakeYAML gives.
        }
        LoaderOptions options = options();
        TrackingParser parser = new TrackingParser(new StreamReader(new StringReader(text)), options);
        try {
            Composer composer = new Composer(parser, resolver, options);
            int skip = composed;
            while (composer.checkNode()) {
                Node root = composer.getNode();
                if (root == null || isEmptyDocument(root)) {
                    continue; // "---" followed by nothing: an empty document, ignored as kubectl does
                }
                if (skip > 0) {
                    skip--; // handed over already by the block composer, which gave the same tree
                    continue;
                }
                deliver(root, true, displayPath, source, sink);
            }
        } catch (MarkedYAMLException e) {
            var mistake = IndentationMistake.of(e, text);
            if (mistake.isPresent()) {
                throw new YamlInputException(new Location(displayPath, mistake.get().line(), mistake.get().column()),
                        mistake.get().message());
            }
            throw new YamlInputException(at(displayPath, e.getProblemMark()), describe(e));
        } catch (ReaderException e) {
            throw new YamlInputException(position(displayPath, text, e.getPosition()),
                    String.format("character U+%04X is not allowed in YAML; is this a binary file?", e.getCodePoint()));
        } catch (YAMLException e) {
            // The alias over the limit has been taken by the composer; a collection too deep has not.
            Mark where = String.valueOf(e.getMessage()).contains("aliases") ? parser.lastEvent() : parser.stoppedAt();
            throw new YamlInputException(at(displayPath, where), limitMessage(e));
        } catch (IllegalArgumentException e) {
            // SnakeYAML checks some tokens (a tag with spaces: "!j01%e") with plain argument checks.
            throw new YamlInputException(at(displayPath, parser.lastEvent()), "invalid YAML: " + e.getMessage());
        } catch (StackOverflowError e) {
            // SnakeYAML's depth limit only counts collections while composing; flow scalars nest too.
            throw new YamlInputException(at(displayPath, parser.lastEvent()), "the document nests too deeply");
        }
    }

    private void deliver(Node root, boolean aliases, String displayPath, SourceText source, DocumentSink sink)
            throws YamlInputException {
        NodeConverter checker = new NodeConverter(displayPath, limits, rules, aliases);
        checker.check(root); // every rule now, so that a bad document is reported where it is read
        sink.accept(YamlDocument.lazy(displayPath, root, () -> json(root, aliases, displayPath), source,
                checker.sawNullMember(), rules));
    }

    /** The JSON values of a tree {@link NodeConverter#check} passed. */
    private Object json(Node root, boolean aliases, String displayPath) {
        try {
            return new NodeConverter(displayPath, limits, rules, aliases).convert(root);
        } catch (YamlInputException e) {
            throw new IllegalStateException("a checked document failed to convert: " + e.getMessage(), e);
        }
    }

    /**
     * SnakeYAML's resolver is YAML 1.1's; {@link NodeConverter} narrows it to YAML 1.2 where asked. go-yaml v2 also
     * reads {@code y}/{@code n} as booleans and {@code 0o17} as an integer, which SnakeYAML's does not. Only
     * untagged plain scalars are resolved, so {@code "y"} and {@code !!str y} stay strings.
     */
    static Resolver resolver(ScalarRules rules) {
        return withRules(new FirstCharacterResolver(), rules);
    }

    /** {@code resolver} with the implicit resolvers {@code rules} add to SnakeYAML's. */
    static Resolver withRules(Resolver resolver, ScalarRules rules) {
        if (rules == ScalarRules.KUBECTL) {
            resolver.addImplicitResolver(Tag.BOOL, Pattern.compile("^(?:y|Y|n|N)$"), "yYnN");
            resolver.addImplicitResolver(Tag.INT, Pattern.compile("^[-+]?0o[0-7_]+$"), "-+0");
        }
        return resolver;
    }

    private static boolean isEmptyDocument(Node root) {
        return root instanceof org.yaml.snakeyaml.nodes.ScalarNode scalar
                && scalar.getTag().equals(org.yaml.snakeyaml.nodes.Tag.NULL) && scalar.getValue().isEmpty();
    }

    LoaderOptions options() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setAllowRecursiveKeys(false);
        options.setMaxAliasesForCollections(limits.maxAliases());
        options.setNestingDepthLimit(limits.maxDepth());
        options.setCodePointLimit(limits.maxBytes());
        options.setProcessComments(false);
        options.setWrappedToRootException(false);
        return options;
    }

    private String read(ConfinedFiles files, Path file, String displayPath) throws YamlInputException {
        try {
            return decode(files.withLimit(limits.maxBytes()).readAllBytes(file), displayPath);
        } catch (RefusedFileException e) {
            throw new YamlInputException(Location.of(displayPath), "the file " + e.getMessage());
        } catch (NoSuchFileException e) {
            throw new YamlInputException(Location.of(displayPath), "file not found");
        } catch (IOException e) {
            throw new YamlInputException(Location.of(displayPath), "cannot read the file: " + e.getMessage());
        }
    }

    /**
     * The text of UTF-8 bytes, refusing malformed input. The bytes are checked through a small buffer and then
     * decoded straight into the string: a whole-file char buffer would take twice the file again, which a 15 MB
     * manifest cannot afford in a small heap.
     */
    private static String decode(byte[] bytes, String displayPath) throws YamlInputException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer scratch = CharBuffer.allocate(8192);
        CoderResult result;
        do {
            scratch.clear();
            result = decoder.decode(in, scratch, true);
        } while (result.isOverflow());
        if (result.isError()) {
            int offset = in.position();
            String prefix = new String(bytes, 0, offset, StandardCharsets.UTF_8);
            throw new YamlInputException(position(displayPath, prefix, prefix.length()),
                    "the file is not valid UTF-8 (byte 0x" + String.format("%02X", bytes[offset] & 0xFF)
                            + " at offset " + offset + "); save it as UTF-8");
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private YamlInputException tooLarge(String displayPath, long size) {
        return new YamlInputException(Location.of(displayPath),
                "the file is " + size + " bytes; the limit is " + limits.maxBytes() + " bytes");
    }

    private static Location at(String path, Mark mark) {
        if (mark == null) {
            return Location.of(path);
        }
        return new Location(path, mark.getLine() + 1, mark.getColumn() + 1);
    }

    /**
     * The longest run of characters without a space or line break a document may hold. SnakeYAML's reader copies its
     * whole look-ahead window for every 1,024 characters it adds while scanning one token, so a token costs time
     * quadratic in its length: a 15-million-digit integer took 100 s. No Kubernetes value is that long (an object
     * is at most about 1.5 MiB), so longer tokens are refused before parsing.
     */
    static final int MAX_TOKEN_CHARS = 2 * 1024 * 1024;

    private static void refuseLongTokens(String text, String displayPath) throws YamlInputException {
        if (text.length() <= MAX_TOKEN_CHARS) {
            return; // no run can be longer than the text: most files need no look (it was 4% of 50,000 manifests)
        }
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            run = c == ' ' || c == '\n' || c == '\r' || c == '\t' ? 0 : run + 1;
            if (run > MAX_TOKEN_CHARS) {
                throw new YamlInputException(position(displayPath, text, i - run + 1), "a value of more than "
                        + MAX_TOKEN_CHARS + " characters without a space or line break; YAML this long is not a "
                        + "Kubernetes object or a checklist");
            }
        }
    }

    private static Location position(String path, String text, int offset) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < Math.min(offset, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new Location(path, line, column);
    }

    /** SnakeYAML's problem text, without its context dump, with tabs explained. */
    private static String describe(MarkedYAMLException e) {
        String problem = e.getProblem() == null ? "invalid YAML" : e.getProblem();
        if (problem.startsWith("Global tag is not allowed: ")) {
            return "tag '" + problem.substring("Global tag is not allowed: ".length())
                    + "' is not allowed; Ascent reads plain YAML data only";
        }
        if (problem.contains("\\t") || problem.contains("TAB")) {
            return "a tab character cannot indent YAML; use spaces";
        }
        String context = e.getContext();
        return context == null ? "invalid YAML: " + problem : "invalid YAML: " + context + ", " + problem;
    }

    private String limitMessage(YAMLException e) {
        String text = String.valueOf(e.getMessage());
        if (text.contains("aliases")) {
            return "the document uses more than " + limits.maxAliases() + " aliases to collections";
        }
        if (text.contains("Nesting Depth")) {
            return "the document nests deeper than " + limits.maxDepth() + " levels";
        }
        if (text.contains("code points")) {
            return "the document is larger than " + limits.maxBytes() + " characters";
        }
        return "invalid YAML: " + text;
    }
}
