package io.ascent.core.provision.preflight;

import io.ascent.core.provision.command.CommandFailedException;
import io.ascent.core.provision.command.CommandResult;
import io.ascent.core.report.ErrorKind;
import io.ascent.core.report.Item;
import io.ascent.core.report.Status;

/**
 * A container engine client is installed and a daemon answers {@code info}. kind itself checks only the client
 * ({@code docker -v}), so without this a dead daemon surfaces minutes later as a failed {@code docker run}.
 */
final class ContainerEngineCheck implements PreflightCheck {

    @Override
    public String id() {
        return PreflightRule.CONTAINER_ENGINE.id();
    }

    @Override
    public Item run(PreflightContext context) throws InterruptedException {
        EngineProbe engine = context.engine();
        if (!engine.knownProvider()) {
            context.environmentCannotRun();
            return PreflightRule.CONTAINER_ENGINE.item()
                    .error(ErrorKind.ENVIRONMENT, "KIND_EXPERIMENTAL_PROVIDER=" + engine.provider()
                            + " is not a provider kind knows")
                    .remediation("set KIND_EXPERIMENTAL_PROVIDER to one of "
                            + String.join(", ", PreflightContext.PROVIDERS) + ", or unset it")
                    .build();
        }
        if (!engine.clientInstalled()) {
            context.environmentCannotRun();
            String refusal = engine.result().map(CommandResult::refusal).orElse("");
            if (!refusal.isEmpty()) {
                return PreflightRule.CONTAINER_ENGINE.item()
                        .error(ErrorKind.ENVIRONMENT, "the container engine client " + refusal).build();
            }
            return PreflightRule.CONTAINER_ENGINE.item()
                    .error(ErrorKind.ENVIRONMENT, engine.explicit()
                            ? "KIND_EXPERIMENTAL_PROVIDER=" + engine.provider() + " but '" + engine.provider()
                                    + "' is not installed (not found on PATH)"
                            : "no container engine client is installed: kind needs docker, podman or nerdctl on "
                                    + "PATH, and none was found")
                    .remediation("install Docker Engine (https://docs.docker.com/engine/install/) or Podman, and "
                            + "start it; on a Jenkins agent without a container engine, use --driver existing "
                            + "with a cluster's kubeconfig")
                    .build();
        }
        if (engine.info().isEmpty()) {
            context.environmentCannotRun();
            CommandResult result = engine.result().orElseThrow();
            String said = new CommandFailedException(result).outputTail();
            return PreflightRule.CONTAINER_ENGINE.item()
                    .error(ErrorKind.ENVIRONMENT, "the " + engine.provider() + " client is installed but no " + engine.provider()
                            + " daemon answers `" + result.commandLine() + "`"
                            + (result.timedOut() ? " (no answer in " + PreflightContext.PROBE_TIMEOUT.toSeconds()
                                    + " s)" : "")
                            + (said.isBlank() ? "." : ": " + said.strip() + (said.strip().matches(".*[.?!]$") ? "" : "."))
                            + " kind checks only that the client exists, so it would fail later, while creating "
                            + "the nodes")
                    .remediation(startDaemon(engine.provider(), context))
                    .build();
        }
        EngineInfo info = engine.info().get();
        return PreflightRule.CONTAINER_ENGINE.item().status(Status.PASS)
                .message(info.describe() + (engine.explicit() ? " (KIND_EXPERIMENTAL_PROVIDER)" : "")
                        + (context.engineIsLocal() ? "" : "; the engine runs on another host (" + where(context, info)
                                + "), whose kernel and cgroups are what count"))
                .build();
    }

    private static String where(PreflightContext context, EngineInfo info) {
        if (info.isDockerDesktop()) {
            return "Docker Desktop's VM";
        }
        return context.probes().env("DOCKER_HOST").or(() -> context.probes().env("CONTAINER_HOST"))
                .or(() -> context.probes().env("DOCKER_CONTEXT").map(c -> "docker context " + c))
                .orElse("remote");
    }

    private static String startDaemon(String provider, PreflightContext context) {
        String remote = context.probes().env("DOCKER_HOST").or(() -> context.probes().env("CONTAINER_HOST"))
                .map(host -> "check that the engine at " + host + " is up and reachable, or unset the variable to "
                        + "use a local one; ")
                .orElse("");
        String start = switch (provider) {
            case "podman" -> "start Podman's service: `systemctl --user start podman.socket` (or "
                    + "`podman machine start` on macOS and Windows)";
            case "docker" -> "start the Docker daemon: `sudo systemctl start docker` on systemd hosts, "
                    + "`sudo rc-service docker start` on OpenRC (Alpine), or start Docker Desktop";
            default -> "start the " + provider + " daemon (containerd for nerdctl)";
        };
        return remote + start + "; then `" + provider + " info` must answer. On a Jenkins agent without a container "
                + "engine, use --driver existing with a cluster's kubeconfig";
    }
}
