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
 * {@code kubernetes.net.cidr}: {@code cidr()}, {@code isCIDR()}, {@code containsIP()}, {@code containsCIDR()}
 * (each with a string or a parsed argument), {@code ip()}, {@code prefixLength()}, {@code masked()} and
 * {@code string()}.
 */
final class CidrLibrary implements KubernetesLibrary {
    static final CelType CIDR = OpaqueType.create("net.CIDR");
    private static final String PARSE_ERROR = "network address parse error during conversion from string: ";

    @Override
    public String name() {
        return "kubernetes.net.cidr";
    }

    @Override
    public int introducedMinor() {
        return 30;
    }

    @Override
    public List<CelFunctionDecl> declarations() {
        return List.of(
                newFunctionDeclaration("cidr", newGlobalOverload("string_to_cidr", CIDR, SimpleType.STRING)),
                newFunctionDeclaration("containsIP",
                        newMemberOverload("cidr_contains_ip_string", SimpleType.BOOL, CIDR, SimpleType.STRING),
                        newMemberOverload("cidr_contains_ip_ip", SimpleType.BOOL, CIDR, IpLibrary.IP)),
                newFunctionDeclaration("containsCIDR",
                        newMemberOverload("cidr_contains_cidr_string", SimpleType.BOOL, CIDR, SimpleType.STRING),
                        newMemberOverload("cidr_contains_cidr", SimpleType.BOOL, CIDR, CIDR)),
                newFunctionDeclaration("ip", newMemberOverload("cidr_ip", IpLibrary.IP, CIDR)),
                newFunctionDeclaration("prefixLength", newMemberOverload("cidr_prefix_length", SimpleType.INT, CIDR)),
                newFunctionDeclaration("masked", newMemberOverload("cidr_masked", CIDR, CIDR)),
                newFunctionDeclaration("isCIDR", newGlobalOverload("is_cidr", SimpleType.BOOL, SimpleType.STRING)),
                newFunctionDeclaration("string", newGlobalOverload("cidr_to_string", SimpleType.STRING, CIDR)));
    }

    @Override
    public List<CelFunctionBinding> bindings() {
        Class<IpPrefix> cidr = IpPrefix.class;
        return List.of(
                CelFunctionBinding.from("string_to_cidr", String.class, CidrLibrary::parse),
                CelFunctionBinding.from("cidr_contains_ip_string", cidr, String.class,
                        (prefix, ip) -> prefix.contains(argument(() -> IpLibrary.parseAddress(ip)))),
                CelFunctionBinding.from("cidr_contains_ip_ip", cidr, IpAddress.class, IpPrefix::contains),
                CelFunctionBinding.from("cidr_contains_cidr_string", cidr, String.class,
                        (prefix, other) -> containsCidr(prefix, argument(() -> parsePrefix(other)))),
                CelFunctionBinding.from("cidr_contains_cidr", cidr, cidr, CidrLibrary::containsCidr),
                CelFunctionBinding.from("cidr_ip", cidr, IpPrefix::address),
                CelFunctionBinding.from("cidr_prefix_length", cidr, prefix -> (long) prefix.bits()),
                CelFunctionBinding.from("cidr_masked", cidr, IpPrefix::masked),
                CelFunctionBinding.from("is_cidr", String.class, CidrLibrary::isCidr),
                CelFunctionBinding.from("cidr_to_string", cidr, IpPrefix::toString));
    }

    private interface Parser<T> {
        T parse() throws IpAddress.ParseException;
    }

    /**
     * A string argument of {@code containsIP}/{@code containsCIDR}: Kubernetes converts it and, when that fails,
     * answers "no such overload" rather than the parser's message.
     */
    private static <T> T argument(Parser<T> parser) throws CelEvaluationException {
        try {
            return parser.parse();
        } catch (IpAddress.ParseException e) {
            throw new CelEvaluationException("no such overload");
        }
    }

    private static boolean containsCidr(IpPrefix prefix, IpPrefix other) {
        return prefix.overlaps(other) && prefix.bits() <= other.bits();
    }

    /** Kubernetes' {@code parseCIDR}: netip's grammar, without IPv4-mapped IPv6 addresses. */
    private static IpPrefix parsePrefix(String text) throws IpAddress.ParseException {
        IpPrefix prefix;
        try {
            prefix = IpPrefix.parse(text);
        } catch (IpAddress.ParseException e) {
            throw new IpAddress.ParseException(PARSE_ERROR + e.getMessage());
        }
        if (prefix.address().is4In6()) {
            throw new IpAddress.ParseException("IPv4-mapped IPv6 address " + GoQuote.quote(text) + " is not allowed");
        }
        return prefix;
    }

    /** {@code cidr()}: Kubernetes prefixes the parser's message once more. */
    private static IpPrefix parse(String text) throws CelEvaluationException {
        try {
            return parsePrefix(text);
        } catch (IpAddress.ParseException e) {
            throw new CelEvaluationException(PARSE_ERROR + e.getMessage());
        }
    }

    private static boolean isCidr(String text) {
        try {
            parsePrefix(text);
            return true;
        } catch (IpAddress.ParseException e) {
            return false;
        }
    }
}
