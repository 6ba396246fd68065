package io.homeshield.fleet.campaign;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the detector found since it was last asked. */
public sealed interface CampaignEvent {

    UUID campaignId();

    /**
     * A campaign has started: {@code routersInWindow} routers made the same change within the window
     * where {@code expectedInWindow} were expected; {@code routers} are those seen so far.
     */
    record Started(UUID campaignId, String parameter, String valueKey, Instant firstSeen, Instant detectedAt,
            int routersInWindow, double expectedInWindow, List<AffectedRouter> routers) implements CampaignEvent {
    }

    /** One more router made a running campaign's change. */
    record Joined(UUID campaignId, AffectedRouter router) implements CampaignEvent {
    }

    /** No router joined for a while: the campaign is over. */
    record Ended(UUID campaignId, Instant lastSeen) implements CampaignEvent {
    }
}
