package io.homeshield.infra.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Reads an IPv4 address the way C's {@code inet_aton} and many URL parsers do: one to four parts,
 * each decimal, octal (leading 0) or hexadecimal (0x), the last filling the remaining bytes
 * ({@code 2130706433}, {@code 0177.0.0.1}, {@code 0x7f.1} and {@code 127.1} are all 127.0.0.1).
 */
final class InetAtonForm {

    private InetAtonForm() {
    }

    /** The address meant, or null if the text is no such form. */
    static InetAddress read(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length > 4) {
            return null;
        }
        long[] numbers = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            numbers[i] = number(parts[i]);
            if (numbers[i] < 0) {
                return null;
            }
        }
        long address = 0;
        for (int i = 0; i < parts.length - 1; i++) {
            if (numbers[i] > 255) {
                return null;
            }
            address |= numbers[i] << (24 - 8 * i);
        }
        long last = numbers[parts.length - 1];
        if (last >= 1L << (8 * (5 - parts.length))) {
            return null;
        }
        address |= last;
        byte[] bytes = { (byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address };
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long number(String part) {
        try {
            if (part.startsWith("0x") || part.startsWith("0X")) {
                return part.length() == 2 ? 0 : part.length() > 10 ? -1 : Long.parseLong(part.substring(2), 16);
            }
            if (part.isEmpty() || part.length() > 12) {
                return -1;
            }
            return part.length() > 1 && part.charAt(0) == '0' ? Long.parseLong(part.substring(1), 8)
                    : Long.parseLong(part);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
