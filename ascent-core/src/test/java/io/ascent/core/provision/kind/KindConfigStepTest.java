package io.ascent.core.provision.kind;

import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.Ascent;
import io.ascent.core.DoctorOptions;
import io.ascent.core.ValidateOptions;
import io.ascent.core.ValidationSteps;
import io.ascent.core.progress.ProgressListener;
import io.ascent.core.provision.ProvisionOptions;
import io.ascent.core.provision.Provisioner;
import io.ascent.core.provision.WebApplication;
import io.ascent.core.report.ErrorKind;
import io.ascent.core.report.Item;
import io.ascent.core.report.Report;
import io.ascent.core.report.Status;
import io.ascent.core.report.Verdict;
import io.ascent.core.validation.ValidationStep;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code ascent validate} judges the checklist's kind configuration by the host policy as {@code ascent provision}
 * does ({@link KindConfigStep}): same items, same exit status, before any cluster exists and without a container
 * engine. Every application is written here, at test time.
 */
class KindConfigStepTest {

    private static final String HEADER = "kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\n";

    @TempDir
    Path repository;

    private Path app;

    @Test
    void shouldRefuseDockerSocketMountInValidate() throws Exception {
        Report report = validate(mounting("/var/run/docker.sock"));

        assertThat(report.verdict()).isEqualTo(Verdict.INVALID_INPUT);
        assertThat(report.exitStatus()).isEqualTo(2);
        Item refused = only(report, Status.ERROR);
        assertThat(refused.message()).isEqualTo("nodes[0].extraMounts[0].hostPath '/var/run/docker.sock' is the "
                + "container engine's socket: a pod that mounts it controls the engine, which is root on the build "
                + "agent");
        assertThat(refused.location().toString()).isEqualTo("app/cluster/kind.yaml:7:19");
        assertThat(refused.errorKind()).isEqualTo(ErrorKind.INPUT);
        assertThat(refused.remediation()).contains("--kind-mount PATH or ASCENT_KIND_MOUNTS");
    }

    @Test
    void shouldRefuseEtcMountInValidate() throws Exception {
        Item refused = only(validate(mounting("/etc")), Status.ERROR);

        assertThat(refused.message()).isEqualTo("nodes[0].extraMounts[0].hostPath '/etc' is outside the repository: "
                + "kind would bind-mount it from the build agent into the node, where any pod with a hostPath volume "
                + "reads and writes it");
        assertThat(refused.location().toString()).isEqualTo("app/cluster/kind.yaml:7:19");
    }

    @Test
    void shouldRefuseAParentPathThatLeavesTheRepositoryInValidate() throws Exception {
        // ../.. from the application directory (repository/app) is the repository's parent folder
        Item refused = only(validate(mounting("../../outside")), Status.ERROR);

        assertThat(refused.message()).startsWith("nodes[0].extraMounts[0].hostPath '../../outside' is outside the "
                + "repository");
    }

    @Test
    void shouldAcceptAParentPathThatStaysInsideTheRepository() throws Exception {
        Files.createDirectories(repository.resolve("testdata"));

        Report report = validate(mounting("../testdata"));

        assertThat(report.verdict()).as(report.items().toString()).isEqualTo(Verdict.PASSED);
        Item passed = only(report, Status.PASS);
        assertThat(passed.message()).isEqualTo("the kind configuration mounts host paths from inside the repository "
                + "only, and publishes no port beyond loopback");
        assertThat(passed.location().toString()).isEqualTo("app/cluster/kind.yaml");
    }

    @Test
    void shouldRefuseAWildcardListenAddressInValidate() throws Exception {
        Item refused = only(validate(HEADER + """
                nodes:
                  - role: control-plane
                    extraPortMappings:
                      - containerPort: 80
                        listenAddress: 0.0.0.0
                """), Status.ERROR);

        assertThat(refused.message()).isEqualTo("nodes[0].extraPortMappings[0].listenAddress '0.0.0.0' publishes the "
                + "node's port beyond the build agent, on every interface, to the whole network");
        assertThat(refused.location().toString()).isEqualTo("app/cluster/kind.yaml:7:24");
    }

