package io.homeshield.audit;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

/**
 * The chain head as it was published outside the database: the last place in the chain, the seal of
 * the entry there, how many leading entries were sealed before the chain was keyed, and when; signed
 * with an audit key. Written as one line, which can be read back out of a longer log line:
 *
 * <pre>homeshield-audit-head v1 position=812 hash=9f2c… legacy=0 at=2026-12-06T21:00:00Z key=2026-12 sig=4be1…</pre>
 */
public record PublishedHead(long position, String hash, long legacyUntil, Instant at, String keyId, String signature) {

    static final String MARK = "homeshield-audit-head v1";
    private static final String FORM = "homeshield-audit-head-v1";

    /** Signs the head with the current key. */
    static PublishedHead signed(long position, String hash, long legacyUntil, Instant at, AuditKeys keys) {
        String keyId = keys.currentId();
        return new PublishedHead(position, hash, legacyUntil, at, keyId,
                keys.mac(keyId, signedForm(position, hash, legacyUntil, at)));
    }

    /** Whether a key of this installation signed exactly this head. */
    boolean genuine(AuditKeys keys) {
        return keys.knows(keyId) && AuditKeys.same(signature,
                keys.mac(keyId, signedForm(position, hash, legacyUntil, at)));
    }

    public String line() {
        return MARK + " position=" + position + " hash=" + hash + " legacy=" + legacyUntil + " at=" + at + " key="
                + keyId + " sig=" + signature;
    }

    /**
     * Reads a head line, or a log line that holds one.
     *
     * @throws IllegalArgumentException when the text holds no complete head
     */
    public static PublishedHead parse(String text) {
        int start = text == null ? -1 : text.indexOf(MARK);
        if (start < 0) {
            throw new IllegalArgumentException("holds no line starting '" + MARK + "'");
        }
        Map<String, String> fields = new HashMap<>();
        for (String part : text.substring(start + MARK.length()).trim().split("\\s+")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                fields.putIfAbsent(part.substring(0, eq), part.substring(eq + 1));
            }
        }
        try {
            return new PublishedHead(Long.parseLong(required(fields, "position")), required(fields, "hash"),
                    Long.parseLong(required(fields, "legacy")), Instant.parse(required(fields, "at")),
                    required(fields, "key"), required(fields, "sig"));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("has a position, legacy count or time that cannot be read");
        }
    }

    private static String required(Map<String, String> fields, String name) {
        String value = fields.get(name);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("has no " + name + "=");
        }
        return value;
    }

    private static byte[] signedForm(long position, String hash, long legacyUntil, Instant at) {
        return AuditSeal.fields(FORM, String.valueOf(position), hash, String.valueOf(legacyUntil), at.toString());
    }
}
