package io.ascent.core.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.manifest.api.ApiLifecycleTable;
import io.ascent.core.network.UrlAllowList;
import io.ascent.core.report.Item;
import io.ascent.core.report.Report;
import io.ascent.core.report.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loader threads start while the manifest set is still being expanded ({@code ManifestValidationStep}'s
 * {@code Loading.early}): the first files the expansion finds are handed to them before the set is sorted, and the
 * checks still receive every file in the set's sorted order. Observed through the step's probe, on the expanding
 * and checking thread (the order of its calls, never their timing), and against a run on one thread, which reads
 * nothing early.
 */
class EarlyLoadingTest {
    /** {@code threads * AHEAD_PER_THREAD} with two threads. */
    private static final int WINDOW = 8;

    @TempDir
    Path repository;

    @Test
    void shouldHandTheFirstFilesToTheLoadersBeforeTheSetIsSorted() {
        ManifestWorkspace workspace = new ManifestWorkspace(repository)
                .checklist("kubernetes:\n  version: \"1.31\"\n  manifests: [deploy/]\n");
        for (int i = 0; i < 12; i++) {
            workspace.write(String.format("deploy/app%02d.yaml", i), configMap("settings-" + i));
        }

        List<String> events = new ArrayList<>();
        workspace.validate(Optional.empty(), step(2, events));

        List<String> early = new ArrayList<>();
        for (int i = 0; i < WINDOW; i++) {
            early.add(String.format("early deploy/app%02d.yaml", i));
        }
        // The window's worth of files went to the loaders before the set was known whole; the rest after.
        assertThat(events.subList(0, WINDOW + 1)).containsExactlyElementsOf(plus(early, "expanded"));
        assertThat(events).filteredOn(event -> event.startsWith("checked ")).hasSize(12);
    }

