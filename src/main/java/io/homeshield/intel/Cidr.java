package io.homeshield.intel;

import io.homeshield.net.IpAddress;

/**
 * A range of IP addresses in CIDR notation ({@code 10.0.0.0/8}, {@code 2001:db8::/32}), kept as
 * its network number: two 64-bit halves (IPv4 in the low half) and the prefix length. Host bits
 * set in the text are cleared, so {@code 10.1.2.3/8} is read as {@code 10.0.0.0/8}.
 */
record Cidr(boolean v6, long high, long low, int length) {

    Cidr {
        int max = v6 ? 128 : 32;
        if (length < 0 || length > max) {
            throw new IllegalArgumentException("prefix length must be 0 to " + max);
        }
        long[] masked = mask(v6, high, low, length);
        high = masked[0];
        low = masked[1];
    }

    /** Reads {@code address/length}; an address without a length is a range of one. */
    static Cidr parse(String text) {
        String value = text.strip();
        int slash = value.indexOf('/');
        String address = slash < 0 ? value : value.substring(0, slash);
        IpAddress ip;
        try {
            ip = IpAddress.of(address);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not an address range (expected e.g. 10.0.0.0/8)");
        }
        int length;
        try {
            length = slash < 0 ? (ip.isV4() ? 32 : 128) : Integer.parseInt(value.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' has no valid prefix length");
        }
        if (ip.isV4()) {
            return new Cidr(false, 0, AddressNumbers.ipv4(ip.value()), length);
        }
        long[] halves = new long[2];
        AddressNumbers.ipv6(ip.value(), halves);
        return new Cidr(true, halves[0], halves[1], length);
    }

    static boolean looksLikeCidr(String text) {
        return text.indexOf('/') > 0;
    }

    /** The last address of the range, high and low halves. */
    long lastHigh() {
        int hostBits = (v6 ? 128 : 32) - length;
        return hostBits <= 64 ? high : high | (-1L >>> (128 - hostBits));
    }

    long lastLow() {
        int hostBits = (v6 ? 128 : 32) - length;
        if (hostBits == 0) {
            return low;
        }
        return hostBits >= 64 ? (v6 ? -1L : 0xFFFF_FFFFL) : low | (-1L >>> (64 - hostBits));
    }

    /** A single address rather than a range. */
    boolean isSingleAddress() {
        return length == (v6 ? 128 : 32);
    }

    /** The canonical text, {@code 10.0.0.0/8}. */
    String value() {
        return (v6 ? v6Text() : v4Text()) + "/" + length;
    }

    private String v4Text() {
        return (low >>> 24 & 0xFF) + "." + (low >>> 16 & 0xFF) + "." + (low >>> 8 & 0xFF) + "." + (low & 0xFF);
    }

    private String v6Text() {
        StringBuilder text = new StringBuilder();
        for (int group = 0; group < 8; group++) {
            long half = group < 4 ? high : low;
            int shift = (3 - group % 4) * 16;
            if (group > 0) {
                text.append(':');
            }
            text.append(Long.toHexString(half >>> shift & 0xFFFF));
        }
        return IpAddress.of(text.toString()).value();
    }

    private static long[] mask(boolean v6, long high, long low, int length) {
        if (!v6) {
            long bits = low & 0xFFFF_FFFFL;
            long keep = length == 0 ? 0 : (0xFFFF_FFFFL << (32 - length)) & 0xFFFF_FFFFL;
            return new long[] { 0, bits & keep };
        }
        long highKeep = length >= 64 ? -1L : length == 0 ? 0 : -1L << (64 - length);
        long lowKeep = length <= 64 ? 0 : length == 128 ? -1L : -1L << (128 - length);
        return new long[] { high & highKeep, low & lowKeep };
    }

    @Override
    public String toString() {
        return value();
    }
}
