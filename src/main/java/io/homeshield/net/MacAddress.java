package io.homeshield.net;

import java.util.regex.Pattern;

/** An IEEE 802 MAC address, normalised to upper case with colons: {@code AA:BB:CC:00:11:22}. */
public record MacAddress(String value) {

    private static final Pattern ACCEPTED =
            Pattern.compile("[0-9A-Fa-f]{2}([:-]?)[0-9A-Fa-f]{2}(\\1[0-9A-Fa-f]{2}){4}");

    public MacAddress {
        if (value == null || !ACCEPTED.matcher(value).matches()) {
            throw new IllegalArgumentException("not a MAC address (expected six hex octets like AA:BB:CC:00:11:22)");
        }
        String hex = value.replaceAll("[:-]", "").toUpperCase();
        StringBuilder out = new StringBuilder(17);
        for (int i = 0; i < 12; i += 2) {
            if (i > 0) {
                out.append(':');
            }
            out.append(hex, i, i + 2);
        }
        value = out.toString();
    }

    public static MacAddress of(String value) {
        return new MacAddress(value);
    }

    public static boolean isValid(String value) {
        return value != null && ACCEPTED.matcher(value).matches();
    }

    /** The first three octets without separators, as the IEEE registry lists assignments: {@code AABBCC}. */
    public String oui24() {
        return value.substring(0, 8).replace(":", "");
    }

    /** The 28-bit (MA-M) prefix as the IEEE registry lists it: {@code AABBCC0}. */
    public String oui28() {
        return value.replace(":", "").substring(0, 7);
    }

    /** The 36-bit (MA-S) prefix as the IEEE registry lists it: {@code AABBCC001}. */
    public String oui36() {
        return value.replace(":", "").substring(0, 9);
    }

    /** Locally administered addresses (randomised by phones) carry no vendor. */
    public boolean isLocallyAdministered() {
        return (Integer.parseInt(value.substring(0, 2), 16) & 0x02) != 0;
    }

    @Override
    public String toString() {
        return value;
    }
}
