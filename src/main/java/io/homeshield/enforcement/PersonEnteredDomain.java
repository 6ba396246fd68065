package io.homeshield.enforcement;

import java.util.regex.Pattern;

import com.google.common.net.InetAddresses;
import com.google.common.net.InternetDomainName;

import io.homeshield.infra.PlainText;
import io.homeshield.net.DomainName;

/**
 * A domain a person typed to block: a name under a public suffix ({@code ads.example.com},
 * {@code example.co.uk}). A public suffix itself ({@code com}, {@code co.uk}) would cut off every
 * site registered under it; a single label ({@code localhost}) or an address is not a domain on
 * the internet; each is refused with a sentence that says why.
 */
public final class PersonEnteredDomain {

    /** Why a typed domain is refused; pages word it in the person's language. */
    public enum Reason {
        EMPTY("enter a domain name such as example.com"),
        CONTROL_CHARACTERS("must not contain control or direction-changing characters"),
        ADDRESS("is an IP address, not a domain name; enter a domain such as example.com"),
        NOT_A_NAME("is not a valid domain name; enter one such as example.com"),
        SINGLE_LABEL("is a single name (like localhost) that only means something inside a network;"
                + " enter a domain such as example.com"),
        PUBLIC_SUFFIX("is a public suffix (like com or co.uk) under which unrelated sites are registered;"
                + " blocking it would block all of them"),
        UNKNOWN_SUFFIX("does not end in a known top-level domain (like .com or .de)");

        private final String sentence;

        Reason(String sentence) {
            this.sentence = sentence;
        }

        public String sentence() {
            return sentence;
        }
    }

    /** A refused domain, with the reason. */
    public static final class Refused extends IllegalArgumentException {

        private final Reason reason;

        Refused(Reason reason) {
            super(reason.sentence());
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }

    private static final Pattern NUMERIC_HOST = Pattern.compile("(0x[0-9a-f]+|[0-9]+)(\\.(0x[0-9a-f]+|[0-9]+))*\\.?",
            Pattern.CASE_INSENSITIVE);

    private PersonEnteredDomain() {
    }

    /** The normalised domain, or {@link Refused} saying why not. */
    public static DomainName parse(String typed) {
        if (typed == null || typed.isBlank()) {
            throw new Refused(Reason.EMPTY);
        }
        if (PlainText.problemWith(typed) != null) {
            throw new Refused(Reason.CONTROL_CHARACTERS);
        }
        String text = typed.strip();
        String bare = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        if (InetAddresses.isInetAddress(bare) || NUMERIC_HOST.matcher(bare).matches()) {
            throw new Refused(Reason.ADDRESS);
        }
        DomainName name;
        try {
            name = DomainName.of(text);
        } catch (IllegalArgumentException e) {
            throw new Refused(Reason.NOT_A_NAME);
        }
        if (name.value().indexOf('.') < 0) {
            throw new Refused(Reason.SINGLE_LABEL);
        }
        InternetDomainName checked;
        try {
            checked = InternetDomainName.from(name.value());
        } catch (IllegalArgumentException e) {
            throw new Refused(Reason.NOT_A_NAME);
        }
        if (checked.isPublicSuffix()) {
            throw new Refused(Reason.PUBLIC_SUFFIX);
        }
        if (!checked.isUnderPublicSuffix()) {
            throw new Refused(Reason.UNKNOWN_SUFFIX);
        }
        return name;
    }
}
