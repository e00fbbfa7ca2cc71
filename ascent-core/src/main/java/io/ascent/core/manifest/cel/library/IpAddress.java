package io.ascent.core.manifest.cel.library;

import java.util.Arrays;

/**
 * An IP address as Go's {@code net/netip.Addr} parses and prints it: IPv4 in strict dotted decimal (no leading
 * zeros, exactly four fields), IPv6 with {@code ::}, an embedded IPv4 tail and a {@code %zone}; printed in the
 * canonical form (lower case, the longest run of zero groups as {@code ::}). Parsing is textual only: nothing here
 * resolves a name. Immutable.
 */
final class IpAddress {
    /** Thrown for text that is not an address; the message is Go's. */
    static final class ParseException extends Exception {
        ParseException(String message) {
            super(message, null, false, false);
        }
    }

    private final byte[] bytes;
    private final String zone;

    private IpAddress(byte[] bytes, String zone) {
        this.bytes = bytes;
        this.zone = zone;
    }

    /** {@code netip.ParseAddr}. */
    static IpAddress parse(String in) throws ParseException {
        for (int i = 0; i < in.length(); i++) {
            switch (in.charAt(i)) {
                case '.':
                    return new IpAddress(parseIpv4(in, 0, in.length()), "");
                case ':':
                    return parseIpv6(in);
                case '%':
                    throw error(in, "missing IPv6 address", "");
                default:
                    break;
            }
        }
        throw error(in, "unable to parse IP", "");
    }

    private static ParseException error(String in, String message, String at) {
        return new ParseException("ParseAddr(" + GoQuote.quote(in) + "): " + message
                + (at.isEmpty() ? "" : " (at " + GoQuote.quote(at) + ")"));
    }