    @Test
    void shouldRefuseBidirectionalPropagationAndAColonInAContainerPathInValidate() throws Exception {
        Report report = validate(HEADER + """
                nodes:
                  - role: control-plane
                    extraMounts:
                      - hostPath: .
                        containerPath: /data:rshared
                        propagation: Bidirectional
                """);

        assertThat(report.items()).filteredOn(item -> item.id().equals(ProvisionRuleIds.KIND_HOST))
                .extracting(item -> item.location().toString())
                .containsExactlyInAnyOrder("app/cluster/kind.yaml:7:24", "app/cluster/kind.yaml:8:22");
        assertThat(report.exitStatus()).isEqualTo(2);
    }

    @Test
    void shouldWarnAboutAFixedHostPortAndStillPassValidate() throws Exception {
        Report report = validate(HEADER + """
                nodes:
                  - role: control-plane
                    extraPortMappings:
                      - containerPort: 80
                        hostPort: 8080
                """);

        assertThat(report.verdict()).as(report.items().toString()).isEqualTo(Verdict.PASSED);
        assertThat(report.exitStatus()).isZero();
        assertThat(only(report, Status.WARN).location().toString()).isEqualTo("app/cluster/kind.yaml:7:19");
    }

    @Test
    void shouldAcceptAFolderOutsideTheRepositoryOnlyWhenTheOperatorAllowsIt() throws Exception {
        Path cache = Files.createTempDirectory("ascent-operator-cache");
        try {
            writeApplication(mounting(cache.toString()));

            Report refused = new Ascent().validate(ValidateOptions.builder(app).noGit(true).build(),
                    ProgressListener.SILENT);
            Report allowed = new Ascent().validate(ValidateOptions.builder(app).noGit(true)
                    .kindMounts(List.of(cache)).build(), ProgressListener.SILENT);

            assertThat(refused.verdict()).isEqualTo(Verdict.INVALID_INPUT);
            assertThat(allowed.verdict()).as(allowed.items().toString()).isEqualTo(Verdict.PASSED);
            assertThat(only(allowed, Status.PASS).message()).contains("or the folders the operator allowed");
        } finally {
            Files.delete(cache);
        }
    }

    @Test
    void shouldRefuseANodeImageOutsideKindsOwnAtItsLineUnlessTheOperatorAcceptsItsRepository() throws Exception {
        writeApplication(mounting("./data"));
        Path checklist = app.resolve("ascent.yaml");
        editChecklist("    driver: kind\n",
                "    driver: kind\n    nodeImage: mirror.example.com/kindest/node:v1.31.0\n");
        int line = Files.readAllLines(checklist).indexOf("    nodeImage: mirror.example.com/kindest/node:v1.31.0") + 1;

        Report refused = validate();
        Report accepted = new Ascent().validate(ValidateOptions.builder(app).noGit(true)
                .kindNodeImages(List.of("mirror.example.com/kindest/node")).build(), ProgressListener.SILENT);

        assertThat(refused.exitStatus()).as(refused.items().toString()).isEqualTo(2);
        Item refusal = only(refused, Status.ERROR);
        assertThat(refusal.location().toString()).isEqualTo("app/ascent.yaml:" + line + ":16");
        assertThat(refusal.message()).contains("mirror.example.com/kindest/node:v1.31.0");
        assertThat(accepted.items()).as(accepted.items().toString())
                .noneMatch(item -> item.id().equals(ProvisionRuleIds.KIND_HOST) && item.status() == Status.ERROR);
    }

    @Test
    void shouldNotLetTheChecklistWaiveARefusal() throws Exception {
        writeApplication(mounting("/etc"));
        Path checklist = app.resolve("ascent.yaml");
        Files.writeString(checklist, Files.readString(checklist) + """
                waivers:
                  - id: provision.kind-host
                    reason: we trust this mount
                    owner: team-web
                    expires: 2999-01-01
                """);

        Report report = new Ascent().validate(ValidateOptions.builder(app).noGit(true).build(),
                ProgressListener.SILENT);

        assertThat(report.exitStatus()).as(report.items().toString()).isEqualTo(2);
        assertThat(only(report, Status.ERROR).message()).contains("'/etc' is outside the repository");
    }

