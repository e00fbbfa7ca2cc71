package io.ascent.core.provision.preflight;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.Serializable;
import java.util.Optional;

/**
 * What a container engine says about its host: the facts kind's nodes depend on, read from
 * {@code docker info --format '{{json .}}'} (docker, nerdctl, finch) or {@code podman info --format json}.
 *
 * @param provider        {@code docker}, {@code podman}, {@code nerdctl}, …
 * @param serverVersion   the daemon's version; empty when no daemon answered
 * @param clientVersion   the client's version, when it says
 * @param operatingSystem the engine host's OS ({@code Ubuntu 24.04 LTS}, {@code Alpine Linux v3.20},
 *                        {@code Docker Desktop}); empty when unknown
 * @param kernelVersion   the engine host's kernel; empty when unknown
 * @param cgroupVersion   1 or 2; 0 when unknown
 * @param cgroupDriver    {@code systemd}, {@code cgroupfs}, {@code none}; empty when unknown
 * @param rootless        whether the engine runs rootless
 * @param rootDirectory   where the engine keeps images ({@code DockerRootDir}, podman's {@code graphRoot})
 * @param name            the engine host's name
 * @param limitsSupported whether containers can get memory, pids and CPU-share limits (what kind's rootless mode
 *                        needs, and what a rootless engine lacks without systemd's {@code Delegate=yes})
 */
public record EngineInfo(String provider, String serverVersion, String clientVersion, String operatingSystem,
        String kernelVersion, int cgroupVersion, String cgroupDriver, boolean rootless, String rootDirectory,
        String name, boolean limitsSupported) implements Serializable {

    /** Whether a daemon answered (a docker client with no daemon still prints JSON, with no server fields). */
    public boolean daemonAnswered() {
        return !serverVersion.isEmpty();
    }

    /** Docker Desktop runs the engine in a VM whose kernel and cgroups are not this machine's. */
    public boolean isDockerDesktop() {
        return operatingSystem.contains("Docker Desktop") || kernelVersion.contains("linuxkit");
    }

    /** Whether the engine's host runs Alpine, whose OpenRC init is the seed's kind#2236 case. */
    public boolean isAlpine() {
        return operatingSystem.toLowerCase(java.util.Locale.ROOT).contains("alpine");
    }

    /**
     * Reads {@code docker info --format '{{json .}}'} output (also nerdctl's and finch's).
     *
     * @throws IllegalArgumentException when the output is not that JSON
     */
    public static EngineInfo fromDockerInfo(String provider, String json) {
        JsonObject info = object(json);
        boolean rootless = false;
        JsonElement options = info.get("SecurityOptions");
        if (options != null && options.isJsonArray()) {
            for (JsonElement option : options.getAsJsonArray()) {
                rootless |= option.isJsonPrimitive() && option.getAsString().contains("name=rootless");
            }
        }
        String client = info.has("ClientInfo") && info.get("ClientInfo").isJsonObject()
                ? text(info.getAsJsonObject("ClientInfo"), "Version") : "";
        int cgroup = switch (text(info, "CgroupVersion")) {
            case "1" -> 1;
            case "2" -> 2;
            default -> 0;
        };
        // As kind reads it: with CgroupDriver "none" the limit flags mean nothing (moby/moby#42151).
        boolean limits = !"none".equals(text(info, "CgroupDriver")) && flag(info, "MemoryLimit")
                && flag(info, "PidsLimit") && flag(info, "CPUShares");
        return new EngineInfo(provider, text(info, "ServerVersion"), client, text(info, "OperatingSystem"),
                text(info, "KernelVersion"), cgroup, text(info, "CgroupDriver"), rootless,
                text(info, "DockerRootDir"), text(info, "Name"), limits);
    }

    /**
     * Reads {@code podman info --format json} output.
     *
     * @throws IllegalArgumentException when the output is not that JSON
     */
    public static EngineInfo fromPodmanInfo(String json) {
        JsonObject info = object(json);
        JsonObject host = child(info, "host");
        JsonObject distribution = child(host, "distribution");
        JsonObject security = child(host, "security");
        JsonObject version = child(info, "version");
        JsonObject store = child(info, "store");
        String os = (text(distribution, "distribution") + " " + text(distribution, "version")).strip();
        int cgroup = switch (text(host, "cgroupVersion")) {
            case "v1", "1" -> 1;
            case "v2", "2" -> 2;
            default -> 0;
        };
        boolean rootless = security.has("rootless") && security.get("rootless").isJsonPrimitive()
                && security.get("rootless").getAsBoolean();
        // Podman 4+ lists the controllers it may use; kind assumes all of them when the list is missing.
        boolean limits = true;
        JsonElement controllers = host.get("cgroupControllers");
        if (controllers != null && controllers.isJsonArray()) {
            java.util.Set<String> names = new java.util.HashSet<>();
            controllers.getAsJsonArray().forEach(c -> names.add(c.isJsonPrimitive() ? c.getAsString() : ""));
            limits = names.containsAll(java.util.List.of("memory", "pids", "cpu"));
        }
        return new EngineInfo("podman", text(version, "Version"), text(version, "Version"), os,
                text(host, "kernel"), cgroup, text(host, "cgroupManager"), rootless, text(store, "graphRoot"),
                text(host, "hostname"), limits);
    }

    private static JsonObject object(String json) {
        try {
            JsonElement parsed = JsonParser.parseString(json == null ? "" : json.strip());
            if (!parsed.isJsonObject()) {
                throw new IllegalArgumentException("expected a JSON object");
            }
            return parsed.getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
    }

    private static boolean flag(JsonObject parent, String name) {
        JsonElement value = parent.get(name);
        return value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isBoolean() && value.getAsBoolean();
    }

    private static JsonObject child(JsonObject parent, String name) {
        JsonElement value = parent.get(name);
        return value != null && value.isJsonObject() ? value.getAsJsonObject() : new JsonObject();
    }

    private static String text(JsonObject parent, String name) {
        JsonElement value = parent.get(name);
        return value != null && value.isJsonPrimitive() ? value.getAsString().strip() : "";
    }

    /** The engine's description for a message: {@code docker 28.2.2 on Ubuntu 24.04 LTS (kernel 6.8.0), cgroup v2 (systemd)}. */
    public String describe() {
        return provider + " " + serverVersion + (operatingSystem.isEmpty() ? "" : " on " + operatingSystem)
                + (kernelVersion.isEmpty() ? "" : " (kernel " + kernelVersion + ")")
                + (cgroupVersion == 0 ? "" : ", cgroup v" + cgroupVersion)
                + (cgroupDriver.isEmpty() ? "" : " (" + cgroupDriver + " driver)")
                + (rootless ? ", rootless" : "");
    }

    public Optional<String> rootDirectoryIfKnown() {
        return rootDirectory.isEmpty() ? Optional.empty() : Optional.of(rootDirectory);
    }
}
