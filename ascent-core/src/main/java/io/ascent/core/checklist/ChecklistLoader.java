package io.ascent.core.checklist;

import io.ascent.core.jsonschema.SchemaViolation;
import io.ascent.core.report.Item;
import io.ascent.core.report.Location;
import io.ascent.core.report.Status;
import io.ascent.core.workspace.ConfinedFiles;
import io.ascent.core.workspace.Workspace;
import io.ascent.core.yaml.SafeYamlLoader;
import io.ascent.core.yaml.YamlDocument;
import io.ascent.core.yaml.YamlInputException;
import io.ascent.core.yaml.YamlLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads an {@code ascent.yaml} safely, validates it against the schema, builds the model and runs the semantic
 * checks. Never throws for bad input: every problem becomes an item with its location.
 */
public final class ChecklistLoader {
    /** File names looked for in the application directory, in order. */
    public static final List<String> DEFAULT_NAMES = List.of("ascent.yaml", "ascent.yml");

    private final SafeYamlLoader yaml = new SafeYamlLoader(YamlLimits.CHECKLIST);
    private final Clock clock;

    public ChecklistLoader(Clock clock) {
        this.clock = clock;
    }

    /**
     * The checklist to read: the given file (relative to the current directory, as a user types it), or the first
     * default name present in the application directory.
     */
    public static Optional<Path> locate(Workspace workspace, Optional<Path> explicit) {
        if (explicit.isPresent()) {
            return explicit;
        }
        return DEFAULT_NAMES.stream()
                .map(name -> workspace.applicationDir().resolve(name))
                .filter(Files::isRegularFile)
                .findFirst();
    }

    /** Loads and checks the checklist found by {@link #locate}; a missing checklist is an error item. */
    public LoadedChecklist load(Workspace workspace, Optional<Path> explicit) {
        long start = System.nanoTime();
        Optional<Path> file = locate(workspace, explicit);
        if (file.isEmpty()) {
            String looked = DEFAULT_NAMES.stream()
                    .map(name -> workspace.applicationDir().resolve(name).toString())
                    .reduce((a, b) -> a + " or " + b).orElseThrow();
            return failed(ChecklistRule.FILE.item()
                    .status(Status.ERROR)
                    .message("no checklist found: looked for " + looked)
                    .location(Location.of(workspace.displayPath(workspace.applicationDir().resolve("ascent.yaml"))))
                    .remediation("add an ascent.yaml (see docs/checklist.md) or name one with --checklist")
                    .build());
        }
        Path path = file.get();
        String display = workspace.displayPath(path);
        YamlDocument document;
        try {
            document = yaml.loadSingle(filesFor(workspace, path), path, display);
        } catch (YamlInputException e) {
            return failed(ChecklistRule.FILE.item().status(Status.ERROR).message(e.getMessage())
                    .location(e.location()).build());
        }
        List<Item> items = new ArrayList<>();
        List<SchemaViolation> violations = ChecklistSchema.validator().validate(document);
        for (SchemaViolation violation : violations) {
            items.add(ChecklistRule.SCHEMA.item().status(Status.ERROR).message(violation.message())
                    .location(violation.location())
                    .key(violation.pointer() + " " + violation.keyword())
                    .remediation("see the reference in docs/checklist.md or run 'ascent schema'")
                    .build());
        }
        if (!violations.isEmpty()) {
            return new LoadedChecklist(Optional.empty(), items);
        }
        items.addAll(new SemanticChecks(workspace, document, LocalDate.now(clock)).preModel());
        if (items.stream().anyMatch(item -> item.status() == Status.ERROR)) {
            return new LoadedChecklist(Optional.empty(), items);
        }
        Checklist checklist = new ChecklistModelReader(document).read();
        items.addAll(new SemanticChecks(workspace, document, LocalDate.now(clock)).onModel(checklist));
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        items.add(0, ChecklistRule.SCHEMA.item()
                .message(display + " is a valid Ascent Checklist " + checklist.apiVersion())
                .location(Location.of(display))
                .duration(elapsed)
                .build());
        return new LoadedChecklist(Optional.of(checklist), items);
    }

    /**
     * Where a checklist may be read from. The repository's own checklist, and an explicit one named by a path
     * inside the repository, must stay inside it: a committed {@code ascent.yaml} that links to
     * {@code ~/.git-credentials} is refused, not read. A {@code --checklist} outside the repository is a file the
     * operator chose (a checklist shared by many repositories) and is read where it is, still only as a regular
     * file within the size limit.
     */
    private static ConfinedFiles filesFor(Workspace workspace, Path checklist) {
        ConfinedFiles repository = workspace.files(YamlLimits.CHECKLIST.maxBytes());
        return repository.contains(checklist) ? repository : ConfinedFiles.anywhere(YamlLimits.CHECKLIST.maxBytes());
    }

    private static LoadedChecklist failed(Item item) {
        return new LoadedChecklist(Optional.empty(), List.of(item));
    }
}
