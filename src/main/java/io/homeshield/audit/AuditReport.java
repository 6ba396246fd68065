package io.homeshield.audit;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The outcome of checking the whole audit chain.
 *
 * @param breaks the first problems found, in log order (at most a page of them)
 * @param moreBreaks whether further problems were found but not listed
 * @param publishedHead the published head the chain was checked against; null when none was at hand,
 *        so a rewrite of the whole chain by someone with the database alone could not be ruled out
 */
public record AuditReport(Instant checkedAt, long entriesChecked, Long lastEntryId, List<AuditBreak> breaks,
        boolean moreBreaks, PublishedHead publishedHead) {

    @JsonProperty("intact")
    public boolean intact() {
        return breaks.isEmpty();
    }
}