    @Test
    void shouldReadNoKindConfigurationWhenTheChecklistNamesNone() throws Exception {
        WebApplication.write(app(), "existing", "1.31", "");
        // A file of the name a kind configuration would have, which the host policy refuses: never read.
        Files.createDirectories(app.resolve("cluster"));
        Files.writeString(app.resolve("cluster/kind.yaml"), mounting("/etc"));

        Report report = new Ascent().validate(ValidateOptions.builder(app).noGit(true).build(),
                ProgressListener.SILENT);

        assertThat(report.verdict()).as(report.items().toString()).isEqualTo(Verdict.PASSED);
        assertThat(report.items()).noneMatch(item -> item.id().equals(ProvisionRuleIds.KIND_HOST));
    }

    @Test
    void shouldJudgeANamedConfigurationEvenWhenTheChecklistUsesTheExistingDriver() throws Exception {
        // provision --driver kind would use it
        writeApplication(mounting("/etc"));
        editChecklist("driver: kind", "driver: existing");

        assertThat(only(validate(), Status.ERROR).message()).contains("'/etc' is outside the repository");
    }

    @Test
    void shouldLeaveAKindConfigurationThatIsNotYamlToTheManifestChecksWhichReportItOnce() throws Exception {
        Report report = validate(HEADER + "nodes:\n  - role: [control-plane\n");

        assertThat(report.exitStatus()).isEqualTo(2);
        assertThat(report.items()).filteredOn(item -> item.status() == Status.ERROR)
                .singleElement().satisfies(item -> {
                    assertThat(item.id()).isEqualTo("manifest.parse");
                    assertThat(item.location().toString()).isEqualTo("app/cluster/kind.yaml:5:1");
                });
        assertThat(report.items()).noneMatch(item -> item.id().equals(ProvisionRuleIds.KIND_HOST));
    }

    @Test
    void shouldLeaveItToTheManifestChecksWhenOnlyAJobTestGivesThemSomethingToRead() throws Exception {
        writeApplication(HEADER + "nodes:\n  - role: [control-plane\n");
        editChecklist("  manifests: [deploy/]\n", "");
        editChecklist("    []\n", "    - name: smoke\n      job: {manifest: smoke/job.yaml}\n");
        Files.createDirectories(app.resolve("smoke"));
        Files.writeString(app.resolve("smoke/job.yaml"), "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: smoke\n");

        Report report = validate();

        assertThat(report.items()).filteredOn(item -> item.status() == Status.ERROR)
                .singleElement().satisfies(item -> {
                    assertThat(item.id()).isEqualTo("manifest.parse");
                    assertThat(item.location().toString()).isEqualTo("app/cluster/kind.yaml:5:1");
                });
    }

    @Test
    void shouldReportAKindConfigurationThatIsNotYamlItselfWhenTheManifestChecksExcludeIt() throws Exception {
        writeApplication(HEADER + "nodes:\n  - role: [control-plane\n");
        editChecklist("  manifests: [deploy/]\n",
                "  manifests: [deploy/, cluster/]\n  exclude: [cluster/]\n");

        Report report = validate();

        assertThat(report.exitStatus()).isEqualTo(2);
        Item refused = only(report, Status.ERROR);
        assertThat(refused.id()).isEqualTo(ProvisionRuleIds.KIND_HOST);
        assertThat(refused.location().toString()).isEqualTo("app/cluster/kind.yaml:5:1");
        assertThat(refused.message()).startsWith("invalid YAML");
    }

