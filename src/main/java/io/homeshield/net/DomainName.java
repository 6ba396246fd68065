package io.homeshield.net;

import java.net.IDN;
import java.util.Locale;
import java.util.regex.Pattern;

/** A DNS name, normalised to lower case ASCII (IDN to punycode) without the trailing dot. */
public record DomainName(String value) {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?");

    public DomainName {
        value = isPlainLowerCase(value) ? value : normalised(value);
    }

    private static String normalised(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("domain name is empty");
        }
        String name = value.trim();
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        try {
            name = IDN.toASCII(name, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a valid domain name");
        }
        if (name.length() > 253 || name.isEmpty()) {
            throw new IllegalArgumentException("not a valid domain name");
        }
        for (String label : name.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                throw new IllegalArgumentException("not a valid domain name");
            }
        }
        return name;
    }

    /**
     * Already in normal form: lower-case ASCII labels of letters, digits, '_' and inner '-', no
     * trailing dot. Most names are, and need neither IDN conversion nor a pattern.
     */
    private static boolean isPlainLowerCase(String text) {
        int length = text == null ? 0 : text.length();
        return length > 0 && length <= 253 && hasPlainLabels(text, length, false);
    }

    /**
     * Whether the first {@code length} characters are dot-separated labels of 1 to 63 ASCII letters
     * (lower case only unless {@code upperCase}), digits, '_' and inner '-': the form most names
     * come in, checked without a pattern or IDN conversion.
     */
    public static boolean hasPlainLabels(String text, int length, boolean upperCase) {
        int labelStart = 0;
        for (int i = 0; i <= length; i++) {
            char c = i < length ? text.charAt(i) : '.';
            if (c == '.') {
                int labelLength = i - labelStart;
                if (labelLength == 0 || labelLength > 63 || text.charAt(labelStart) == '-'
                        || text.charAt(i - 1) == '-') {
                    return false;
                }
                labelStart = i + 1;
            } else if (!(c >= 'a' && c <= 'z' || upperCase && c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    public static DomainName of(String value) {
        return new DomainName(value);
    }

    /** The parent domain, or null for a single label: {@code a.b.example.com} → {@code b.example.com}. */
    public DomainName parent() {
        int dot = value.indexOf('.');
        return dot < 0 ? null : new DomainName(value.substring(dot + 1));
    }

    @Override
    public String toString() {
        return value;
    }
}
