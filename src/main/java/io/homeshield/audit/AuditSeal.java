package io.homeshield.audit;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The seal of a chained entry: HMAC-SHA256 under the entry's key over an unambiguous form of the
 * entry. Each field is written as its length (4 bytes; -1 for an absent value) and its UTF-8 bytes,
 * so no two different entries share a form, and the form holds the entry's id, its place in the
 * chain and its key id, so an entry cannot be moved, renumbered or claimed for another key.
 * Entries sealed before the chain was keyed (no key id) keep their plain SHA-256 of the old form.
 */
final class AuditSeal {

    static final String FORM = "homeshield-audit-entry-v2";
    static final String REDACTED_FORM = "homeshield-audit-redacted-v1";

    private AuditSeal() {
    }

    /** The hash the entry should carry; null when its key id is not one of the keys. */
    static String expectedHash(AuditEntry e, AuditKeys keys) {
        if (e.keyId == null) {
            return AuditLog.legacyHashOf(e);
        }
        return keys.knows(e.keyId) ? keys.mac(e.keyId, canonical(e)) : null;
    }

    /**
     * The redaction seal a pseudonymised entry should carry: over its content as it is now, the seal it
     * was written with and the moment of redaction; null when its redaction key is not one of the keys.
     */
    static String expectedRedactionSeal(AuditEntry e, AuditKeys keys) {
        if (!keys.knows(e.redactionKeyId)) {
            return null;
        }
        return keys.mac(e.redactionKeyId, fields(REDACTED_FORM, String.valueOf(e.id), String.valueOf(e.chainPosition),
                e.hash, e.redactedAt.toString(), e.occurredAt.toString(), e.actor, e.actorRole,
                e.householdId == null ? null : e.householdId.toString(), e.action, e.target, e.reason, e.outcome));
    }

    static byte[] canonical(AuditEntry e) {
        return fields(FORM, String.valueOf(e.id), String.valueOf(e.chainPosition), e.keyId, e.previousHash,
                e.occurredAt.toString(), e.actor, e.actorRole, e.householdId == null ? null : e.householdId.toString(),
                e.action, e.target, e.reason, e.outcome);
    }

    /** Length-prefixed fields. */
    static byte[] fields(String... values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String value : values) {
            byte[] bytes = value == null ? null : value.getBytes(StandardCharsets.UTF_8);
            out.writeBytes(ByteBuffer.allocate(4).putInt(bytes == null ? -1 : bytes.length).array());
            if (bytes != null) {
                out.writeBytes(bytes);
            }
        }
        return out.toByteArray();
    }
}