    @Test
    void shouldReportAKindConfigurationDeeperThanAllowedOnceWhicheverLimitItPasses() throws Exception {
        // 60 levels: the manifest checks read it (their limit is 100), the kind configuration's limit (40) refuses it
        Report deep = validate(HEADER + "nodes:\n  - role: control-plane\n    labels:\n      deep: "
                + "[".repeat(60) + "]".repeat(60) + "\n");
        // 120 levels: the manifest checks refuse it already, so it is said by them alone
        Report deeper = validate(HEADER + "nodes:\n  - role: control-plane\n    labels:\n      deep: "
                + "[".repeat(120) + "]".repeat(120) + "\n");

        assertThat(deep.items()).filteredOn(item -> item.message().contains("nests deeper"))
                .singleElement().satisfies(item -> assertThat(item.id()).isEqualTo(ProvisionRuleIds.KIND_HOST));
        assertThat(deeper.items()).filteredOn(item -> item.message().contains("nests deeper"))
                .singleElement().satisfies(item -> assertThat(item.id()).isEqualTo("manifest.parse"));
        assertThat(deep.exitStatus()).isEqualTo(2);
        assertThat(deeper.exitStatus()).isEqualTo(2);
    }

    @Test
    void shouldRefuseAKindConfigurationThatIsAFolderAtTheChecklistsLine() throws Exception {
        writeApplication(mounting("/etc"));
        editChecklist("config: cluster/kind.yaml", "config: cluster");

        Item refused = only(validate(), Status.ERROR);

        assertThat(refused.message()).isEqualTo("provision.cluster.config 'cluster' is a folder, not a file");
        assertThat(refused.location().toString()).isEqualTo("app/ascent.yaml:13:13");
    }

