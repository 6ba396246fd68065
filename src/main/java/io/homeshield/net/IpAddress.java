package io.homeshield.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 address literal in its canonical text form. Never resolves names: text that is
 * not a literal is rejected before {@link InetAddress} sees it.
 */
public record IpAddress(String value) {

    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    public IpAddress {
        value = canonical(value);
    }

    private static String canonical(String text) {
        if (text != null && isDottedQuad(text)) {
            return text;
        }
        if (text != null && text.indexOf(':') >= 0 && IPV6_CHARS.matcher(text).matches()) {
            try {
                return InetAddress.getByName(text).getHostAddress();
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("not an IP address");
            }
        }
        throw new IllegalArgumentException("not an IP address (expected an IPv4 or IPv6 literal)");
    }

    /** Four decimal octets 0-255 without leading zeros. */
    private static boolean isDottedQuad(String text) {
        int octets = 0;
        int value = 0;
        int digits = 0;
        for (int i = 0, n = text.length(); i <= n; i++) {
            char c = i < n ? text.charAt(i) : '.';
            if (c == '.') {
                if (digits == 0 || value > 255 || ++octets > 4) {
                    return false;
                }
                value = 0;
                digits = 0;
            } else if (c >= '0' && c <= '9' && !(digits == 1 && value == 0) && digits < 3) {
                value = value * 10 + (c - '0');
                digits++;
            } else {
                return false;
            }
        }
        return octets == 4;
    }

    public static IpAddress of(String value) {
        return new IpAddress(value);
    }

    public static boolean isValid(String value) {
        if (value != null && isDottedQuad(value)) {
            return true;
        }
        // Most text that is not a dotted quad is a name (a CNAME among DNS answers): refused without an exception.
        if (value == null || value.indexOf(':') < 0) {
            return false;
        }
        try {
            new IpAddress(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public boolean isV4() {
        return value.indexOf(':') < 0;
    }

    /** The IPv4 address as a 32-bit number; only for {@link #isV4()} addresses. */
    public int v4Bits() {
        return (int) Ipv4Text.bits(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
