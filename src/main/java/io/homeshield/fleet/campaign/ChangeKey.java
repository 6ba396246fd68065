package io.homeshield.fleet.campaign;

import java.util.Locale;

/**
 * What "the same change" means across routers: one parameter (instance numbers ignored) moving to
 * one value, where an IPv4 address counts by its network prefix (/24 by default), so an attacker
 * rotating addresses within one hosting range still shows up as one pattern.
 */
record ChangeKey(String parameter, String value) {

    static final int MAX_VALUE = 128;

    static String valueKey(String value, int prefixBits) {
        if (value == null) {
            return "";
        }
        String trimmed = value.strip();
        long address = ipv4(trimmed);
        if (address >= 0 && prefixBits < 32) {
            long mask = prefixBits == 0 ? 0 : (0xFFFFFFFFL << (32 - prefixBits)) & 0xFFFFFFFFL;
            long network = address & mask;
            return (network >>> 24) + "." + ((network >>> 16) & 0xFF) + "." + ((network >>> 8) & 0xFF) + "."
                    + (network & 0xFF) + "/" + prefixBits;
        }
        String lower = trimmed.toLowerCase(Locale.ROOT);
        return lower.length() > MAX_VALUE ? lower.substring(0, MAX_VALUE) : lower;
    }

    /** The address as an unsigned number, or -1 when the text is not a dotted-quad IPv4 address. */
    static long ipv4(String text) {
        long result = 0;
        int octet = -1;
        int dots = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                octet = octet < 0 ? c - '0' : octet * 10 + (c - '0');
                if (octet > 255) {
                    return -1;
                }
            } else if (c == '.' && octet >= 0 && dots < 3) {
                result = (result << 8) | octet;
                octet = -1;
                dots++;
            } else {
                return -1;
            }
        }
        if (dots != 3 || octet < 0) {
            return -1;
        }
        return (result << 8) | octet;
    }
}
