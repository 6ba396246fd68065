package io.homeshield.intel.rpz;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** When each resolver last fetched the zone, from where, and which serial it got. */
@ApplicationScoped
public class RpzFetches {

    private final Clock clock;

    RpzFetches(Clock clock) {
        this.clock = clock;
    }

    @Transactional
    public void record(String resolver, String sourceAddress, long serial, int answer) {
        RpzFetch fetch = RpzFetch.findById(resolver);
        boolean first = fetch == null;
        if (first) {
            fetch = new RpzFetch();
            fetch.resolver = resolver;
        }
        fetch.sourceAddress = sourceAddress.length() > 64 ? sourceAddress.substring(0, 64) : sourceAddress;
        fetch.serial = serial;
        fetch.answer = answer;
        fetch.fetchedAt = clock.instant();
        if (first) {
            fetch.persist();
        }
    }

    /** Every resolver's latest fetch, most recent first. */
    @Transactional
    public List<RpzFetch> latest() {
        return RpzFetch.<RpzFetch>list("order by fetchedAt desc");
    }
}
