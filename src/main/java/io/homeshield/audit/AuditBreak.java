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
        MISSING_NEWEST,
        /** The entry names a key this installation does not hold, or claims no key where one is required. */
        UNKNOWN_KEY,
        /** The chain does not hold the head published earlier: it was rewritten or cut short up to there. */
        NOT_AS_PUBLISHED
    }
}
