package io.ascent.core.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.report.Item;
import io.ascent.core.report.Status;
import io.ascent.core.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChecklistLoaderTest {
    private static final String HEADER = "apiVersion: ascent.dev/v1\nkind: Checklist\nmetadata:\n  name: app\n";
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    @TempDir
    Path repo;
    Path app;

    @BeforeEach
    void createRepository() throws Exception {
        Files.createDirectories(repo.resolve(".git"));
        app = Files.createDirectories(repo.resolve("services/app"));
    }

    private LoadedChecklist load(String yaml) throws Exception {
        Files.writeString(app.resolve("ascent.yaml"), yaml);
        Clock clock = Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        return new ChecklistLoader(clock).load(Workspace.of(app), Optional.empty());
    }

    private static List<Item> problems(LoadedChecklist loaded) {
        return loaded.items().stream().filter(item -> item.status() != Status.PASS).toList();
    }

    private static Item only(LoadedChecklist loaded) {
        List<Item> problems = problems(loaded);
        assertThat(problems).hasSize(1);
        return problems.get(0);
    }

    @Test
    void shouldAcceptMinimalChecklistAndReportPathsRelativeToRepositoryRoot() throws Exception {
        LoadedChecklist loaded = load(HEADER);
        assertThat(loaded.usable()).isTrue();
        assertThat(loaded.checklist().orElseThrow().path()).isEqualTo("services/app/ascent.yaml");
        assertThat(loaded.items()).extracting(Item::id).contains("checklist.schema");
    }

    @Test
    void shouldPointMissingPropertyAtTheMappingThatLacksIt() throws Exception {
        Item item = only(load("apiVersion: ascent.dev/v1\nkind: Checklist\nmetadata:\n  owner: me\n"));
        assertThat(item.status()).isEqualTo(Status.ERROR);
        assertThat(item.message()).isEqualTo("missing required property 'name' in metadata");
        assertThat(item.location().toString()).isEqualTo("services/app/ascent.yaml:4:3");
    }

    @Test
    void shouldPointUnknownPropertyAtItsKeyAndSuggestTheNearestName() throws Exception {
        Item item = only(load(HEADER + "repository:\n  maxFilesize: 10MB\n"));
        assertThat(item.message()).startsWith("unknown property 'maxFilesize' in repository; did you mean 'maxFileSize'?");
        assertThat(item.location().line()).isEqualTo(6);
        assertThat(item.location().column()).isEqualTo(3);
    }

    @Test
    void shouldPointWrongTypeAtTheValueAndExplainUnquotedVersions() throws Exception {
        Item item = only(load(HEADER + "kubernetes:\n  version: 1.30\n"));
        assertThat(item.message()).isEqualTo(
                "expected a string but found the number 1.30 in kubernetes.version; put it in quotes: \"1.30\"");
        assertThat(item.location().toString()).isEqualTo("services/app/ascent.yaml:6:12");
    }

    @Test
    void shouldListAllowedValuesForEnums() throws Exception {
        Item item = only(load(HEADER + "repository:\n  symlinks: sometimes\n"));
        assertThat(item.message()).isEqualTo(
                "'sometimes' is not allowed here in repository.symlinks; use one of: allow, forbid, within-repository");
    }

    @Test
    void shouldReportEveryViolationNotOnlyTheFirst() throws Exception {
        LoadedChecklist loaded = load(HEADER + "repository:\n  symlinks: x\n  submodules: y\nkubernetes:\n  versio: \"1\"\n");
        assertThat(problems(loaded)).hasSize(3)
                .extracting(item -> item.location().line()).containsExactly(6, 7, 9);
    }

    @Test
    void shouldNameTheTypesThatFitWhenAlternativesAllFail() throws Exception {
        Item item = only(load(HEADER + "repository:\n  maxFileSize: true\n"));
        assertThat(item.message()).isEqualTo("expected a string or an integer but found true in repository.maxFileSize");
    }

    @Test
    void shouldExplainPatternViolationsWithTheSchemaDescription() throws Exception {
        Item item = only(load(HEADER + "repository:\n  maxFileSize: 10 megabytes\n"));
        assertThat(item.message()).startsWith("'10 megabytes' is not a valid value in repository.maxFileSize (A size");
    }

    @Test
    void shouldRejectDuplicateItemIds() throws Exception {
        String items = "items:\n"
                + "  - {id: docs, title: Docs, check: {require: [README.md]}}\n"
                + "  - {id: docs, title: Docs again, check: {require: [docs/]}}\n";
        Item item = only(load(HEADER + items));
        assertThat(item.id()).isEqualTo("checklist.ids");
        assertThat(item.message()).isEqualTo("item id 'docs' is used twice (first at line 6)");
        assertThat(item.location().line()).isEqualTo(7);
    }

    @Test
    void shouldRejectItemIdsWithBuiltInPrefixes() throws Exception {
        Item item = only(load(HEADER + "items:\n  - {id: repo.mine, title: Mine, check: {require: [README.md]}}\n"));
        assertThat(item.message()).contains("prefix 'repo.'");
    }

    @Test
    void shouldRejectPathsThatLeaveTheRepository() throws Exception {
        Item item = only(load(HEADER + "kubernetes:\n  manifests: [\"../../../outside\"]\n"));
        assertThat(item.id()).isEqualTo("checklist.paths");
        assertThat(item.status()).isEqualTo(Status.ERROR);
        assertThat(item.message()).contains("leaves the repository");
        assertThat(item.location().toString()).isEqualTo("services/app/ascent.yaml:6:15");
    }

    @Test
    void shouldAllowPathsThatStayInsideTheRepositoryAboveTheApplication() throws Exception {
        Files.createDirectories(repo.resolve("shared/deploy"));
        assertThat(problems(load(HEADER + "kubernetes:\n  manifests: [\"../../shared/deploy\"]\n"))).isEmpty();
    }

    @Test
    void shouldRejectAbsolutePaths() throws Exception {
        assertThat(only(load(HEADER + "provision:\n  cluster:\n    config: /etc/kind.yaml\n")).message())
                .contains("leaves the repository");
    }

    @Test
    void shouldRejectSymbolicLinksThatLeaveTheRepository() throws Exception {
        Path outside = Files.createTempDirectory("ascent-outside");
        try {
            Files.createSymbolicLink(app.resolve("deploy"), outside);
            assertThat(only(load(HEADER + "kubernetes:\n  manifests: [deploy/]\n")).message())
                    .contains("leaves the repository");
        } finally {
            Files.delete(app.resolve("deploy"));
            Files.delete(outside);
        }
    }

    @Test
    void shouldReportNamedFilesThatDoNotExistButNotGlobs() throws Exception {
        LoadedChecklist loaded = load(HEADER + "kubernetes:\n  manifests: [deploy/app.yaml, \"deploy/**/*.yaml\"]\n");
        Item item = only(loaded);
        assertThat(item.message()).isEqualTo("'deploy/app.yaml' does not exist in services/app/");
    }

    @Test
    void shouldRejectRegularExpressionsThatDoNotCompile() throws Exception {
        Files.writeString(app.resolve("Dockerfile"), "FROM scratch\n");
        Item item = only(load(HEADER + "items:\n  - id: user\n    title: User\n    check:\n      contains:\n"
                + "        path: Dockerfile\n        pattern: \"(USER\"\n"));
        assertThat(item.id()).isEqualTo("checklist.patterns");
        assertThat(item.location().line()).isEqualTo(11);
    }

    @Test
    void shouldFailExpiredWaiversWithoutMakingTheChecklistInvalid() throws Exception {
        LoadedChecklist loaded = load(HEADER + "waivers:\n  - id: repo.secrets\n    reason: fixture\n"
                + "    owner: me\n    expires: 2026-11-24\n");
        Item item = only(loaded);
        assertThat(item.status()).isEqualTo(Status.FAIL);
        assertThat(item.message()).isEqualTo("the waiver for 'repo.secrets' expired on 2026-11-24");
        assertThat(item.location().line()).isEqualTo(9);
        assertThat(loaded.usable()).isTrue();
    }

    @Test
    void shouldKeepAWaiverValidThroughItsExpiryDay() throws Exception {
        Item item = only(load(HEADER + "waivers:\n  - {id: repo.secrets, reason: r, owner: me, expires: 2026-11-25}\n"));
        assertThat(item.status()).isEqualTo(Status.WARN);
        assertThat(item.message()).contains("(in 0 days)");
    }

    @Test
    void shouldWarnAboutWaiversForUnknownIds() throws Exception {
        Item item = only(load(HEADER + "waivers:\n  - {id: nothing-here, reason: r, owner: me, expires: 2027-11-25}\n"));
        assertThat(item.status()).isEqualTo(Status.WARN);
        assertThat(item.message()).contains("matches no custom item");
    }

    @Test
    void shouldFailExpiredInlineWaiversOfCustomItems() throws Exception {
        LoadedChecklist loaded = load(HEADER + "items:\n  - id: runbook\n    title: Runbook\n"
                + "    check: {require: [docs/runbook.md]}\n"
                + "    waiver: {reason: later, owner: me, expires: 2026-01-01}\n");
        assertThat(only(loaded).status()).isEqualTo(Status.FAIL);
    }

    @Test
    void shouldBuildTheTypedModelWithDefaults() throws Exception {
        Files.createDirectories(app.resolve("deploy"));
        Checklist checklist = load(HEADER + "repository:\n  maxFileSize: 10MB\n  required: [\"LICENSE*|COPYING*\"]\n"
                + "kubernetes:\n  version: \"1.31\"\n  manifests: [deploy/]\n"
                + "provision:\n  deploy:\n    timeout: 1m30s\n  tests:\n    - name: home\n"
                + "      http: {service: web, port: 80}\n").checklist().orElseThrow();
        assertThat(checklist.repository().maxFileSize()).hasValue(10_000_000L);
        assertThat(checklist.repository().symlinks()).isEqualTo(RepositoryRules.SymlinkPolicy.WITHIN_REPOSITORY);
        assertThat(checklist.repository().secrets().scan()).isTrue();
        assertThat(checklist.kubernetes().version()).hasValue("1.31");
        assertThat(checklist.kubernetes().schemaLocations()).containsExactly("default");
        assertThat(checklist.provision().deploy().timeout()).hasSeconds(90);
        assertThat(checklist.provision().tests().get(0).http().orElseThrow().path()).isEqualTo("/");
        assertThat(checklist.provision().tests().get(0).http().orElseThrow().method()).isEqualTo("GET");
        assertThat(checklist.provision().teardown()).isEqualTo(ProvisionSettings.Teardown.ALWAYS);
        assertThat(checklist.provision().cluster().podSecurity()).as("the cluster's default").isEmpty();
    }

    @Test
    void shouldReadAPodSecurityLevelAndRefuseALevelKubernetesDoesNotHave() throws Exception {
        Checklist checklist = load(HEADER + "provision:\n  cluster:\n    podSecurity: baseline\n").checklist()
                .orElseThrow();
        assertThat(checklist.provision().cluster().podSecurity()).contains("baseline");

        Item item = only(load(HEADER + "provision:\n  cluster:\n    podSecurity: strict\n"));
        assertThat(item.message()).isEqualTo("'strict' is not allowed here in provision.cluster.podSecurity; use one "
                + "of: baseline, privileged, restricted");
        assertThat(item.location().line()).isEqualTo(7);
    }

    @Test
    void shouldConvertSizeUnits() {
        assertThat(Quantities.bytes("512KiB")).isEqualTo(524_288L);
        assertThat(Quantities.bytes("1.5 GB")).isEqualTo(1_500_000_000L);
        assertThat(Quantities.bytes(42L)).isEqualTo(42L);
        assertThat(Quantities.duration("1h2m3s")).hasSeconds(3723);
    }

    @Test
    void shouldReadAnHttpTestsMethodAndRefuseOneHttpDoesNotHave() throws Exception {
        String provision = "provision:\n  tests:\n    - name: submit\n      http: {service: web, port: 80, method: %s}\n";
        Checklist checklist = load(HEADER + provision.formatted("POST")).checklist().orElseThrow();
        assertThat(checklist.provision().tests().get(0).http().orElseThrow().method()).isEqualTo("POST");

        Item refused = only(load(HEADER + provision.formatted("FETCH")));
        assertThat(refused.status()).isEqualTo(Status.ERROR);
        assertThat(refused.location().toString()).startsWith("services/app/ascent.yaml:" + (HEADER.split("\n").length + 4));
        assertThat(refused.message()).contains("FETCH");
    }
}
