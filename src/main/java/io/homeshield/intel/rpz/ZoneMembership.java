package io.homeshield.intel.rpz;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * The names the zone blocks, kept in memory for reading telemetry: whether an NXDOMAIN a router saw
 * came from the provider's resolver applying the zone. Read again every
 * {@code homeshield.rpz.membership-refresh} (30 s), well within the time resolvers take to fetch a
 * new version ({@code homeshield.rpz.refresh}), so it follows the zone the resolvers answer with.
 */
@ApplicationScoped
public class ZoneMembership {

    private final ResponsePolicyZone zone;
    private volatile BlockedNames current = BlockedNames.EMPTY;

    ZoneMembership(ResponsePolicyZone zone) {
        this.zone = zone;
    }

    /** The zone's names as last read. */
    public BlockedNames current() {
        return current;
    }

    /** Reads the zone's names now (also on a timer). */
    @Scheduled(every = "${homeshield.rpz.membership-refresh:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void refresh() {
        try {
            current = QuarkusTransaction.requiringNew().call(zone::names);
        } catch (RuntimeException e) {
            Log.warnf("The zone's names were not read again (the last ones are kept): %s", e.getMessage());
        }
    }
}
