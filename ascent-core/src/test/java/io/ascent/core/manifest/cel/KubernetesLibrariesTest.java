package io.ascent.core.manifest.cel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cel.runtime.CelEvaluationException;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Kubernetes CEL libraries in the environment rules are compiled in, checked on the cases of the Go tests of
 * k8s.io/apiserver {@code pkg/cel/library} ({@code quantity_test.go}, {@code ip_test.go}, {@code cidr_test.go},
 * {@code semver_test.go}, {@code format_test.go}) and on the examples of {@code urls.go}, each re-expressed as a
 * rule that must hold, a rule that must not, or an expression that must fail with the API server's error.
 */
class KubernetesLibrariesTest {
    private static final RuleCompiler COMPILER = new RuleCompiler();

    private static Object evaluate(String expression) throws CelEvaluationException {
        RuleCompiler.Compiled compiled = COMPILER.rule(new ValidationRule(expression, null, null, null, null, false,
                "test", null, null));
        assertThat(compiled).as(() -> expression + ": " + compiled).isInstanceOf(RuleCompiler.Program.class);
        return ((RuleCompiler.Program) compiled).program().eval(Map.of("self", Map.of()));
    }

    static Stream<String> holds() {
        return Stream.of(
                // quantity_test.go
                "quantity('12Mi') == quantity('12582912')",
                "isQuantity('20')", "isQuantity('20M')", "isQuantity('20Mi')",
                "!isQuantity('20Mo')", "!isQuantity('10Mm')",
                "quantity('200M') == quantity('200M')",
                "quantity('200M') == quantity('0.2G') && quantity('0.2G') == quantity('200M')",
                "quantity('2M') == quantity('0.002G') && quantity('2000k') == quantity('2M')"
                        + " && quantity('0.002G') == quantity('2000k')",
                "!(quantity('200M') == quantity('0.3G'))",
                "quantity('50M').isLessThan(quantity('50Mi'))",
                "quantity('50M').isLessThan(quantity('100M'))",
                "!quantity('100M').isLessThan(quantity('50M'))",
                "quantity('50Mi').isGreaterThan(quantity('50M'))",
                "quantity('150Mi').isGreaterThan(quantity('100Mi'))",
                "!quantity('50M').isGreaterThan(quantity('100M'))",
                "quantity('200M').compareTo(quantity('0.2G')) == 0",
                "quantity('50M').compareTo(quantity('50Mi')) == -1",
                "quantity('50Mi').compareTo(quantity('50M')) == 1",
                "quantity('50k').add(quantity('20')) == quantity('50.02k')",
                "!quantity('50k').add(20).isLessThan(quantity('50020'))",
                "quantity('50k').sub(quantity('20')) == quantity('49.98k')",
                "quantity('50k').sub(20) == quantity('49980')",
                "quantity('50k').add(20).sub(quantity('100k')).asInteger() == -49980",
                "quantity('50k').add(20).sub(quantity('100k')).sub(-50000).asInteger() == 20",
                "quantity('50k').asInteger() == 50000",
                "!quantity('9999999999999999999999999999999999999G').isInteger()",
                "quantity('50').isInteger()",
                "quantity('50.703k').asApproximateFloat() == 50703.0",
                "[quantity('9999999999999999999999999999999999999')].all(x,"
                        + " x.add(quantity('1')).compareTo(x.add(quantity('2'))) == -1)",
                // the examples of quantity.go and Go's two internal forms
                "isQuantity('1.3G') && isQuantity('1.3Gi') && !isQuantity('1,3G') && isQuantity('10000k')",
                "!isQuantity('200K') && !isQuantity('Three') && !isQuantity('')",
                // quantity.go's comment calls 'Mi' an error, but ParseQuantity reads it (and '.') as 0
                "quantity('Mi') == quantity('0') && isQuantity('.') && isQuantity('1.G')",
                // Ascent's one deliberate difference: exponents beyond 1000 are refused (Go takes 1e1001), so that
                // add() on a hostile 1e999999999 cannot exhaust memory
                "isQuantity('1e1000') && !isQuantity('1e1001')",
                "quantity('50000000G').isInteger() && quantity('50k').isInteger()",
                "quantity('50k').sub(20000).asApproximateFloat() == 30000.0",
                "quantity('1E3') == quantity('1k') && quantity('1e3') == quantity('1k')",
                "sign(quantity('-5')) == -1 && sign(quantity('0')) == 0 && sign(quantity('1n')) == 1",
                "quantity('0.0000000001') == quantity('1n')",
                "!quantity('1.0').isInteger() && !quantity('1000m').isInteger() && !quantity('1.5Gi').isInteger()",
                "quantity('1.5Gi').asApproximateFloat() == 1610612736.0",
                // the int64 form's scale, the sums that mix scales or overflow it, BinarySI's cap at MaxInt64
                "quantity('5k').asApproximateFloat() == 5000.0 && quantity('5m').asApproximateFloat() == 0.005",
                "quantity('5k').add(quantity('1m')) == quantity('5000001m')"
                        + " && quantity('1m').add(quantity('5k')) == quantity('5000001m')",
                "quantity('5k').sub(quantity('1m')) == quantity('4999999m')",
                "quantity('5k').add(0) == quantity('5k') && quantity('0').add(quantity('5k')) == quantity('5k')",
                "quantity('10E').add(quantity('1')) == quantity('10000000000000000001')"
                        + " && quantity('1').add(quantity('10E')) == quantity('10000000000000000001')",
                "quantity('9999999999999999999999').sub(quantity('1')) == quantity('9999999999999999999998')",
                "quantity('9Ei') == quantity('9223372036854775807')"
                        + " && quantity('8Ei') == quantity('9223372036854775807')",
                "quantity('-9Ei') == quantity('-9223372036854775807')",
                "quantity('99999999999999999999').isGreaterThan(quantity('9223372036854775807'))",
                "isQuantity('" + "1".repeat(1000) + "')",
                // ip_test.go
                "ip('192.168.0.1') == ip('192.168.0.1')",
                "isIP('192.168.0.1')", "!isIP('192.168.0.1.0')",
                "ip.isCanonical('127.0.0.1')",
                "ip('192.168.0.1').family() == 4",
                "ip('0.0.0.0').isUnspecified()", "!ip('127.0.0.1').isUnspecified()",
                "ip('127.0.0.1').isLoopback()", "!ip('1.2.3.4').isLoopback()",
                "ip('224.0.0.1').isLinkLocalMulticast()", "!ip('224.0.1.1').isLinkLocalMulticast()",
                "ip('169.254.169.254').isLinkLocalUnicast()", "!ip('192.168.0.1').isLinkLocalUnicast()",
                "ip('192.168.0.1').isGlobalUnicast()", "!ip('255.255.255.255').isGlobalUnicast()",
                "ip('2001:db8::68') == ip('2001:DB8:0::68')",
                "isIP('2001:db8::68')", "!isIP('2001:db8:::68')",
                "ip.isCanonical('2001:db8::68')", "!ip.isCanonical('2001:DB8::68')",
                "ip('2001:db8::68').family() == 6",
                "ip('::').isUnspecified()", "!ip('::1').isUnspecified()",
                "ip('::1').isLoopback()", "!ip('2001:db8::abcd').isLoopback()",
                "ip('ff02::1').isLinkLocalMulticast()", "!ip('fd00::1').isLinkLocalMulticast()",
                "ip('fe80::1').isLinkLocalUnicast()", "!ip('fd80::1').isLinkLocalUnicast()",
                "ip('2001:db8::abcd').isGlobalUnicast()", "!ip('ff00::1').isGlobalUnicast()",
                // the prefix lengths of netip's classes: fe80::/10, ff02 with any flags, 127/8
                "!ip('fec0::1').isLinkLocalUnicast() && ip('febf::1').isLinkLocalUnicast()",
                "ip('ff12::1').isLinkLocalMulticast() && !ip('ff05::1').isLinkLocalMulticast()",
                "!ip('100::1').isLoopback() && ip('127.255.0.1').isLoopback()",
                "string(ip('192.168.0.1')) == '192.168.0.1'",
                // netip's grammar: no leading zeros, no zones or IPv4-mapped addresses, no names
                "!isIP('010.0.0.1') && !isIP('1.2.3') && !isIP('fe80::1%eth0') && !isIP('::ffff:1.2.3.4')",
                "!isIP('localhost') && !isIP('example.com') && !isIP('') && !isIP('::ffff:102:304')",
                "string(ip('2001:0db8:0000:0000:0001:0000:0000:0001')) == '2001:db8::1:0:0:1'",
                "string(ip('1:0:0:2:0:0:0:3')) == '1:0:0:2::3' && string(ip('::1.2.3.4')) == '::102:304'",
                // netip's classes at their edges: only ::1 is the IPv6 loopback, :: and 224/4 are not global unicast
                "!ip('::2').isLoopback() && !ip('::').isLoopback() && !ip('0.0.0.0').isLoopback()",
                "!ip('::').isGlobalUnicast() && !ip('0.0.0.0').isGlobalUnicast() && !ip('::1').isGlobalUnicast()",
                "!ip('239.1.2.3').isGlobalUnicast() && !ip('224.0.1.1').isGlobalUnicast()",
                "!ip('127.0.0.1').isGlobalUnicast() && !ip('fe80::1').isGlobalUnicast()",
                "ip('10.0.0.1').isGlobalUnicast() && ip('fd00::1').isGlobalUnicast()",
                // Is4In6 is ::ffff:0:0/96 only
                "isIP('1::ffff:102:304') && string(ip('1::ffff:102:304')) == '1::ffff:102:304'",
                // netip's String: the first longest run of two or more zero groups becomes ::, at the end too
                "string(ip('1::')) == '1::' && string(ip('1:2:3:4:5:6:7::')) == '1:2:3:4:5:6:7:0'",
                "string(ip('1:0:2:3:4:5:6:7')) == '1:0:2:3:4:5:6:7'",
                "string(ip('1:0:0:2:0:0:3:4')) == '1::2:0:0:3:4' && string(ip('1:0:0:2:0:0:0:0')) == '1:0:0:2::'",
                "string(ip('1:2:3:4:5:6:1.2.3.4')) == '1:2:3:4:5:6:102:304'",
                "!isIP('1.2.3.') && !isIP('.1.2.3')",
                // ParsePrefix: the bits are decimal without sign or leading zero; Masked clears within an octet
                "cidr('0.0.0.0/0').prefixLength() == 0 && cidr('10.0.0.0/10').prefixLength() == 10",
                "cidr('10.0.0.0/16').prefixLength() == 16 && cidr('::/96').prefixLength() == 96",
                "cidr('10.255.0.0/10').masked() == cidr('10.192.0.0/10')",
                "cidr('10.0.0.0/8') != cidr('10.0.0.0/16') && cidr('10.0.0.0/8') != cidr('11.0.0.0/8')",
                "!cidr('0.0.0.0/0').containsCIDR('::/0') && !cidr('::/0').containsCIDR('0.0.0.0/0')",
                // cidr_test.go
                "cidr('192.168.0.0/24') == cidr('192.168.0.0/24')",
                "cidr('192.168.0.0/24').containsIP(ip('192.168.0.1'))",
                "!cidr('192.168.0.0/24').containsIP(ip('192.168.1.1'))",
                "cidr('192.168.0.0/24').containsIP('192.168.0.1')",
                "!cidr('192.168.0.0/24').containsIP('192.168.1.1')",
                "cidr('192.168.0.0/24').containsCIDR(cidr('192.168.0.0/25'))",
                "cidr('192.168.0.0/24').containsCIDR(cidr('192.168.0.1/32'))",
                "!cidr('192.168.0.0/24').containsCIDR(cidr('192.168.0.0/23'))",
                "!cidr('192.168.0.0/24').containsCIDR(cidr('192.169.0.1/32'))",
                "cidr('192.168.0.0/24').containsCIDR('192.168.0.0/25')",
                "!cidr('192.168.0.0/24').containsCIDR('192.168.0.0/23')",
                "cidr('192.168.0.0/24').ip() == ip('192.168.0.0')",
                "cidr('192.168.0.0/24').masked() == cidr('192.168.0.0/24')",
                "cidr('192.168.0.1/24').masked() == cidr('192.168.0.0/24')",
                "cidr('192.168.0.0/24').prefixLength() == 24",
                "cidr('2001:db8::/32') == cidr('2001:db8::/32')",
                "cidr('2001:db8::/32').containsIP(ip('2001:db8::1'))",
                "!cidr('2001:db8::/32').containsIP(ip('2001:dc8::1'))",
                "cidr('2001:db8::/32').containsIP('2001:db8::1')",
                "!cidr('2001:db8::/32').containsIP('2001:dc8::1')",
                "cidr('2001:db8::/32').containsCIDR(cidr('2001:db8::/33'))",
                "!cidr('2001:db8::/32').containsCIDR(cidr('2001:db8::/31'))",
                "cidr('2001:db8::/32').containsCIDR('2001:db8::/33')",
                "!cidr('2001:db8::/32').containsCIDR('2001:db8::/31')",
                "cidr('2001:db8::/32').ip() == ip('2001:db8::')",
                "cidr('2001:db8::/32').masked() == cidr('2001:db8::/32')",
                "cidr('2001:db8:1::/32').masked() == cidr('2001:db8::/32')",
                "cidr('2001:db8::/32').prefixLength() == 32",
                "string(cidr('192.168.0.0/24')) == '192.168.0.0/24'",
                "isCIDR('10.0.0.0/8') && !isCIDR('10.0.0.0') && !isCIDR('10.0.0.0/33') && !isCIDR('10.0.0.0/08')",
                "!cidr('10.0.0.0/8').containsIP('2001:db8::1') && !cidr('10.0.0.0/8').containsCIDR('::/0')",
                "string(cidr('10.1.2.3/8').masked()) == '10.0.0.0/8'",
                // semver_test.go
                "semver('1.2.3') == semver('1.2.3')",
                "isSemver('1.2.3-beta.1+build.1')",
                "!isSemver('') && !isSemver('v1.0.0') && !isSemver(' 1.0.0') && !isSemver('1. 0.0')",
                "!isSemver('1.0.0 ') && !isSemver('01.01.01') && !isSemver('1') && !isSemver('1.1')",
                "!isSemver('', true) && !isSemver(' 1.0.0', true) && !isSemver('1. 0.0', true)",
                "!isSemver('1.0.0 ', true)",
                "isSemver('v1.0.0', true) && isSemver('01.01.01', true) && isSemver('1', true)"
                        + " && isSemver('1.1', true)",
                "semver('v01.01', true) == semver('1.1.0')",
                "!(semver('1.2.3') == semver('1.0.0'))",
                "semver('1.0.0').isLessThan(semver('1.2.3'))", "!semver('1.0.0').isLessThan(semver('1.0.0'))",
                "semver('1.2.3').isGreaterThan(semver('1.0.0'))", "!semver('1.0.0').isGreaterThan(semver('1.0.0'))",
                "semver('1.2.3').compareTo(semver('1.2.3')) == 0",
                "semver('1.0.0').compareTo(semver('1.2.3')) == -1",
                "semver('1.2.3').compareTo(semver('1.0.0')) == 1",
                "semver('1.2.3').major() == 1 && semver('1.2.3').minor() == 2 && semver('1.2.3').patch() == 3",
                // semver.org precedence; build metadata is ignored
                "semver('1.0.0-alpha').isLessThan(semver('1.0.0-alpha.1'))"
                        + " && semver('1.0.0-alpha.1').isLessThan(semver('1.0.0-alpha.beta'))"
                        + " && semver('1.0.0-beta.2').isLessThan(semver('1.0.0-beta.11'))"
                        + " && semver('1.0.0-rc.1').isLessThan(semver('1.0.0'))",
                "semver('1.0.0+a') == semver('1.0.0+b') && !isSemver('1.0.0-01') && !isSemver('1.0.0+')",
                // ParseUint's whole range, a lone 0 pre-release, text pre-releases, normalizing a full version
                "isSemver('18446744073709551615.0.0') && !isSemver('18446744073709551616.0.0')",
                "isSemver('1.0.0-0') && semver('1.0.0-0').isLessThan(semver('1.0.0-1'))",
                "semver('1.0.0-alpha').isLessThan(semver('1.0.0-beta'))"
                        + " && semver('1.0.0-beta').isGreaterThan(semver('1.0.0-alpha'))",
                "semver('1.2.3-a', true) == semver('1.2.3-a') && semver('1.2.3+b', true) == semver('1.2.3')",
                "semver('v1.02.3-a', true) == semver('1.2.3-a')",
                // format_test.go
                "!format.dns1123Label().validate('my-label-name').hasValue()",
                "!format.dns1123Subdomain().validate('apiextensions.k8s.io').hasValue()",
                "!format.qualifiedName().validate('apiextensions.k8s.io/v1beta1').hasValue()",
                "!format.dns1123LabelPrefix().validate('my-label-prefix-').hasValue()",
                "!format.dns1123SubdomainPrefix().validate('mysubdomain.prefix.-').hasValue()",
                "!format.dns1035LabelPrefix().validate('my-label-prefix-').hasValue()",
                "!format.uri().validate('http://example.com').hasValue()",
                "!format.uuid().validate('123e4567-e89b-12d3-a456-426614174000').hasValue()",
                "!format.byte().validate('aGVsbG8=').hasValue()",
                "!format.date().validate('2021-01-01').hasValue()",
                "!format.datetime().validate('2021-01-01T00:00:00Z').hasValue()",
                "format.dns1123Label().validate('contains a space').value() == ['a lowercase RFC 1123 label must"
                        + " consist of lower case alphanumeric characters or \\'-\\', and must start and end with an"
                        + " alphanumeric character (e.g. \\'my-name\\',  or \\'123-abc\\', regex used for validation"
                        + " is \\'[a-z0-9]([-a-z0-9]*[a-z0-9])?\\')']",
                "format.dns1123Subdomain().validate('contains a space').value() == ['a lowercase RFC 1123"
                        + " subdomain must consist of lower case alphanumeric characters, \\'-\\' or \\'.\\', and"
                        + " must start and end with an alphanumeric character (e.g. \\'example.com\\', regex used for"
                        + " validation is \\'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\\')']",
                "format.dns1035Label().validate('contains a space').value() == ['a DNS-1035 label must consist of"
                        + " lower case alphanumeric characters or \\'-\\', start with an alphabetic character, and end"
                        + " with an alphanumeric character (e.g. \\'my-name\\',  or \\'abc-123\\', regex used for"
                        + " validation is \\'[a-z]([-a-z0-9]*[a-z0-9])?\\')']",
                "format.qualifiedName().validate('contains a space').value() == ['name part must consist of"
                        + " alphanumeric characters, \\'-\\', \\'_\\' or \\'.\\', and must start and end with an"
                        + " alphanumeric character (e.g. \\'MyName\\',  or \\'my.name\\',  or \\'123-abc\\', regex"
                        + " used for validation is \\'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]\\')']",
                "format.dns1123LabelPrefix().validate('contains a space-').value().size() == 1",
                "format.dns1123SubdomainPrefix().validate('contains a space-').value().size() == 1",
                "format.dns1035LabelPrefix().validate('contains a space-').value().size() == 1",
                "!format.dns1123Label().validate('my-label-name').hasValue()",
                "!format.dns1123Subdomain().validate('example.com').hasValue()",
                "!format.dns1035Label().validate('my-label-name').hasValue()",
                "!format.qualifiedName().validate('my.name').hasValue()",
                "format.byte().validate('aGVsbG8').value() == ['invalid base64']",
                "!format.date().validate('2020-01-01').hasValue()",
                "format.date().validate('2020-01-32').value() == ['invalid date']",
                "format.named('dns1123Label').hasValue() && !format.named('unknown').hasValue()",
                "format.named('labelValue').value().validate('-x').hasValue()",
                "format.dns1123Label().validate('a.b').value() == ['must not contain dots']",
                "format.datetime().validate('2021-01-01T24:00:00Z').value() == ['invalid datetime']",
                "!format.datetime().validate('2021-01-01t10:00:00.5+01:00').hasValue()",
                "format.datetime().validate('2021-01-01T10:00:00').value() == ['invalid datetime']",
                "!format.uuid().validate('123E4567E89B12D3A456426614174000').hasValue()",
                "format.date().validate('2021-02-29').value() == ['invalid date']",
                "format.byte().validate('aGVs\\nbG8=').value() == ['invalid base64']",
                "format.qualifiedName().validate('a/b/c').value() == ['a valid label key must consist of"
                        + " alphanumeric characters, \\'-\\', \\'_\\' or \\'.\\', and must start and end with an"
                        + " alphanumeric character (e.g. \\'MyName\\',  or \\'my.name\\',  or \\'123-abc\\', regex"
                        + " used for validation is \\'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]\\') with an optional DNS"
                        + " subdomain prefix and \\'/\\' (e.g. \\'example.com/MyName\\')']",
                "format.qualifiedName().validate('-x.com/').value().size() == 3",
                "format.uri().validate('../relative').value() == ['parse \"../relative\": invalid URI for request']",
                // the examples of urls.go
                "isURL('https://user:pass@example.com:80/path?query=val#fragment') && isURL('/absolute-path')",
                "!isURL('https://a:b:c/') && !isURL('../relative-path')",
                "url('/path').getScheme() == '' && url('https://example.com/').getScheme() == 'https'",
                "url('https://example.com:80/').getHost() == 'example.com:80'",
                "url('https://example.com/').getHost() == 'example.com'",
                "url('https://[::1]:80/').getHost() == '[::1]:80' && url('https://[::1]/').getHost() == '[::1]'",
                "url('/path').getHost() == ''",
                "url('https://example.com:80/').getHostname() == 'example.com'",
                "url('https://127.0.0.1:80/').getHostname() == '127.0.0.1'",
                "url('https://[::1]:80/').getHostname() == '::1' && url('/path').getHostname() == ''",
                "url('https://example.com:80/').getPort() == '80' && url('https://example.com/').getPort() == ''",
                "url('/path').getPort() == ''",
                "url('https://example.com/path').getEscapedPath() == '/path'",
                "url('https://example.com/path with spaces/').getEscapedPath() == '/path%20with%20spaces/'",
                "url('https://example.com').getEscapedPath() == ''",
                "url('https://example.com/path?k1=a&k2=b&k2=c').getQuery() == {'k1': ['a'], 'k2': ['b', 'c']}",
                "url('https://example.com/path?key with spaces=value with spaces').getQuery()"
                        + " == {'key with spaces': ['value with spaces']}",
                "url('https://example.com/path?').getQuery() == {}",
                "url('https://example.com/path').getQuery() == {}",
                "url('https://example.com/a%2Fb').getEscapedPath() == '/a%2Fb'",
                "url('https://example.com/x') == url('https://example.com/x')",
                "url('https://user@example.com:8080/p?a=1#frag') == url('https://user@example.com:8080/p?a=1#frag')",
                "url('HTTPS://Example.com/').getScheme() == 'https'",
                "url('https://example.com/p?a=1;b=2&c=3&d=%zz&e').getQuery() == {'c': ['3'], 'e': ['']}",
                "url('https://[fe80::1%25eth0]:80/').getHostname() == 'fe80::1%eth0'",
                "url('postgres://h1:5432,h2:5432/db').getHost() == 'h1:5432,h2:5432'",
                "!isURL('') && !isURL('http://exa mple.com/') && !isURL('http://example.com/%zz') && isURL('mailto:x')");
    }