    private static byte[] parseIpv4(String in, int off, int end) throws ParseException {
        byte[] fields = new byte[4];
        String s = in.substring(off, end);
        int value = 0;
        int position = 0;
        int digits = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                if (digits == 1 && value == 0) {
                    throw error(in, "IPv4 field has octet with leading zero", "");
                }
                value = value * 10 + c - '0';
                digits++;
                if (value > 255) {
                    throw error(in, "IPv4 field has value >255", "");
                }
            } else if (c == '.') {
                if (i == 0 || i == s.length() - 1 || s.charAt(i - 1) == '.') {
                    throw error(in, "IPv4 field must have at least one digit", s.substring(i));
                }
                if (position == 3) {
                    throw error(in, "IPv4 address too long", "");
                }
                fields[position++] = (byte) value;
                value = 0;
                digits = 0;
            } else {
                throw error(in, "unexpected character", s.substring(i));
            }
        }
        if (position < 3) {
            throw error(in, "IPv4 address too short", "");
        }
        fields[3] = (byte) value;
        return fields;
    }

    private static IpAddress parseIpv6(String in) throws ParseException {
        String s = in;
        String zone = "";
        int percent = s.indexOf('%');
        if (percent >= 0) {
            zone = s.substring(percent + 1);
            s = s.substring(0, percent);
            if (zone.isEmpty()) {
                throw error(in, "zone must be a non-empty string", "");
            }
        }
        byte[] ip = new byte[16];
        int ellipsis = -1;
        if (s.startsWith("::")) {
            ellipsis = 0;
            s = s.substring(2);
            if (s.isEmpty()) {
                return new IpAddress(ip, zone);
            }
        }
        int i = 0;
        while (i < 16) {
            int off = 0;
            int acc = 0;
            for (; off < s.length(); off++) {
                int digit = Character.digit(s.charAt(off), 16);
                if (digit < 0 || s.charAt(off) > 'f') {
                    break;
                }
                acc = (acc << 4) + digit;
                if (off > 3) {
                    throw error(in, "each group must have 4 or less digits", s);
                }
                if (acc > 0xffff) {
                    throw error(in, "IPv6 field has value >=2^16", s);
                }
            }
            if (off == 0) {
                throw error(in, "each colon-separated field must have at least one digit", s);
            }
            if (off < s.length() && s.charAt(off) == '.') {
                if (ellipsis < 0 && i != 12) {
                    throw error(in, "embedded IPv4 address must replace the final 2 fields of the address", s);
                }
                if (i + 4 > 16) {
                    throw error(in, "too many hex fields to fit an embedded IPv4 at the end of the address", s);
                }
                int end = in.length() - (zone.isEmpty() ? 0 : zone.length() + 1);
                System.arraycopy(parseIpv4(in, end - s.length(), end), 0, ip, i, 4);
                i += 4;
                s = "";
                break;
            }
            ip[i] = (byte) (acc >> 8);
            ip[i + 1] = (byte) acc;
            i += 2;
            s = s.substring(off);
            if (s.isEmpty()) {
                break;
            }
            if (s.charAt(0) != ':') {
                throw error(in, "unexpected character, want colon", s);
            } else if (s.length() == 1) {
                throw error(in, "colon must be followed by more characters", s);
            }
            s = s.substring(1);
            if (s.charAt(0) == ':') {
                if (ellipsis >= 0) {
                    throw error(in, "multiple :: in address", s);
                }
                ellipsis = i;
                s = s.substring(1);
                if (s.isEmpty()) {
                    break;
                }
            }
        }
        if (!s.isEmpty()) {
            throw error(in, "trailing garbage after address", s);
        }
        if (i < 16) {
            if (ellipsis < 0) {
                throw error(in, "address string too short", "");
            }
            int n = 16 - i;
            for (int j = i - 1; j >= ellipsis; j--) {
                ip[j + n] = ip[j];
            }
            Arrays.fill(ip, ellipsis, ellipsis + n, (byte) 0);
        } else if (ellipsis >= 0) {
            throw error(in, "the :: must expand to at least one field of zeros", s);
        }
        return new IpAddress(ip, zone);
    }

    static IpAddress of(byte[] bytes) {
        return new IpAddress(bytes.clone(), "");
    }

    boolean is4() {
        return bytes.length == 4;
    }

    /** An IPv6 address of the form {@code ::ffff:a.b.c.d}. */
    boolean is4In6() {
        if (is4()) {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
    }

    String zone() {
        return zone;
    }

    /** A copy of the address bytes: 4 for IPv4, 16 for IPv6. */
    byte[] bytes() {
        return bytes.clone();
    }

    int bitLength() {
        return bytes.length * 8;
    }

    private int u8(int i) {
        return bytes[i] & 0xff;
    }

    private int u16(int group) {
        return u8(2 * group) << 8 | u8(2 * group + 1);
    }

    boolean isUnspecified() {
        for (byte b : bytes) {
            if (b != 0) {
                return false;
            }
        }
        return zone.isEmpty();
    }

    boolean isLoopback() {
        if (is4()) {
            return u8(0) == 127;
        }
        for (int i = 0; i < 15; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return u8(15) == 1;
    }

    boolean isMulticast() {
        return is4() ? (u8(0) & 0xf0) == 0xe0 : u8(0) == 0xff;
    }

    boolean isLinkLocalMulticast() {
        return is4() ? u8(0) == 224 && u8(1) == 0 && u8(2) == 0 : (u16(0) & 0xff0f) == 0xff02;
    }

    boolean isLinkLocalUnicast() {
        return is4() ? u8(0) == 169 && u8(1) == 254 : (u16(0) & 0xffc0) == 0xfe80;
    }

    /** As Go's: private IPv4 addresses and unique local IPv6 addresses count as global unicast. */
    boolean isGlobalUnicast() {
        if (is4() && (isUnspecified() || Arrays.equals(bytes, new byte[] {-1, -1, -1, -1}))) {
            return false;
        }
        return !(!is4() && isUnspecified()) && !isLoopback() && !isMulticast() && !isLinkLocalUnicast();
    }

    @Override
    public String toString() {
        if (is4()) {
            return u8(0) + "." + u8(1) + "." + u8(2) + "." + u8(3);
        }
        int zeroStart = -1;
        int zeroEnd = -1;
        for (int i = 0; i < 8; i++) {
            int j = i;
            while (j < 8 && u16(j) == 0) {
                j++;
            }
            if (j - i >= 2 && j - i > zeroEnd - zeroStart) {
                zeroStart = i;
                zeroEnd = j;
            }
        }
        StringBuilder out = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == zeroStart) {
                out.append("::");
                i = zeroEnd;
                if (i >= 8) {
                    break;
                }
            } else if (i > 0) {
                out.append(':');
            }
            out.append(Integer.toHexString(u16(i)));
        }
        if (!zone.isEmpty()) {
            out.append('%').append(zone);
        }
        return out.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IpAddress address && Arrays.equals(bytes, address.bytes) && zone.equals(address.zone);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes) * 31 + zone.hashCode();
    }
}