    @Test
    void shouldCheckInSortedOrderWhenTheExpansionFindsFilesInAnotherOrder() {
        // The checklist names z/ before a/: the expansion finds z's files first, the report lists a's first.
        ManifestWorkspace workspace = new ManifestWorkspace(repository)
                .checklist("kubernetes:\n  version: \"1.31\"\n  manifests: [z/, a/]\n");
        for (int i = 0; i < 3; i++) {
            workspace.write("z/app" + i + ".yaml", configMap("z-" + i));
        }
        for (int i = 0; i < 9; i++) {
            workspace.write("a/app" + i + ".yaml", configMap("a-" + i) + "  broken: [\n".repeat(i % 3 == 0 ? 1 : 0));
        }

        List<String> events = new ArrayList<>();
        List<Item> items = workspace.validate(Optional.empty(), step(2, events)).items();
        List<String> inlineEvents = new ArrayList<>();
        List<Item> inline = workspace.validate(Optional.empty(), step(1, inlineEvents)).items();

        assertThat(events.subList(0, 3)).containsExactly("early z/app0.yaml", "early z/app1.yaml",
                "early z/app2.yaml");
        assertThat(events).filteredOn(event -> event.startsWith("early ")).hasSize(WINDOW);
        List<String> checked = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            if (i % 3 != 0) { // the others do not parse: no object reaches the checks
                checked.add("checked a-" + i);
            }
        }
        for (int i = 0; i < 3; i++) {
            checked.add("checked z-" + i);
        }
        assertThat(events).filteredOn(event -> event.startsWith("checked ")).containsExactlyElementsOf(checked);
        assertThat(inlineEvents).noneMatch(event -> event.startsWith("early "))
                .filteredOn(event -> event.startsWith("checked ")).containsExactlyElementsOf(checked);
        // The parse problems too come in the sorted order, and the whole report is the one-thread run's.
        assertThat(items).filteredOn(item -> item.id().equals(ManifestLoader.PARSE_ID)).extracting(item ->
                item.location().path()).containsExactly("a/app0.yaml", "a/app3.yaml", "a/app6.yaml");
        assertThat(items).usingRecursiveFieldByFieldElementComparatorIgnoringFields("duration")
                .containsExactlyElementsOf(inline);
    }

    @Test
    void shouldReadNoLinkLeavingTheRepositoryAndSayWhatTheExpansionFoundWrongAsBefore() throws IOException {
        Path outside = Files.createTempFile("outside", ".yaml");
        try {
            Files.writeString(outside, configMap("outside"));
            ManifestWorkspace workspace = new ManifestWorkspace(repository)
                    .checklist("kubernetes:\n  version: \"1.31\"\n  manifests: [deploy/, 'other/*.json']\n");
            workspace.write("deploy/app.yaml", configMap("inside"));
            workspace.write("other/readme.md", "not a manifest\n");
            Files.createSymbolicLink(repository.resolve("deploy/escape.yaml"), outside);

            List<String> events = new ArrayList<>();
            List<Item> items = workspace.validate(Optional.empty(), step(2, events)).items();

            assertThat(events).filteredOn(event -> event.startsWith("early ")).containsExactly("early deploy/app.yaml");
            assertThat(events).filteredOn(event -> event.startsWith("checked ")).containsExactly("checked inside");
            assertThat(items).filteredOn(item -> item.id().equals(ManifestLoader.PARSE_ID))
                    .extracting(item -> item.location().path() + ": " + item.message()).containsExactly(
                            "deploy/escape.yaml: a symbolic link leads out of the repository; Ascent reads only "
                                    + "files inside it",
                            "other/*.json: glob 'other/*.json' matches no file");
        } finally {
            Files.deleteIfExists(outside);
        }
    }

    @Test
    @Timeout(120) // a guard against a run that never ends, not a measure: what is asserted is what the run did
    void shouldEndAsInterruptedLeavingNoLoaderRunningWhenCancelledWhileTheLoadersHoldFilesHandedOverEarly()
            throws InterruptedException {
        ManifestWorkspace workspace = new ManifestWorkspace(repository)
                .checklist("kubernetes:\n  version: \"1.31\"\n  manifests: [deploy/]\n");
        for (int i = 0; i < 12; i++) {
            workspace.write(String.format("deploy/app%02d.yaml", i), configMap("settings-" + i));
        }
        List<String> events = new ArrayList<>(); // written on the run's thread only, read after it ended
        CountDownLatch windowHandedOver = new CountDownLatch(1);
        int[] loadersAtTheInterrupt = new int[1];
        ManifestValidationStep step = new ManifestValidationStep(ApiLifecycleTable.builtIn(), 2, null,
                UrlAllowList.none(), new ManifestValidationStep.Probe() {
                    @Override
                    public void readEarly(ManifestFile file) {
                        events.add("early " + file.displayPath());
                        if (events.size() < WINDOW) {
                            return;
                        }
                        // The loaders hold the first files, the set is not sorted yet: the user presses Ctrl-C.
                        loadersAtTheInterrupt[0] = loaderThreads().size();
                        windowHandedOver.countDown();
                        try {
                            new CountDownLatch(1).await(); // until the run's thread is interrupted
                        } catch (InterruptedException e) {
                            events.add("interrupted");
                            Thread.currentThread().interrupt(); // as it would be had it arrived a moment later
                        }
                    }

                    @Override
                    public void expanded(List<ManifestFile> files) {
                        events.add("expanded");
                    }

                    @Override
                    public void handedOver(Resource resource) {
                        events.add("checked " + resource.name());
                    }
                });
        Report[] report = new Report[1];
        boolean[] flagSetAgain = new boolean[1];
        Thread run = new Thread(() -> {
            report[0] = workspace.validate(Optional.empty(), step);
            flagSetAgain[0] = Thread.currentThread().isInterrupted();
        }, "run");

        run.start();
        windowHandedOver.await();
        run.interrupt(); // as the CLI's Ctrl-C handler does
        run.join();

        assertThat(loadersAtTheInterrupt[0]).as("loader threads when the run was interrupted").isPositive();
        assertThat(report[0].interrupted()).isTrue();
        assertThat(flagSetAgain[0]).as("the interrupt flag is set again for the caller").isTrue();
        // Promptly: nothing after the interrupt, neither the set sorted nor any object checked.
        assertThat(events.get(events.size() - 1)).isEqualTo("interrupted");
        assertThat(events).noneMatch(event -> event.equals("expanded") || event.startsWith("checked "));
        assertThat(loaderThreads()).as("loader threads still alive once the run returned").isEmpty();
        assertThat(report[0].items()).filteredOn(item -> item.id().startsWith("manifest."))
                .noneMatch(item -> item.status() == Status.PASS);
    }

    private static List<Thread> loaderThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals("ascent-manifest-loader") && thread.isAlive()).toList();
    }

    /** A step that writes what its probe sees to {@code events}: files read early, the set known, objects checked. */
    private static ManifestValidationStep step(int threads, List<String> events) {
        return new ManifestValidationStep(ApiLifecycleTable.builtIn(), threads, null, UrlAllowList.none(),
                new ManifestValidationStep.Probe() {
                    @Override
                    public void readEarly(ManifestFile file) {
                        events.add("early " + file.displayPath());
                    }

                    @Override
                    public void expanded(List<ManifestFile> files) {
                        events.add("expanded");
                    }

                    @Override
                    public void handedOver(Resource resource) {
                        events.add("checked " + resource.name());
                    }
                });
    }

    private static String configMap(String name) {
        return "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: " + name + "}\ndata: {mode: fast}\n";
    }

    private static List<String> plus(List<String> list, String last) {
        List<String> out = new ArrayList<>(list);
        out.add(last);
        return out;
    }
}
