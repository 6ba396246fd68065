package io.homeshield.fleet.campaign;

import java.time.Duration;
import java.util.Set;

/**
 * How the campaign detector judges "many routers, same change, unusually fast".
 *
 * @param window sliding window over which routers making the same change are counted
 * @param bucket resolution of the window (and of the learned rate)
 * @param minRouters fewest distinct routers in the window that can start a campaign
 * @param significance how improbable the count must be under the learned rate (Poisson tail)
 * @param priorPerWindow the rate assumed for a change never seen before, per window
 * @param learningHorizon how far back the learned rate of each change looks (exponential decay)
 * @param warmUp how long the detector learns before it may start a campaign (unless primed with history)
 * @param quietToClose a campaign with no new router for this long is over
 * @param prefixBits IPv4 values count as the same change within this prefix
 * @param maxKeys most distinct changes kept in memory; the least recently seen go first
 * @param benignValues values that are ordinary churn (public resolvers, the provider's own)
 */
public record DetectorSettings(Duration window, Duration bucket, int minRouters, double significance,
        double priorPerWindow, Duration learningHorizon, Duration warmUp, Duration quietToClose, int prefixBits,
                int maxKeys,
        Set<String> benignValues) {

    /** Well-known public DNS resolvers: people switch to them all the time. */
    public static final Set<String> PUBLIC_RESOLVERS = Set.of(
            "8.8.8.8", "8.8.4.4", "1.1.1.1", "1.0.0.1", "9.9.9.9", "149.112.112.112", "208.67.222.222",
            "208.67.220.220", "94.140.14.14", "94.140.15.15", "76.76.2.0", "76.76.10.0", "185.228.168.9",
            "185.228.169.9", "64.6.64.6", "64.6.65.6", "1.1.1.2", "1.0.0.2", "1.1.1.3", "1.0.0.3",
            "2001:4860:4860::8888", "2001:4860:4860::8844", "2606:4700:4700::1111", "2606:4700:4700::1001",
            "2620:fe::fe", "2620:fe::9");

    public DetectorSettings {
        if (window.compareTo(bucket) < 0 || window.toMillis() % bucket.toMillis() != 0) {
            throw new IllegalArgumentException("the window must be a whole number of buckets");
        }
        benignValues = Set.copyOf(benignValues);
    }

    public static DetectorSettings defaults() {
        return new DetectorSettings(Duration.ofHours(1), Duration.ofMinutes(5), 5, 1e-6, 0.25, Duration.ofDays(3),
                Duration.ofHours(6), Duration.ofDays(2), 24, 200_000, PUBLIC_RESOLVERS);
    }

    int buckets() {
        return (int) (window.toMillis() / bucket.toMillis());
    }
}
