package io.homeshield.net;

/** IPv4 dotted-quad text read as a number without allocating: the hot paths look at every flow. */
public final class Ipv4Text {

    private Ipv4Text() {
    }

    /** The address as an unsigned 32-bit number, or -1 if the text is not a dotted quad. */
    public static long bits(CharSequence text) {
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
}
