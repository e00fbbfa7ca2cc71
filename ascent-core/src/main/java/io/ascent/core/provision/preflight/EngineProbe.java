package io.ascent.core.provision.preflight;

import io.ascent.core.provision.command.CommandResult;
import java.util.List;
import java.util.Optional;

/**
 * Which container engine kind would use and what its {@code info} said.
 *
 * @param provider         the engine ({@code docker}, {@code podman}, …), or the unknown name asked for
 * @param explicit         whether {@code KIND_EXPERIMENTAL_PROVIDER} chose it
 * @param clientInstalled  whether its client is on {@code PATH}
 * @param knownProvider    whether kind knows the provider asked for
 * @param info             what the daemon said, when it answered
 * @param result           the {@code info} command's result, when a client ran
 * @param tried            the clients looked for
 */
public record EngineProbe(String provider, boolean explicit, boolean clientInstalled, boolean knownProvider,
        Optional<EngineInfo> info, Optional<CommandResult> result, List<String> tried) {

    static EngineProbe unknownProvider(String provider) {
        return new EngineProbe(provider, true, false, false, Optional.empty(), Optional.empty(), List.of());
    }

    static EngineProbe noClient(List<String> tried, boolean explicit, CommandResult last) {
        return new EngineProbe(tried.get(0), explicit, false, true, Optional.empty(), Optional.ofNullable(last),
                tried);
    }

    static EngineProbe of(String provider, boolean explicit, CommandResult result) {
        Optional<EngineInfo> info = Optional.empty();
        try {
            EngineInfo parsed = provider.equals("podman") ? EngineInfo.fromPodmanInfo(result.stdout())
                    : EngineInfo.fromDockerInfo(provider, result.stdout());
            if (result.succeeded() && parsed.daemonAnswered()) {
                info = Optional.of(parsed);
            }
        } catch (IllegalArgumentException e) {
            // no JSON: the daemon did not answer (the client printed only an error)
        }
        return new EngineProbe(provider, explicit, true, true, info, Optional.of(result), List.of(provider));
    }
}
