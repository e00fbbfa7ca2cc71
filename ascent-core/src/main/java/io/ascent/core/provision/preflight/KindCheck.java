package io.ascent.core.provision.preflight;

import io.ascent.core.provision.command.CommandFailedException;
import io.ascent.core.provision.command.CommandResult;
import io.ascent.core.provision.kind.KindNodeImages;
import io.ascent.core.provision.kind.KindRelease;
import io.ascent.core.provision.kind.NodeImage;
import io.ascent.core.report.ErrorKind;
import io.ascent.core.report.Item;
import io.ascent.core.report.Status;
import java.util.Optional;
import java.util.stream.Collectors;

/** kind is installed, answers {@code kind version}, and is a release whose node images Ascent's table lists. */
final class KindCheck implements PreflightCheck {

    static final String INSTALL = "install kind (https://kind.sigs.k8s.io/docs/user/quick-start/#installation, or "
            + "`go install sigs.k8s.io/kind@%s`) on the agent's PATH; on an agent without a container engine, use "
            + "--driver existing with a cluster's kubeconfig";

    @Override
    public String id() {
        return PreflightRule.KIND.id();
    }

    @Override
    public Item run(PreflightContext context) throws InterruptedException {
        CommandResult result = context.kindVersion();
        KindNodeImages table = context.images();
        String newest = table.newestRelease();
        if (!result.refusal().isEmpty()) {
            context.environmentCannotRun();
            return PreflightRule.KIND.item().error(ErrorKind.ENVIRONMENT, result.refusal()).build();
        }
        if (result.notFound()) {
            context.environmentCannotRun();
            String kind = context.probes().kind();
            return PreflightRule.KIND.item().error(ErrorKind.ENVIRONMENT, kind.equals("kind")
                            ? "kind is not installed (not found on PATH)" : "kind is not installed (" + kind
                            + " was not found; it came from --kind or " + Probes.KIND_EXECUTABLE + ")")
                    .remediation(String.format(INSTALL, newest)).build();
        }
        Optional<KindRelease> release = context.kind();
        if (release.isEmpty()) {
            context.environmentCannotRun();
            return PreflightRule.KIND.item().error(ErrorKind.ENVIRONMENT, "`kind version` did not say which release it is: "
                            + (result.succeeded() ? result.stdout().strip() : new CommandFailedException(result).getMessage()))
                    .remediation(String.format(INSTALL, newest)).build();
        }
        KindRelease kind = release.get();
        if (!kind.preRelease().isEmpty()) {
            return PreflightRule.KIND.warning().problem("kind " + kind + " is a development build: its node images "
                            + "are not in any release notes, so Ascent cannot check them")
                    .remediation("install a kind release, such as " + newest).build();
        }
        if (!table.knows(kind)) {
            boolean older = kind.compareTo(KindRelease.parse(table.oldestRelease()).orElseThrow()) < 0;
            return PreflightRule.KIND.warning().problem("kind " + kind + " is " + (older ? "older" : "newer")
                            + " than the releases Ascent knows (" + table.oldestRelease() + " to " + newest
                            + "), so Ascent cannot check which node images it supports")
                    .remediation(older ? "upgrade kind to " + newest : "pin provision.cluster.nodeImage to an image "
                            + "from kind " + kind + "'s release notes, or upgrade Ascent").build();
        }
        String images = table.imagesOf(kind.tag()).stream().map(NodeImage::version).map(Object::toString)
                .collect(Collectors.joining(", "));
        return PreflightRule.KIND.item().status(Status.PASS)
                .message("kind " + kind + " (node images for Kubernetes " + images + ")").build();
    }
}
