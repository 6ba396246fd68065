package io.homeshield.net;

import java.net.IDN;
import java.util.Locale;
import java.util.regex.Pattern;

/** A DNS name, normalised to lower case ASCII (IDN to punycode) without the trailing dot. */
public record DomainName(String value) {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?");

    public DomainName {
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
        value = name;
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
