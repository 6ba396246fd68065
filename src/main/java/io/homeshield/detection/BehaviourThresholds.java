package io.homeshield.detection;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The thresholds of the behavioural detectors; every default is what the detection report was tuned with. */
@ConfigMapping(prefix = "homeshield.detection.behaviour")
public interface BehaviourThresholds {

    Beaconing beaconing();

    BruteForce bruteForce();

    Scanning scanning();

    Dga dga();

    interface Beaconing {
        /** Intervals needed before a rhythm is judged; twice as many are kept per destination. */
        @WithDefault("16")
        int minIntervals();

        /** Largest spread of intervals, as median absolute deviation over the median interval, in percent. */
        @WithDefault("18")
        int maxSpreadPercent();

        /**
         * Fewer intervals that suffice when they are nearly exact (a spread within {@code quick-max-spread-percent}).
         */
        @WithDefault("8")
        int quickIntervals();

        @WithDefault("5")
        int quickMaxSpreadPercent();

        /** Longest interval between check-ins that still counts as a rhythm. */
        @WithDefault("PT6H")
        Duration maxInterval();
    }

    interface BruteForce {
        /** Attempts to one SSH, telnet, RDP or other login port within the short window. */
        @WithDefault("12")
        int minAttempts();

        @WithDefault("PT60S")
        Duration window();

        /** Similar attempts to one service on any port within the slow window. */
        @WithDefault("30")
        int minSlowAttempts();

        @WithDefault("PT15M")
        Duration slowWindow();

        /** How far, in percent of their median, the attempts' sizes may spread and still count as similar. */
        @WithDefault("25")
        int maxSizeSpreadPercent();

        /** Inbound: attempts from the internet to one login port of a device (any sources) within {@code window}. */
        @WithDefault("12")
        int inboundMinAttempts();

        /**
         * Inbound: similar attempts from the internet to one port of a device within the inbound slow window; a login
         * port needs half.
         */
        @WithDefault("30")
        int inboundMinSlowAttempts();

        /** Inbound: two thirds of the attempts must lie within this many percent of one size to count as similar. */
        @WithDefault("15")
        int inboundMaxSizeSpreadPercent();

        /** Inbound guessing is often slow and spread over many sources, so its slow window is longer. */
        @WithDefault("PT1H")
        Duration inboundSlowWindow();
    }

    interface Scanning {
        /** Distinct internet addresses on one port within the window. */
        @WithDefault("20")
        int minTargets();

        /** Distinct addresses of the home's own network (ping or TCP) within the window. */
        @WithDefault("16")
        int minLanTargets();

        /** Distinct unanswered ports on one host within the window. */
        @WithDefault("20")
        int minPorts();

        @WithDefault("PT60S")
        Duration window();
    }

    interface Dga {
        /** Random-looking names that do not exist, within one minute. */
        @WithDefault("8")
        int minRandomFailed();

        /**
         * Random-looking names that do not exist, within the slow window: catches bots asking once every few minutes.
         */
        @WithDefault("16")
        int minSlowRandomFailed();

        @WithDefault("PT2H")
        Duration slowWindow();

        /** Names of any look that do not exist, within one minute. */
        @WithDefault("25")
        int minFailed();

        /** Random-looking names under one registrable domain, within one minute. */
        @WithDefault("12")
        int minRandomSubdomains();

        /**
         * Registrable domains of any look that do not exist and that almost no other household asks for
         * (fewer than {@code rare-below-households}), within the slow window: catches short, dictionary and
         * pronounceable names at every speed.
         */
        @WithDefault("12")
        int minRareFailed();

        /** A domain looked up by fewer households of the fleet than this in the last day or two is rare. */
        @WithDefault("5")
        int rareBelowHouseholds();

        /**
         * Rarity is judged only once at least this many households send lookups; in a smaller fleet every name is rare.
         */
        @WithDefault("20")
        int minFleetHouseholds();

        /**
         * How many times the device's own usual number of rare failed domains per slow window it takes: a device
         * that always asks for odd names that do not exist (behind a strict blocking resolver) must exceed its habit.
         */
        @WithDefault("3")
        int baselineFactor();

        /** How long the device's habit is remembered: the time constant of its decaying count. */
        @WithDefault("PT24H")
        Duration baselineMemory();
    }
}
