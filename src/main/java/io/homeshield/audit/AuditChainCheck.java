package io.homeshield.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Walks sealed audit entries in chain order and notes every place the chain does not hold: an entry
 * whose content no longer matches its hash (altered), an entry that does not carry the hash of the
 * one before it (entries removed in between, or the one before rewritten), and a chain head that
 * names a later entry than the last one found (newest entries removed). Gaps in ids alone are not a
 * break: an append whose transaction rolled back leaves one, and chain positions skip nothing.
 * Seals are HMACs under the audit keys; entries without a key id (sealed before the chain was keyed)
 * are accepted only as the chain's leading entries. Against a published head it also finds a chain
 * rewritten whole, which the database alone cannot show.
 */
final class AuditChainCheck {

    static final String GENESIS = "0".repeat(64);

    private final int maxBreaks;
    private final AuditKeys keys;
    private final PublishedHead published;
    private final AuditAnchor anchor;
    private final List<AuditBreak> breaks = new ArrayList<>();
    private boolean keyedSeen;
    private String hashAtPublished;
    private boolean moreBreaks;
    private String lastHash = GENESIS;
    private Long lastId;
    private long lastPosition;
    private long checked;

    /** @param published the head published earlier, or null when none is at hand */
    AuditChainCheck(int maxBreaks, AuditKeys keys, PublishedHead published) {
        this(maxBreaks, keys, published, null);
    }

    /**
     * @param anchor where retention left the chain (it starts after the anchored place), or null when
     *        no entry was ever removed
     */
    AuditChainCheck(int maxBreaks, AuditKeys keys, PublishedHead published, AuditAnchor anchor) {
        this.maxBreaks = maxBreaks;
        this.keys = keys;
        this.published = published;
        this.anchor = anchor;
        if (anchor != null) {
            if (!anchor.genuine(keys)) {
                note(new AuditBreak(null, AuditBreak.Kind.UNKNOWN_KEY, "The checkpoint of the entries removed by"
                        + " retention is not signed by an audit key of this installation: the chain's start was "
                                + "moved."));
            }
            lastHash = anchor.hash;
            lastPosition = anchor.chainPosition;
        }
    }

    void accept(AuditEntry entry) {
        checked++;
        if (!entry.previousHash.equals(lastHash)) {
            note(linkBreak(entry));
        }
        sealCheck(entry);
        if (published != null && entry.chainPosition == published.position()) {
            hashAtPublished = entry.hash;
        }
        lastHash = entry.hash;
        lastId = entry.id;
        lastPosition = entry.chainPosition;
    }

    /** Whether everything accepted so far holds. */
    boolean intactSoFar() {
        return breaks.isEmpty() && !moreBreaks;
    }

    long lastPosition() {
        return lastPosition;
    }

    String lastHash() {
        return lastHash;
    }

    private void sealCheck(AuditEntry entry) {
        if (entry.redactedAt != null) {
            redactionCheck(entry);
            return;
        }
        if (entry.keyId == null && (keyedSeen || published != null && entry.chainPosition > published.legacyUntil())) {
            note(new AuditBreak(entry.id, AuditBreak.Kind.UNKNOWN_KEY, "Entry " + entry.id + " claims to be sealed"
                    + " before the chain was keyed, but it comes after keyed entries: it was rewritten without the "
                            + "key."));
            return;
        }
        keyedSeen |= entry.keyId != null;
        String expected = AuditSeal.expectedHash(entry, keys);
        if (expected == null) {
            note(new AuditBreak(entry.id, AuditBreak.Kind.UNKNOWN_KEY, "Entry " + entry.id + " names audit key '"
                    + entry.keyId + "', which this installation does not hold: it was forged or its key is missing"
                    + " from homeshield.audit.retired-keys."));
        } else if (!AuditKeys.same(expected, entry.hash)) {
            note(new AuditBreak(entry.id, AuditBreak.Kind.ALTERED, "Entry " + entry.id
                    + " was altered: its content no longer matches the hash it was written with."));
        }
    }

