package io.ascent.core.provision.kind;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a kind configuration publishes on the build agent's network: {@code nodes[].extraPortMappings[]} and the API
 * server ({@code networking.apiServerAddress}, {@code apiServerPort}).
 *
 * <p>kind publishes a port mapping without {@code listenAddress} on {@code 0.0.0.0} (on {@code ::} for IPv6), every
 * interface of the agent, so a node port would answer the whole network. Ascent writes the loopback address there
 * itself ({@code 127.0.0.1}, {@code ::1} for an IPv6 cluster) and says so in the plan; ingress-style configurations,
 * which map 80 and 443 without an address, keep working, and Ascent's smoke tests go through the API server, not
 * through host ports. An address the repository wrote must be loopback: anything else is refused. The API server
 * already defaults to loopback in kind; an address the repository wrote must be loopback too. A fixed host port
 * ({@code hostPort}, {@code apiServerPort} above 0) is allowed with a warning: two builds on one agent collide on
 * it.
 */
final class HostPorts {

    private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
    /** A dotted quad as kind (Go's net.ParseIP) reads it: no shorthand such as 127.1, no leading zeros. */
    private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");
    /** Characters of an IPv6 literal: with only these, InetAddress parses and never asks DNS. */
    private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private HostPorts() {
    }

    static void judge(Map<String, Object> config, KindHostReview review) {
        Map<String, Object> networking = KindMaps.map(config.get("networking"));
        String loopback = "ipv6".equals(networking.get("ipFamily")) ? "::1" : "127.0.0.1";
        Object apiServerAddress = networking.get("apiServerAddress");
        if (apiServerAddress != null && !"".equals(apiServerAddress) && !isLoopback(apiServerAddress)) {
            review.refuse(List.of("networking", "apiServerAddress"), "'" + apiServerAddress + "' publishes the "
                    + "cluster's API server beyond the build agent (kind's default is " + loopback + ")",
                    "remove networking.apiServerAddress, or write " + loopback);
        }
        fixedPort(networking.get("apiServerPort"), List.of("networking", "apiServerPort"), "remove "
                + "networking.apiServerPort: kind then picks a free port", review);
        List<Object> nodes = KindMaps.list(config.get("nodes"));
        for (int i = 0; i < nodes.size(); i++) {
            List<Object> mappings = KindMaps.list(KindMaps.map(nodes.get(i)).get("extraPortMappings"));
            for (int j = 0; j < mappings.size(); j++) {
                if (mappings.get(j) instanceof Map<?, ?>) { // kind's schema refuses any other shape
                    List<String> at = List.of("nodes", String.valueOf(i), "extraPortMappings", String.valueOf(j));
                    judgeMapping(KindMaps.map(mappings.get(j)), at, loopback, review);
                }
            }
        }
    }

    private static void judgeMapping(Map<String, Object> mapping, List<String> at, String loopback,
            KindHostReview review) {
        Object address = mapping.get("listenAddress");
        if (address == null || "".equals(address)) {
            mapping.put("listenAddress", loopback);
            review.rewrote(at, "listenAddress " + loopback + " written by Ascent (kind would publish the port on "
                    + "every interface of the build agent)");
        } else if (!isLoopback(address)) {
            review.refuse(KindMaps.at(at, "listenAddress"), "'" + address + "' publishes the node's port beyond the "
                    + "build agent" + (isWildcard(address) ? ", on every interface, to the whole network" : ""),
                    "remove listenAddress (Ascent then writes " + loopback + ") or write " + loopback + "; smoke "
                            + "tests reach services through the API server, not through host ports");
        }
        fixedPort(mapping.get("hostPort"), KindMaps.at(at, "hostPort"), "remove hostPort: kind then picks a free "
                + "port", review);
    }

    private static void fixedPort(Object port, List<String> at, String fix, KindHostReview review) {
        if (port instanceof Number number && number.longValue() > 0) {
            review.warn(at, number + " is a fixed port on the build agent: two builds on one agent collide on it "
                    + "(the second cluster fails to start)", fix);
        }
    }

    /** Whether an address kind would bind to is a loopback address, read without any DNS look-up. */
    static boolean isLoopback(Object address) {
        if (!(address instanceof String text)) {
            return false;
        }
        if (IPV4.matcher(text).matches()) {
            return text.startsWith("127.");
        }
        if (!IPV6_CHARACTERS.matcher(text).matches()) {
            return false; // a name (localhost) or a zone (%eth0): kind refuses names, and a name could resolve anywhere
        }
        try {
            return InetAddress.getByName(text).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static boolean isWildcard(Object address) {
        return "0.0.0.0".equals(address) || "::".equals(address);
    }
}
