package io.homeshield.net;

/** An IEEE 802 MAC address, normalised to upper case with colons: {@code AA:BB:CC:00:11:22}. */
public record MacAddress(String value) {

    private static final String INVALID = "not a MAC address (expected six hex octets like AA:BB:CC:00:11:22)";

    public MacAddress {
        value = normalised(value);
    }

    public static MacAddress of(String value) {
        return new MacAddress(value);
    }

    /** Six hex octets with one consistent separator (colon, dash or none). */
    public static boolean isValid(String value) {
        int step = layout(value);
        if (step < 0) {
            return false;
        }
        for (int octet = 0; octet < 6; octet++) {
            int at = octet * step;
            if (hexValue(value.charAt(at)) < 0 || hexValue(value.charAt(at + 1)) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Characters per octet including the separator (3 or 2), or -1 if the text cannot be a MAC address. */
    private static int layout(String text) {
        if (text == null) {
            return -1;
        }
        if (text.length() == 12) {
            return 2;
        }
        if (text.length() != 17) {
            return -1;
        }
        char separator = text.charAt(2);
        if (separator != ':' && separator != '-') {
            return -1;
        }
        for (int at = 5; at < 17; at += 3) {
            if (text.charAt(at) != separator) {
                return -1;
            }
        }
        return 3;
    }

    /** Upper case with colons; text already in that form is kept as it is. */
    private static String normalised(String text) {
        int step = layout(text);
        if (step < 0) {
            throw new IllegalArgumentException(INVALID);
        }
        boolean canonical = step == 3 && text.charAt(2) == ':';
        char[] out = new char[17];
        for (int octet = 0; octet < 6; octet++) {
            int at = octet * step;
            char high = text.charAt(at);
            char low = text.charAt(at + 1);
            if (hexValue(high) < 0 || hexValue(low) < 0) {
                throw new IllegalArgumentException(INVALID);
            }
            int to = octet * 3;
            out[to] = upper(high);
            out[to + 1] = upper(low);
            canonical &= out[to] == high && out[to + 1] == low;
            if (octet < 5) {
                out[to + 2] = ':';
            }
        }
        return canonical ? text : new String(out);
    }

    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return -1;
    }

    private static char upper(char hex) {
        return hex >= 'a' ? (char) (hex - 'a' + 'A') : hex;
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
