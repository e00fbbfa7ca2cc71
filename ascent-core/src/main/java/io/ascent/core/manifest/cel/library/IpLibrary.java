package io.ascent.core.manifest.cel.library;

import static dev.cel.common.CelFunctionDecl.newFunctionDeclaration;
import static dev.cel.common.CelOverloadDecl.newGlobalOverload;
import static dev.cel.common.CelOverloadDecl.newMemberOverload;

import dev.cel.common.CelFunctionDecl;
import dev.cel.common.types.CelType;
import dev.cel.common.types.OpaqueType;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelFunctionBinding;
import java.util.List;

/**
 * {@code kubernetes.net.ip}: {@code ip()}, {@code isIP()}, {@code ip.isCanonical()}, {@code family()},
 * {@code isUnspecified()}, {@code isLoopback()}, {@code isLinkLocalMulticast()}, {@code isLinkLocalUnicast()},
 * {@code isGlobalUnicast()} and {@code string()}. As in Kubernetes, an address with a zone or an IPv4-mapped IPv6
 * address is refused.
 */
final class IpLibrary implements KubernetesLibrary {
    static final CelType IP = OpaqueType.create("net.IP");

    @Override
    public String name() {
        return "kubernetes.net.ip";
    }

    @Override
    public int introducedMinor() {
        return 30;
    }

    @Override
    public List<CelFunctionDecl> declarations() {
        return List.of(
                newFunctionDeclaration("ip", newGlobalOverload("string_to_ip", IP, SimpleType.STRING)),
                newFunctionDeclaration("family", newMemberOverload("ip_family", SimpleType.INT, IP)),
                newFunctionDeclaration("ip.isCanonical",
                        newGlobalOverload("ip_is_canonical", SimpleType.BOOL, SimpleType.STRING)),
                newFunctionDeclaration("isUnspecified",
                        newMemberOverload("ip_is_unspecified", SimpleType.BOOL, IP)),
                newFunctionDeclaration("isLoopback", newMemberOverload("ip_is_loopback", SimpleType.BOOL, IP)),
                newFunctionDeclaration("isLinkLocalMulticast",
                        newMemberOverload("ip_is_link_local_multicast", SimpleType.BOOL, IP)),
                newFunctionDeclaration("isLinkLocalUnicast",
                        newMemberOverload("ip_is_link_local_unicast", SimpleType.BOOL, IP)),
                newFunctionDeclaration("isGlobalUnicast",
                        newMemberOverload("ip_is_global_unicast", SimpleType.BOOL, IP)),
                newFunctionDeclaration("isIP", newGlobalOverload("is_ip", SimpleType.BOOL, SimpleType.STRING)),
                newFunctionDeclaration("string", newGlobalOverload("ip_to_string", SimpleType.STRING, IP)));
    }

    @Override
    public List<CelFunctionBinding> bindings() {
        Class<IpAddress> ip = IpAddress.class;
        return List.of(
                CelFunctionBinding.from("string_to_ip", String.class, IpLibrary::parse),
                CelFunctionBinding.from("ip_family", ip, address -> address.is4() ? 4L : 6L),
                CelFunctionBinding.from("ip_is_canonical", String.class,
                        text -> parse(text).toString().equals(text)),
                CelFunctionBinding.from("ip_is_unspecified", ip, IpAddress::isUnspecified),
                CelFunctionBinding.from("ip_is_loopback", ip, IpAddress::isLoopback),
                CelFunctionBinding.from("ip_is_link_local_multicast", ip, IpAddress::isLinkLocalMulticast),
                CelFunctionBinding.from("ip_is_link_local_unicast", ip, IpAddress::isLinkLocalUnicast),
                CelFunctionBinding.from("ip_is_global_unicast", ip, IpAddress::isGlobalUnicast),
                CelFunctionBinding.from("is_ip", String.class, IpLibrary::isIp),
                CelFunctionBinding.from("ip_to_string", ip, IpAddress::toString));
    }

    /** Kubernetes' {@code parseIPAddr}: netip's grammar, without zones or IPv4-mapped IPv6 addresses. */
    static IpAddress parseAddress(String text) throws IpAddress.ParseException {
        IpAddress address;
        try {
            address = IpAddress.parse(text);
        } catch (IpAddress.ParseException e) {
            throw new IpAddress.ParseException("IP Address " + GoQuote.quote(text)
                    + " parse error during conversion from string: " + e.getMessage());
        }
        if (!address.zone().isEmpty()) {
            throw new IpAddress.ParseException("IP address " + GoQuote.quote(text) + " with zone value is not allowed");
        }
        if (address.is4In6()) {
            throw new IpAddress.ParseException("IPv4-mapped IPv6 address " + GoQuote.quote(text) + " is not allowed");
        }
        return address;
    }

    private static IpAddress parse(String text) throws CelEvaluationException {
        try {
            return parseAddress(text);
        } catch (IpAddress.ParseException e) {
            throw new CelEvaluationException(e.getMessage());
        }
    }

    private static boolean isIp(String text) {
        try {
            parseAddress(text);
            return true;
        } catch (IpAddress.ParseException e) {
            return false;
        }
    }
}