    @Test
    void shouldRefuseAKindConfigurationWithoutAControlPlaneAtItsLine() throws Exception {
        Item refused = only(validate(HEADER + "nodes:\n  - role: worker\n"), Status.ERROR);

        assertThat(refused.message()).isEqualTo("the kind configuration has no control-plane node; kind needs at "
                + "least one");
        assertThat(refused.location().toString()).isEqualTo("app/cluster/kind.yaml:4:3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"docker-socket", "etc", "parent", "wildcard", "host-port", "bidirectional",
            "no-control-plane", "clean"})
    void shouldReportTheSameItemsInValidateAndInProvisionsStaticValidation(String hostile) throws Exception {
        writeApplication(switch (hostile) {
            case "docker-socket" -> mounting("/var/run/docker.sock");
            case "etc" -> mounting("/etc");
            case "parent" -> mounting("../../outside");
            case "wildcard" -> HEADER + "nodes:\n  - role: control-plane\n    extraPortMappings:\n"
                    + "      - {containerPort: 80, listenAddress: 0.0.0.0}\n";
            case "host-port" -> HEADER + "nodes:\n  - role: control-plane\n    extraPortMappings:\n"
                    + "      - {containerPort: 80, hostPort: 8080}\n";
            case "bidirectional" -> HEADER + "nodes:\n  - role: control-plane\n    extraMounts:\n"
                    + "      - {hostPath: ., containerPath: /data, propagation: Bidirectional}\n";
            case "no-control-plane" -> HEADER + "nodes:\n  - role: worker\n";
            default -> HEADER + "nodes:\n  - role: control-plane\n";
        });

        Report validated = validate();
        Report provisioned = new Ascent().provision(ProvisionOptions.builder(app).noGit(true).dryRun(true).build(),
                ProgressListener.SILENT);

        List<String> judged = kindHost(validated);
        assertThat(judged).isNotEmpty();
        assertThat(kindHost(provisioned)).isEqualTo(judged);
        assertThat(provisioned.exitStatus()).isEqualTo(validated.exitStatus());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/etc", "/var/run/docker.sock", "no-control-plane", "not-yaml"})
    void shouldRefuseInDoctorWhatValidateRefusesWithTheSameItemsBeforeAnyPreflight(String hostile) throws Exception {
        // doctor reads no manifests, so it reports a file that is not YAML itself; validate leaves that to them
        writeApplication(switch (hostile) {
            case "no-control-plane" -> HEADER + "nodes:\n  - role: worker\n";
            case "not-yaml" -> HEADER + "nodes:\n  - role: [control-plane\n";
            default -> mounting(hostile);
        });

        Report doctor = new Ascent().doctor(DoctorOptions.of(app), ProgressListener.SILENT);

        assertThat(doctor.exitStatus()).as(doctor.items().toString()).isEqualTo(2);
        assertThat(doctor.items()).noneMatch(item -> item.id().startsWith("preflight."));
        if (hostile.equals("not-yaml")) {
            assertThat(only(doctor, Status.ERROR).location().toString()).isEqualTo("app/cluster/kind.yaml:5:1");
        } else {
            assertThat(kindHost(doctor)).isEqualTo(kindHost(validate()));
        }
    }

    @Test
    void shouldStillRefuseInProvisionWhenTheValidationItWasGivenLacksTheStep() throws Exception {
        writeApplication(mounting("/etc"));
        List<ValidationStep> withoutKind = ValidationSteps.builtIn().stream()
                .filter(step -> !(step instanceof KindConfigStep)).toList();
        Ascent composed = new Ascent(Clock.systemUTC(), withoutKind);

        Report report = new Provisioner(Clock.systemUTC(), composed::validate,
                io.ascent.core.provision.preflight.Probes.of(System.getenv())).run(ProvisionOptions.builder(app)
                .noGit(true).dryRun(true).build(), ProgressListener.SILENT);

        assertThat(report.exitStatus()).as(report.items().toString()).isEqualTo(2);
        assertThat(only(report, Status.ERROR).message()).contains("'/etc' is outside the repository");
        assertThat(report.log()).noneMatch(entry -> entry.message().equals("dry run: nothing is created"));
    }

    /** The kind host items as text: rule, status, location, message, fix. */
    private static List<String> kindHost(Report report) {
        return report.items().stream().filter(item -> item.id().equals(ProvisionRuleIds.KIND_HOST))
                .map(item -> item.status() + " " + item.optionalLocation().map(Object::toString).orElse("-") + " "
                        + item.message() + " | " + item.optionalRemediation().orElse("-"))
                .toList();
    }

    private Report validate(String kindConfig) throws Exception {
        writeApplication(kindConfig);
        return validate();
    }

    private Report validate() throws InterruptedException {
        return new Ascent().validate(ValidateOptions.builder(app).noGit(true).build(), ProgressListener.SILENT);
    }

    private static String mounting(String hostPath) {
        return HEADER + """
                nodes:
                  - role: control-plane
                    extraMounts:
                      - containerPath: /mounted
                        hostPath: %s
                """.formatted(hostPath);
    }

    /** The application in {@code repository/app}, its checklist naming {@code cluster/kind.yaml}. */
    private void writeApplication(String kindConfig) throws Exception {
        WebApplication.write(app(), "kind", "1.31", "");
        Files.createDirectories(app.resolve("cluster"));
        Files.writeString(app.resolve("cluster/kind.yaml"), kindConfig);
        editChecklist("    driver: kind\n",
                "    driver: kind\n    config: cluster/kind.yaml\n");
    }

    /** Replaces {@code from} with {@code to} in the application's checklist. */
    private void editChecklist(String from, String to) throws Exception {
        Path checklist = app.resolve("ascent.yaml");
        Files.writeString(checklist, Files.readString(checklist).replace(from, to));
    }

    private Path app() throws Exception {
        Files.createDirectories(repository.resolve(".git")); // the repository's root, read with --no-git
        app = Files.createDirectories(repository.resolve("app"));
        return app;
    }

    private static Item only(Report report, Status status) {
        List<Item> items = report.items().stream().filter(item -> item.id().equals(ProvisionRuleIds.KIND_HOST)
                && item.status() == status).toList();
        assertThat(items).as(report.items().toString()).hasSize(1);
        return items.get(0);
    }

    /** The rule's id as reports spell it, written out: a renamed id is a change every report reader sees. */
    private static final class ProvisionRuleIds {
        static final String KIND_HOST = "provision.kind-host";
    }
}
