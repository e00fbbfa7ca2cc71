package io.ascent.core.manifest.cel.library;

/**
 * A CIDR as Go's {@code net/netip.Prefix}: an address (not necessarily masked) and a prefix length. Immutable.
 */
final class IpPrefix {
    private final IpAddress address;
    private final int bits;

    private IpPrefix(IpAddress address, int bits) {
        this.address = address;
        this.bits = bits;
    }

    /** {@code netip.ParsePrefix}; the message of the exception is Go's. */
    static IpPrefix parse(String in) throws IpAddress.ParseException {
        int slash = in.lastIndexOf('/');
        if (slash < 0) {
            throw error(in, "no '/'");
        }
        IpAddress address;
        try {
            address = IpAddress.parse(in.substring(0, slash));
        } catch (IpAddress.ParseException e) {
            throw error(in, e.getMessage());
        }
        if (!address.is4() && !address.zone().isEmpty()) {
            throw error(in, "IPv6 zones cannot be present in a prefix");
        }
        String bitsText = in.substring(slash + 1);
        // Go refuses a sign and leading zeros, which its integer parser would accept
        if (bitsText.isEmpty() || bitsText.length() > 1 && (bitsText.charAt(0) < '1' || bitsText.charAt(0) > '9')
                || !bitsText.chars().allMatch(c -> c >= '0' && c <= '9')
                || bitsText.length() > 19 || new java.math.BigInteger(bitsText).bitLength() > 63) {
            throw error(in, "bad bits after slash: " + GoQuote.quote(bitsText));
        }
        long bits = Long.parseLong(bitsText);
        if (bits > address.bitLength()) {
            throw error(in, "prefix length out of range");
        }
        return new IpPrefix(address, (int) bits);
    }

    private static IpAddress.ParseException error(String in, String message) {
        return new IpAddress.ParseException("netip.ParsePrefix(" + GoQuote.quote(in) + "): " + message);
    }

    IpAddress address() {
        return address;
    }

    int bits() {
        return bits;
    }

    /** The prefix with the host bits cleared. */
    IpPrefix masked() {
        byte[] bytes = address.bytes();
        for (int i = 0; i < bytes.length; i++) {
            int keep = Math.max(0, Math.min(8, bits - i * 8));
            bytes[i] &= (byte) (0xff << (8 - keep));
        }
        return new IpPrefix(IpAddress.of(bytes), bits);
    }

    /** Whether the address is in the prefix; an address of the other family, or with a zone, is not. */
    boolean contains(IpAddress ip) {
        if (ip.is4() != address.is4() || !ip.zone().isEmpty()) {
            return false;
        }
        return masked().address.equals(new IpPrefix(ip, bits).masked().address);
    }

    /** Go's {@code Overlaps}: same family and one contains the other's masked address. */
    boolean overlaps(IpPrefix other) {
        if (address.is4() != other.address.is4()) {
            return false;
        }
        int common = Math.min(bits, other.bits);
        return new IpPrefix(address, common).masked().address.equals(new IpPrefix(other.address, common).masked().address);
    }

    @Override
    public String toString() {
        return address + "/" + bits;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IpPrefix prefix && bits == prefix.bits && address.equals(prefix.address);
    }

    @Override
    public int hashCode() {
        return address.hashCode() * 31 + bits;
    }
}