    @ParameterizedTest
    @MethodSource("holds")
    void shouldEvaluateLikeTheApiServer(String expression) throws CelEvaluationException {
        assertThat(evaluate(expression)).as(expression).isEqualTo(true);
    }

    static Stream<String[]> errors() {
        return Stream.of(
                new String[] {"quantity('10Mo') == quantity('1')", "quantities must match the regular expression"
                        + " '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"},
                new String[] {"quantity('10Mm') == quantity('1')", "unable to parse quantity's suffix"},
                new String[] {"quantity('9999999999999999999999999999999999999G').asInteger() == 1",
                        "cannot convert value to integer"},
                new String[] {"ip('192.168.0.1.0') == ip('1.1.1.1')", "IP Address \"192.168.0.1.0\" parse error"
                        + " during conversion from string: ParseAddr(\"192.168.0.1.0\"): IPv4 address too long"},
                new String[] {"ip.isCanonical('127.0.0.1.0')", "IP Address \"127.0.0.1.0\" parse error during"
                        + " conversion from string: ParseAddr(\"127.0.0.1.0\"): IPv4 address too long"},
                new String[] {"ip('2001:db8:::68') == ip('::')", "IP Address \"2001:db8:::68\" parse error during"
                        + " conversion from string: ParseAddr(\"2001:db8:::68\"): each colon-separated field must"
                        + " have at least one digit (at \":68\")"},
                new String[] {"ip('fe80::1%eth0') == ip('::')", "IP address \"fe80::1%eth0\" with zone value is not"
                        + " allowed"},
                new String[] {"ip('::ffff:1.2.3.4') == ip('::')",
                        "IPv4-mapped IPv6 address \"::ffff:1.2.3.4\" is not allowed"},
                new String[] {"cidr('192.168.0.0/') == cidr('::/0')", "network address parse error during"
                        + " conversion from string: network address parse error during conversion from string:"
                        + " netip.ParsePrefix(\"192.168.0.0/\"): bad bits after slash: \"\""},
                new String[] {"cidr('2001:db8::/') == cidr('::/0')", "network address parse error during"
                        + " conversion from string: network address parse error during conversion from string:"
                        + " netip.ParsePrefix(\"2001:db8::/\"): bad bits after slash: \"\""},
                new String[] {"cidr('10.0.0.0/8').containsIP('10.0.0.300')", "no such overload"},
                new String[] {"cidr('10.0.0.0/8').containsCIDR('10.0.0.0')", "no such overload"},
                new String[] {"ip('1.2.3.04') == ip('::')", "ParseAddr(\"1.2.3.04\"): IPv4 field has octet with"
                        + " leading zero"},
                new String[] {"ip('') == ip('::')", "ParseAddr(\"\"): unable to parse IP"},
                new String[] {"ip('1..2.3') == ip('::')",
                        "ParseAddr(\"1..2.3\"): IPv4 field must have at least one digit (at \".2.3\")"},
                new String[] {"ip('fe80::1%') == ip('::')",
                        "ParseAddr(\"fe80::1%\"): zone must be a non-empty string"},
                new String[] {"ip('::1.2.3.4%eth0') == ip('::')",
                        "IP address \"::1.2.3.4%eth0\" with zone value is not allowed"},
                new String[] {"ip('1:2:3:4:5:6:7:8:9') == ip('::')",
                        "ParseAddr(\"1:2:3:4:5:6:7:8:9\"): trailing garbage after address (at \"9\")"},
                new String[] {"ip('1:2:3:4:5:1.2.3.4') == ip('::')", "ParseAddr(\"1:2:3:4:5:1.2.3.4\"): embedded"
                        + " IPv4 address must replace the final 2 fields of the address (at \"1.2.3.4\")"},
                new String[] {"ip('1::3:4:5:6:7:1.2.3.4') == ip('::')",
                        "ParseAddr(\"1::3:4:5:6:7:1.2.3.4\"): the :: must expand to at least one field of zeros"},
                new String[] {"ip('1::3:4:5:6:7:8:1.2.3.4') == ip('::')", "ParseAddr(\"1::3:4:5:6:7:8:1.2.3.4\"):"
                        + " too many hex fields to fit an embedded IPv4 at the end of the address (at \"1.2.3.4\")"},
                new String[] {"ip('::1::2') == ip('::')", "ParseAddr(\"::1::2\"): multiple :: in address"},
                new String[] {"ip('::1:2:3:4:5:6:7:8') == ip('::')",
                        "ParseAddr(\"::1:2:3:4:5:6:7:8\"): the :: must expand to at least one field of zeros"},
                new String[] {"cidr('/8') == cidr('::/0')",
                        "netip.ParsePrefix(\"/8\"): ParseAddr(\"\"): unable to parse IP"},
                new String[] {"cidr('fe80::1%eth0/64') == cidr('::/0')",
                        "netip.ParsePrefix(\"fe80::1%eth0/64\"): IPv6 zones cannot be present in a prefix"},
                new String[] {"cidr('10.0.0.0/1x') == cidr('::/0')",
                        "netip.ParsePrefix(\"10.0.0.0/1x\"): bad bits after slash: \"1x\""},
                new String[] {"cidr('10.0.0.0/1000000000000000000') == cidr('::/0')",
                        "netip.ParsePrefix(\"10.0.0.0/1000000000000000000\"): prefix length out of range"},
                new String[] {"cidr('10.0.0.0/4611686018427387904') == cidr('::/0')",
                        "netip.ParsePrefix(\"10.0.0.0/4611686018427387904\"): prefix length out of range"},
                new String[] {"cidr('10.0.0.0/10000000000000000000') == cidr('::/0')",
                        "netip.ParsePrefix(\"10.0.0.0/10000000000000000000\"): bad bits after slash"},
                new String[] {"cidr('1.2.3.4/33') == cidr('::/0')",
                        "netip.ParsePrefix(\"1.2.3.4/33\"): prefix length out of range"},
                new String[] {"cidr('1.2.3.4') == cidr('::/0')", "netip.ParsePrefix(\"1.2.3.4\"): no '/'"},
                new String[] {"semver('') == semver('1.0.0')", "Version string empty"},
                new String[] {"semver('1.2.3-') == semver('1.0.0')", "Prerelease is empty"},
                new String[] {"semver('1.2.x') == semver('1.0.0')", "Invalid character(s) found in patch number \"x\""},
                new String[] {"quantity('') == quantity('1')", "quantities must match the regular expression"},
                new String[] {"quantity('1.5.5') == quantity('1')", "quantities must match the regular expression"},
                new String[] {"quantity('1e') == quantity('1')", "unable to parse quantity's suffix"},
                new String[] {"url('http://a b.com/') == url('/')",
                        "parse \"http://a b.com/\": invalid character \" \" in host name"},
                new String[] {"url('http://[10.0.0.1]/') == url('/')", "invalid IP-literal"},
                new String[] {"semver('v1.0') == semver('1.0.0')", "No Major.Minor.Patch elements found"},
                new String[] {"semver('1.2.+b') == semver('1.0.0')",
                        "strconv.ParseUint: parsing \"\": invalid syntax"},
                new String[] {"semver('1.2.-a') == semver('1.0.0')",
                        "strconv.ParseUint: parsing \"\": invalid syntax"},
                new String[] {"semver('18446744073709551616.0.0') == semver('1.0.0')",
                        "strconv.ParseUint: parsing \"18446744073709551616\": value out of range"},
                new String[] {"semver('1.x', true) == semver('1.0.0')",
                        "Invalid character(s) found in minor number \"x\""},
                new String[] {"semver('1.2-a', true) == semver('1.0.0')",
                        "short version cannot contain PreRelease/Build meta data"},
                new String[] {"semver('1.02.0') == semver('1.0.0')",
                        "Minor number must not contain leading zeroes \"02\""},
                new String[] {"url('../relative-path') == url('/')", "URL parse error during conversion from"
                        + " string: parse \"../relative-path\": invalid URI for request"},
                new String[] {"url('https://a:b:c/') == url('/')",
                        "URL parse error during conversion from string: parse \"https://a:b:c/\": invalid port"
                                + " \":b:c\" after host"});
    }