    /** A pseudonymised entry: its original seal cannot be recomputed, its redaction seal can. */
    private void redactionCheck(AuditEntry entry) {
        String expected = AuditSeal.expectedRedactionSeal(entry, keys);
        if (expected == null) {
            note(new AuditBreak(entry.id, AuditBreak.Kind.UNKNOWN_KEY, "Entry " + entry.id + " claims to be"
                    + " pseudonymised under audit key '" + entry.redactionKeyId + "', which this installation does"
                    + " not hold: it was rewritten without the key."));
        } else if (!AuditKeys.same(expected, entry.redactionSeal)) {
            note(new AuditBreak(entry.id, AuditBreak.Kind.ALTERED, "Entry " + entry.id
                    + " was altered after it was pseudonymised: its content no longer matches its redaction seal."));
        }
    }

    AuditReport finish(String headHash, Instant now) {
        if (published != null) {
            checkPublished();
        }
        if (!headHash.equals(lastHash)) {
            note(new AuditBreak(null, AuditBreak.Kind.MISSING_NEWEST, lastId == null
                    ? "Every entry is missing: the log is empty but entries were written."
                    : "The newest entries are missing: entry " + lastId
                            + " is the last one left, but later entries were written."));
        }
        return new AuditReport(now, checked, lastId, List.copyOf(breaks), moreBreaks, published);
    }

    private void checkPublished() {
        if (!published.genuine(keys)) {
            note(new AuditBreak(null, AuditBreak.Kind.NOT_AS_PUBLISHED, "The published head given is not signed by"
                    + " an audit key of this installation: it cannot vouch for the chain."));
        } else if (anchor != null && published.position() <= anchor.chainPosition) {
            if (published.position() == anchor.chainPosition && !AuditKeys.same(published.hash(), anchor.hash)) {
                note(new AuditBreak(null, AuditBreak.Kind.NOT_AS_PUBLISHED, "The checkpoint of removed entries at"
                        + " place " + anchor.chainPosition + " is not the entry published at " + published.at() + "."));
            }
        } else if (lastPosition < published.position()) {
            note(new AuditBreak(null, AuditBreak.Kind.NOT_AS_PUBLISHED, "The chain ends at place " + lastPosition
                    + ", but place " + published.position() + " was published at " + published.at()
                    + ": the newest entries were removed."));
        } else if (published.position() > 0 && !AuditKeys.same(published.hash(), hashAtPublished)) {
            note(new AuditBreak(null, AuditBreak.Kind.NOT_AS_PUBLISHED, "The entry at place " + published.position()
                    + " is not the one published at " + published.at()
                    + ": the chain was rewritten up to there, or entries before it were removed."));
        }
    }

    private AuditBreak linkBreak(AuditEntry entry) {
        if (lastId == null) {
            return new AuditBreak(entry.id, AuditBreak.Kind.MISSING, anchor != null
                    ? "Entries between the checkpoint of entries removed by retention (place " + anchor.chainPosition
                            + ") and entry " + entry.id + " are missing."
                    : "Entries before entry " + entry.id
                            + " are missing: it is the first one left, but it follows others.");
        }
        long missing = entry.chainPosition - lastPosition - 1;
        if (missing > 0) {
            String which = entry.id - lastId - 1 != missing ? (missing == 1 ? "1 entry" : missing + " entries")
                    : missing == 1 ? "entry " + (lastId + 1) : "entries " + (lastId + 1) + " to " + (entry.id - 1);
            return new AuditBreak(entry.id, AuditBreak.Kind.MISSING, "Entries are missing between entry " + lastId
                    + " and entry " + entry.id + " (" + which + ").");
        }
        return new AuditBreak(entry.id, AuditBreak.Kind.MISSING, "Entry " + entry.id + " does not follow entry "
                + lastId + ": entry " + lastId + " was rewritten with a new hash, or entries were removed between "
                        + "them.");
    }

    private void note(AuditBreak found) {
        if (breaks.size() < maxBreaks) {
            breaks.add(found);
        } else {
            moreBreaks = true;
        }
    }
}
