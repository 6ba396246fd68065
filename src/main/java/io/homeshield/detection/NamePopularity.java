package io.homeshield.detection;

import jakarta.inject.Singleton;

/**
 * How many of the provider's households looked up a registrable domain lately. Names a domain
 * generation algorithm makes up are asked for by the few households it infected and nobody else;
 * a tracker an ad-blocking resolver refuses is asked for by thousands. The same fixed-size sketch as
 * {@link DestinationPopularity} (two days, collisions only ever make a name look more popular), so
 * memory stays at a few megabytes whatever the fleet asks. It also estimates how many households
 * send lookups at all: in a fleet of a handful of homes every name is rare and rarity says nothing.
 */
@Singleton // called for every lookup: no client proxy in between
public class NamePopularity {

    private static final long FLEET_KEY = 0x5eed_f1ee_7L;

    private final DestinationPopularity sketch = new DestinationPopularity();

    /** Notes that a household (its router's bit) looked up the registrable domain with this hash at {@code at}. */
    void record(long domainHash, long routerBit, long at) {
        sketch.record(domainHash, routerBit, at);
    }

    /** Notes that a household sent lookups at {@code at}: once per batch and device is enough for the fleet's size. */
    void recordHousehold(long routerBit, long at) {
        sketch.record(FLEET_KEY, routerBit, at);
    }

    /** Roughly how many households looked the registrable domain up in the last one to two days. */
    int households(long domainHash) {
        return sketch.households(domainHash);
    }

    /** Roughly how many households sent lookups in the last one to two days. */
    int fleetHouseholds() {
        return sketch.households(FLEET_KEY);
    }
}