    @ParameterizedTest
    @MethodSource("errors")
    void shouldFailWithTheApiServersError(String expression, String message) {
        assertThatThrownBy(() -> evaluate(expression)).as(expression).isInstanceOf(CelEvaluationException.class)
                .hasMessageContaining(message);
    }

    @Test
    void shouldRefuseWrongArgumentTypesWhenCompiling() {
        for (String expression : new String[] {"isQuantity([1, 2, 3])", "isSemver([1, 2, 3])",
                "isIP(cidr('192.168.0.0/24'))"}) {
            RuleCompiler.Compiled compiled = COMPILER.rule(new ValidationRule(expression, null, null, null, null,
                    false, "test", null, null));
            assertThat(compiled).as(expression).isInstanceOfSatisfying(RuleCompiler.Unusable.class,
                    unusable -> assertThat(unusable.reason()).contains("found no matching overload"));
        }
    }

    @Test
    void shouldLeaveTheAuthorizerLibraryUnjudged() {
        RuleCompiler.Compiled compiled = COMPILER.rule(new ValidationRule(
                "authorizer.group('').resource('pods').check('get').allowed()", null, null, null, null, false,
                "test", null, null));
        assertThat(compiled).isInstanceOfSatisfying(RuleCompiler.Unusable.class,
                unusable -> assertThat(unusable.reason()).contains("authorizer library", "cannot be judged offline"));
    }
}
