package io.homeshield.fleet;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Fleet configuration security: campaign detection and remediation jobs ({@code homeshield.fleet.*}). */
@ConfigMapping(prefix = "homeshield.fleet")
public interface FleetConfig {

    Campaign campaign();

    Remediation remediation();

    interface Campaign {
        /** Sliding window over which routers making the same change are counted. */
        @WithDefault("1h")
        Duration window();

        @WithDefault("5m")
        Duration bucket();

        /** Fewest routers in the window that can start a campaign. */
        @WithDefault("5")
        int minRouters();

        /** How improbable the count must be under the change's learned rate. */
        @WithDefault("1e-6")
        double significance();

        /** Routers per window assumed for a change never seen before. */
        @WithDefault("0.25")
        double priorPerWindow();

        @WithDefault("3d")
        Duration learningHorizon();

        /** Learning before the first campaign can start on a fresh installation (history primes it otherwise). */
        @WithDefault("6h")
        Duration warmUp();

        @WithDefault("2d")
        Duration quietToClose();

        @WithDefault("24")
        int prefixBits();

        @WithDefault("200000")
        int maxTrackedChanges();

        /** The provider's own resolvers and other values that are ordinary churn, besides the public resolvers. */
        Optional<List<String>> benignValues();

        @WithDefault("2s")
        Duration flushInterval();
    }

    interface Remediation {
        /** How often each instance advances the running jobs. */
        @WithDefault("1s")
        Duration tickInterval();
    }
}
