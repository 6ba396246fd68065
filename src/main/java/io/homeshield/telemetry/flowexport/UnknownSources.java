package io.homeshield.telemetry.flowexport;

import java.util.LinkedHashMap;
import java.util.Map;

import io.homeshield.net.IpAddress;
import io.quarkus.logging.Log;

/**
 * Logs datagrams from unregistered sources without letting a flood write the log: each source at
 * most once per interval, at most a few sources per interval (the rest summed up in one line), and
 * a bounded set of remembered sources. Used by the decoding thread only.
 */
final class UnknownSources {

    private final long intervalMillis;
    private final int maxNamed;
    private final Map<IpAddress, Long> lastLogged;
    private boolean windowOpen;
    private long windowStart;
    private int namedInWindow;
    private long unnamedInWindow;

    UnknownSources(long intervalMillis, int maxNamed, int maxRemembered) {
        this.intervalMillis = intervalMillis;
        this.maxNamed = maxNamed;
        this.lastLogged = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<IpAddress, Long> eldest) {
                return size() > maxRemembered;
            }
        };
    }

    /** Notes a datagram from {@code source}; returns whether it was named in the log. */
    boolean seen(IpAddress source, long nowMillis) {
        if (!windowOpen || nowMillis - windowStart >= intervalMillis) {
            if (unnamedInWindow > 0) {
                Log.warnf("Flow export: %d more datagrams from unregistered sources were ignored in the last %d s",
                        unnamedInWindow, intervalMillis / 1000);
            }
            windowOpen = true;
            windowStart = nowMillis;
            namedInWindow = 0;
            unnamedInWindow = 0;
        }
        Long last = lastLogged.get(source);
        if (last != null && nowMillis - last < intervalMillis) {
            return false;
        }
        if (namedInWindow >= maxNamed) {
            unnamedInWindow++;
            return false;
        }
        namedInWindow++;
        lastLogged.put(source, nowMillis);
        Log.warnf("Flow export: datagram from %s ignored, no router is registered as an exporter at that address"
                + " (each source is logged at most once in %d s)", source.value(), intervalMillis / 1000);
        return true;
    }

    int remembered() {
        return lastLogged.size();
    }
}
