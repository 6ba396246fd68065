package io.homeshield.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 address literal in its canonical text form. Never resolves names: text that is
 * not a literal is rejected before {@link InetAddress} sees it.
 */
public record IpAddress(String value) {

    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    public IpAddress {
        value = canonical(value);
    }

    private static String canonical(String text) {
        if (text != null && IPV4.matcher(text).matches()) {
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

    public static IpAddress of(String value) {
        return new IpAddress(value);
    }

    public static boolean isValid(String value) {
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
