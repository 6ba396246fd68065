package io.homeshield.intel;

/**
 * Addresses as numbers for the matching tables, read from the canonical text of
 * {@link io.homeshield.net.IpAddress} without allocating: matching runs for every flow and lookup.
 */
final class AddressNumbers {

    private AddressNumbers() {
    }

    /** The IPv4 address as an unsigned 32-bit number, or -1 if the text is not a dotted quad. */
    static long ipv4(CharSequence text) {
        long bits = 0;
        int octet = -1;
        int dots = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c == '.') {
                if (octet < 0 || ++dots > 3) {
                    return -1;
                }
                bits = bits << 8 | octet;
                octet = -1;
            } else if (c >= '0' && c <= '9') {
                octet = (octet < 0 ? 0 : octet * 10) + (c - '0');
                if (octet > 255) {
                    return -1;
                }
            } else {
                return -1;
            }
        }
        return dots == 3 && octet >= 0 ? bits << 8 | octet : -1;
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
