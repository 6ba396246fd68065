package io.homeshield.intel.rpz;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.homeshield.intel.ProviderIndicatorService;
import io.homeshield.intel.ThreatFeeds;

/**
 * The zone the provider's resolvers fetch: the host names analysts marked to be blocked
 * fleet-wide, and every host name of the feeds configured as C&C feeds, less the allow-list.
 * Built afresh for each request (100,000 names take a fraction of a second); the serial goes up
 * only when the content differs from the version last served, kept in the database so every
 * instance serves the same serial for the same content.
 */
@ApplicationScoped
public class ResponsePolicyZone {

    private final ProviderIndicatorService provider;
    private final ThreatFeeds feeds;
    private final RpzConfig config;
    private final ZoneText text;
    private final Clock clock;
    private RpzZone cached;

    ResponsePolicyZone(ProviderIndicatorService provider, ThreatFeeds feeds, RpzConfig config, Clock clock) {
        this.provider = provider;
        this.feeds = feeds;
        this.config = config;
        this.text = new ZoneText(ZonePolicy.from(config));
        this.clock = clock;
    }

    public String zoneName() {
        return config.zoneName();
    }

    /**
     * What the zone is built from: the names blocked fleet-wide and the C&C feeds' names, all in force at {@code now}.
     */
    List<String> candidates(Instant now) {
        List<String> candidates = new ArrayList<>(provider.blockedFleetWide(now));
        for (String feedId : config.c2Feeds().orElse(List.of())) {
            candidates.addAll(feeds.domainsInForce(feedId));
        }
        return candidates;
    }

    /** The names the zone blocks now (and the allowed ones it lets through), without writing the zone. */
    @Transactional
    public BlockedNames names() {
        return text.names(candidates(clock.instant()));
    }

    /** The zone as it stands now, with a new serial if its content changed. */
    @Transactional
    public synchronized RpzZone current() {
        Instant now = clock.instant();
        ZoneText.Records records = text.records(candidates(now));
        RpzZoneVersion version = RpzZoneVersion.findById(RpzZoneVersion.ONLY, LockModeType.PESSIMISTIC_WRITE);
        if (cached != null && cached.contentHash().equals(records.hash()) && cached.serial() == version.serial) {
            return cached;
        }
        if (!version.contentHash.equals(records.hash())) {
            version.serial++;
            version.contentHash = records.hash();
            version.changedAt = now;
        }
        byte[] file = text.zoneFile(version.serial, records);
        version.names = records.names();
        version.bytes = file.length;
        cached = new RpzZone(version.serial, file, records.hash(), records.names(), records.skipped(),
                records.allowed(), version.changedAt);
        return cached;
    }
}
