package io.homeshield.admin;

import java.util.List;

import io.homeshield.intel.FeedStatus;
import io.homeshield.intel.ProviderIndicator;

/**
 * The analysts' threat-intel page: every feed and how it is doing, the provider's own feed with
 * its indicators (those matching {@code ownQuery}), a lookup, and the form adding an indicator.
 *
 * @param inForce indicators matched now across every feed
 * @param done the change just made (added, promoted, expired), for the notice; null if none
 */
public record IntelView(List<Feed> feeds, String ownFeedName, long ownInForce, int inForce, IndicatorLookup lookup,
        String ownQuery, boolean includeExpired, List<Own> own, boolean moreOwn, IndicatorForm add, String done) {

    /** A configured feed, its source shown without secrets. */
    public record Feed(FeedStatus status, String source) {
    }

    /** An indicator of the provider's own feed and whether it matches now. */
    public record Own(ProviderIndicator row, boolean inForce) {
    }
}
