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
 */
final class AuditChainCheck {

    static final String GENESIS = "0".repeat(64);

    private final int maxBreaks;
    private final List<AuditBreak> breaks = new ArrayList<>();
    private boolean moreBreaks;
    private String lastHash = GENESIS;
    private Long lastId;
    private long lastPosition;
    private long checked;

    AuditChainCheck(int maxBreaks) {
        this.maxBreaks = maxBreaks;
    }

    void accept(AuditEntry entry) {
        checked++;
        if (!entry.previousHash.equals(lastHash)) {
            note(linkBreak(entry));
        }
        if (!AuditLog.hashOf(entry).equals(entry.hash)) {
            note(new AuditBreak(entry.id, AuditBreak.Kind.ALTERED, "Entry " + entry.id
                    + " was altered: its content no longer matches the hash it was written with."));
        }
        lastHash = entry.hash;
        lastId = entry.id;
        lastPosition = entry.chainPosition;
    }

    long lastPosition() {
        return lastPosition;
    }

    String lastHash() {
        return lastHash;
    }

    AuditReport finish(String headHash, Instant now) {
        if (!headHash.equals(lastHash)) {
            note(new AuditBreak(null, AuditBreak.Kind.MISSING_NEWEST, lastId == null
                    ? "Every entry is missing: the log is empty but entries were written."
                    : "The newest entries are missing: entry " + lastId
                            + " is the last one left, but later entries were written."));
        }
        return new AuditReport(now, checked, lastId, List.copyOf(breaks), moreBreaks);
    }

    private AuditBreak linkBreak(AuditEntry entry) {
        if (lastId == null) {
            return new AuditBreak(entry.id, AuditBreak.Kind.MISSING,
                    "Entries before entry " + entry.id + " are missing: it is the first one left, but it follows others.");
        }
        long missing = entry.chainPosition - lastPosition - 1;
        if (missing > 0) {
            String which = entry.id - lastId - 1 != missing ? (missing == 1 ? "1 entry" : missing + " entries")
                    : missing == 1 ? "entry " + (lastId + 1) : "entries " + (lastId + 1) + " to " + (entry.id - 1);
            return new AuditBreak(entry.id, AuditBreak.Kind.MISSING, "Entries are missing between entry " + lastId
                    + " and entry " + entry.id + " (" + which + ").");
        }
        return new AuditBreak(entry.id, AuditBreak.Kind.MISSING, "Entry " + entry.id + " does not follow entry "
                + lastId + ": entry " + lastId + " was rewritten with a new hash, or entries were removed between them.");
    }

    private void note(AuditBreak found) {
        if (breaks.size() < maxBreaks) {
            breaks.add(found);
        } else {
            moreBreaks = true;
        }
    }
}
