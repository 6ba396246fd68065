package io.homeshield.detection;

import io.homeshield.net.Ipv4Text;

/**
 * Destination addresses as numbers, read straight from the wire text without allocating: the
 * detectors look at every flow, and keys of primitive longs keep their windows small.
 */
final class AddressBits {

    /** Marks keys of IPv6 addresses, which are hashed rather than kept whole. */
    private static final long V6 = 1L << 40;

    private AddressBits() {
    }

    /** The IPv4 address as an unsigned 32-bit number, or -1 if the text is not a dotted quad. */
    static long ipv4(String text) {
        return Ipv4Text.bits(text);
    }

    /** A key telling addresses apart: the IPv4 number itself, or a 40-bit hash of an IPv6 literal. */
    static long key(String text) {
        long v4 = ipv4(text);
        if (v4 >= 0) {
            return v4;
        }
        long h = 1125899906842597L;
        for (int i = 0, n = text.length(); i < n; i++) {
            h = 31 * h + Character.toLowerCase(text.charAt(i));
        }
        return V6 | (h & (V6 - 1));
    }

    /**
     * The network an address belongs to (its /24, or its /48 for IPv6): services spread their
     * clients over pools of neighbouring addresses, so popularity is counted per network.
     */
    static long network(String text) {
        long v4 = ipv4(text);
        if (v4 >= 0) {
            return v4 >>> 8;
        }
        int end = 0;
        for (int colons = 0; end < text.length() && colons < 3; end++) {
            if (text.charAt(end) == ':') {
                colons++;
            }
        }
        return key(text.substring(0, end));
    }

    /** Whether the address is on the internet: not private, loopback, link-local, CGNAT or multicast. */
    static boolean isExternal(String text) {
        long v4 = ipv4(text);
        return v4 >= 0 ? isExternalV4(v4) : isExternalV6(text);
    }

    static boolean isExternalV4(long ip) {
        int a = (int) (ip >>> 24);
        int b = (int) (ip >>> 16) & 0xff;
        return !(a == 0 || a == 10 || a == 127 || a >= 224
                || (a == 100 && b >= 64 && b < 128)
                || (a == 169 && b == 254)
                || (a == 172 && b >= 16 && b < 32)
                || (a == 192 && b == 168));
    }

    private static boolean isExternalV6(String text) {
        if (text.length() < 3 || text.equals("::1") || text.equals("::")) {
            return false;
        }
        char c0 = Character.toLowerCase(text.charAt(0));
        char c1 = Character.toLowerCase(text.charAt(1));
        char c2 = Character.toLowerCase(text.charAt(2));
        boolean uniqueLocal = c0 == 'f' && (c1 == 'c' || c1 == 'd');
        boolean linkLocal = c0 == 'f' && c1 == 'e' && c2 >= '8' && c2 <= 'b';
        boolean multicast = c0 == 'f' && c1 == 'f';
        return !(uniqueLocal || linkLocal || multicast);
    }

    /** The dotted-quad text of an IPv4 number. */
    static String v4Text(long ip) {
        return (ip >>> 24 & 0xff) + "." + (ip >>> 16 & 0xff) + "." + (ip >>> 8 & 0xff) + "." + (ip & 0xff);
    }
}
