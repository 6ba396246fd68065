package io.homeshield.intel;

import io.homeshield.net.Ipv4Text;

/**
 * Addresses as numbers for the matching tables, read from the canonical text of
 * {@link io.homeshield.net.IpAddress} without allocating: matching runs for every flow and lookup.
 */
final class AddressNumbers {

    private AddressNumbers() {
    }

    /** The IPv4 address as an unsigned 32-bit number, or -1 if the text is not a dotted quad. */
    static long ipv4(CharSequence text) {
        return Ipv4Text.bits(text);
    }

    /**
     * The IPv6 address as two 64-bit halves ({@code into[0]} high, {@code into[1]} low), from the
     * uncompressed eight-group form {@code IpAddress} keeps; false if the text is not in that form.
     */
    static boolean ipv6(CharSequence text, long[] into) {
        long high = 0;
        long low = 0;
        int groups = 0;
        int group = 0;
        int digits = 0;
        for (int i = 0, n = text.length(); i <= n; i++) {
            char c = i == n ? ':' : text.charAt(i);
            if (c == ':') {
                if (digits == 0 || groups == 8) {
                    return false;
                }
                if (groups < 4) {
                    high = high << 16 | group;
                } else {
                    low = low << 16 | group;
                }
                groups++;
                group = 0;
                digits = 0;
            } else {
                int value = Character.digit(c, 16);
                if (value < 0 || ++digits > 4) {
                    return false;
                }
                group = group << 4 | value;
            }
        }
        if (groups != 8) {
            return false;
        }
        into[0] = high;
        into[1] = low;
        return true;
    }
}
