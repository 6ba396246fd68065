package io.homeshield.infra.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;

import io.homeshield.net.IpAddress;

/**
 * A block of addresses in CIDR notation, kept as two 64-bit halves of its first address (IPv4 in
 * the low 32 bits) and its prefix length, so containment and overlap are a few comparisons.
 */
public record AddressBlock(boolean v6, long high, long low, int length) {

    public AddressBlock {
        int max = v6 ? 128 : 32;
        if (length < 0 || length > max) {
            throw new IllegalArgumentException("prefix length must be 0 to " + max);
        }
        if (v6) {
            high = length >= 64 ? high : length == 0 ? 0 : high & (-1L << (64 - length));
            low = length <= 64 ? 0 : length == 128 ? low : low & (-1L << (128 - length));
        } else {
            high = 0;
            low = length == 0 ? 0 : low & (0xFFFF_FFFFL << (32 - length)) & 0xFFFF_FFFFL;
        }
    }

    /** Reads {@code 10.0.0.0/8}, {@code fc00::/7}, or one address (a block of one). */
    public static AddressBlock parse(String text) {
        String value = text.strip();
        int slash = value.indexOf('/');
        IpAddress ip;
        try {
            ip = IpAddress.of(slash < 0 ? value : value.substring(0, slash));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not an address range such as 10.0.0.0/8");
        }
        int length;
        try {
            length = slash < 0 ? (value.indexOf(':') < 0 ? 32 : 128) : Integer.parseInt(value.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' has no valid prefix length");
        }
        try {
            byte[] bytes = InetAddress.getByName(ip.value()).getAddress();
            if (bytes.length == 4 && value.indexOf(':') >= 0) {
                // an IPv4-mapped IPv6 address, which InetAddress turns into its IPv4 address
                return new AddressBlock(true, 0, 0xFFFF_0000_0000L | bits(bytes, 0, 4), length);
            }
            return of(bytes, length);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + text + "' is not an address range such as 10.0.0.0/8");
        }
    }

    /** The block of {@code length} bits starting at the address given as 4 or 16 bytes. */
    public static AddressBlock of(byte[] address, int length) {
        if (address.length == 4) {
            return new AddressBlock(false, 0, bits(address, 0, 4), length);
        }
        return new AddressBlock(true, bits(address, 0, 8), bits(address, 8, 8), length);
    }

    /** The single address. */
    public static AddressBlock of(InetAddress address) {
        byte[] bytes = address.getAddress();
        return of(bytes, bytes.length * 8);
    }

    private static long bits(byte[] bytes, int from, int count) {
        long value = 0;
        for (int i = from; i < from + count; i++) {
            value = value << 8 | (bytes[i] & 0xFF);
        }
        return value;
    }

    public boolean contains(InetAddress address) {
        return overlaps(of(address));
    }

    /** Whether the two blocks share at least one address (one holds the other, as CIDR blocks nest). */
    public boolean overlaps(AddressBlock other) {
        if (v6 != other.v6) {
            return false;
        }
        int shorter = Math.min(length, other.length);
        AddressBlock a = new AddressBlock(v6, high, low, shorter);
        AddressBlock b = new AddressBlock(v6, other.high, other.low, shorter);
        return a.high == b.high && a.low == b.low;
    }

    @Override
    public String toString() {
        if (!v6) {
            return (low >>> 24 & 0xFF) + "." + (low >>> 16 & 0xFF) + "." + (low >>> 8 & 0xFF) + "." + (low & 0xFF)
                    + "/" + length;
        }
        StringBuilder text = new StringBuilder();
        for (int group = 0; group < 8; group++) {
            long half = group < 4 ? high : low;
            text.append(group > 0 ? ":" : "").append(Long.toHexString(half >>> ((3 - group % 4) * 16) & 0xFFFF));
        }
        return IpAddress.of(text.toString()).value() + "/" + length;
    }
}
