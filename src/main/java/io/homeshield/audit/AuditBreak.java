package io.homeshield.audit;

/**
 * A place where the audit log is not as it was written.
 *
 * @param entryId the entry found altered, or the first entry after the missing ones; null when the
 *        newest entries are missing
 * @param problem what is wrong, in plain words
 */
public record AuditBreak(Long entryId, Kind kind, String problem) {

    public enum Kind {
        /** The entry's content no longer matches its hash. */
        ALTERED,
        /** Entries between two remaining ones were deleted (or the earlier one was rewritten whole). */
        MISSING,
        /** The newest entries were deleted: the chain head remembers a later entry. */
        MISSING_NEWEST
    }
}
