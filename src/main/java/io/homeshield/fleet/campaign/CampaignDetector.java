package io.homeshield.fleet.campaign;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.homeshield.fleet.ParameterPaths;

/**
 * Finds configuration campaigns across the fleet: the same parameter moving to the same value (or
 * the same /24) on more routers within the sliding window than the rate learned for that change
 * makes plausible. Driven by the changes' own time, in memory and bounded: at most
 * {@code maxKeys} changes are tracked, each with a ring of per-bucket counts, its learned rate and
 * the routers seen recently. Changes to well-known public resolvers are ordinary churn and skipped.
 * Thread-safe; callers hand over whole batches.
 */
public final class CampaignDetector {

    /** How long a router stays listed under a change, beyond the counting window, to be named at a start. */
    private static final int LOOKBACK_WINDOWS = 6;
    private static final int MAX_ROUTERS_PER_KEY = 20_000;
    private static final int MAX_PATTERNS = 10_000;
    private static final int MAX_PENDING = 500_000;

    private final DetectorSettings settings;
    private final int buckets;
    private final long bucketMillis;
    private final long windowMillis;
    private final double decayPerBucket;
    private final long horizonMillis;
    private final Map<String, String> patterns = new HashMap<>();
    private final LinkedHashMap<ChangeKey, KeyState> keys;
    private final Map<ChangeKey, Campaign> running = new HashMap<>();
    private final List<CampaignEvent> pending = new ArrayList<>();
    private long now = Long.MIN_VALUE;
    /** Since when the detector has been learning (the earliest change it saw, or the history it was primed with). */
    private long learningSince = Long.MAX_VALUE;
    private long observed;
    private long skippedAsBenign;
    private long droppedEvents;

    public CampaignDetector(DetectorSettings settings) {
        this.settings = settings;
        this.buckets = settings.buckets();
        this.bucketMillis = settings.bucket().toMillis();
        this.windowMillis = settings.window().toMillis();
        this.horizonMillis = settings.learningHorizon().toMillis();
        this.decayPerBucket = Math.exp(-(double) bucketMillis / horizonMillis);
        this.keys = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<ChangeKey, KeyState> eldest) {
                return size() > settings.maxKeys();
            }
        };
    }

    public synchronized void observe(List<ConfigObservation> batch) {
        for (ConfigObservation change : batch) {
            observeOne(change);
        }
        closeQuietCampaigns();
    }

    /** The campaigns started, joined and ended since the last call. */
    public synchronized List<CampaignEvent> drain() {
        List<CampaignEvent> out = List.copyOf(pending);
        pending.clear();
        return out;
    }

    public synchronized Stats stats() {
        return new Stats(observed, skippedAsBenign, keys.size(), running.size(), droppedEvents);
    }

    /** Counters for metrics and the benchmark. */
    public record Stats(long observed, long skippedAsBenign, int trackedChanges, int runningCampaigns,
            long droppedEvents) {
    }

    private void observeOne(ConfigObservation change) {
        observed++;
        if (change.value() == null || settings.benignValues().contains(change.value().strip())) {
            skippedAsBenign++;
            return;
        }
        long at = change.at().toEpochMilli();
        if (at > now) {
            now = at;
        }
        if (at < learningSince) {
            learningSince = at;
        }
        ChangeKey key = new ChangeKey(pattern(change.path()),
                ChangeKey.valueKey(change.value(), settings.prefixBits()));
        KeyState state = keys.get(key);
        if (state == null) {
            state = new KeyState(buckets);
            state.campaign = running.get(key);
            keys.put(key, state);
        }
        long bucket = Math.floorDiv(at, bucketMillis);
        state.advance(bucket, decayPerBucket, buckets);
        AffectedRouter affected = new AffectedRouter(change.routerId(), change.group(), change.path(), change.value(),
                change.at());
        AffectedRouter before = state.recent.get(change.routerId());
        boolean counted = before != null && Math.abs(at - before.at().toEpochMilli()) < windowMillis;
        if (!counted) {
            if (state.recent.size() < MAX_ROUTERS_PER_KEY || before != null) {
                state.recent.put(change.routerId(), affected);
            }
            state.count(bucket, buckets);
            state.pruneOlderThan(now - LOOKBACK_WINDOWS * windowMillis);
        }
        if (state.campaign != null) {
            state.campaign.lastSeen = Math.max(state.campaign.lastSeen, at);
            if (state.campaign.members.add(change.routerId())) {
                emit(new CampaignEvent.Joined(state.campaign.id, affected));
            }
        } else if (!counted) {
            considerStart(key, state);
        }
    }

    private void considerStart(ChangeKey key, KeyState state) {
        int inWindow = state.windowCount();
        if (inWindow < settings.minRouters() || now - learningSince < settings.warmUp().toMillis()) {
            return;
        }
        double expected = Math.max(expectedInWindow(state), settings.priorPerWindow());
        if (PoissonTail.atLeast(inWindow, expected) >= settings.significance()) {
            return;
        }
        List<AffectedRouter> routers = new ArrayList<>(state.recent.values());
        routers.sort(Comparator.comparing(AffectedRouter::at));
        Campaign campaign = new Campaign(UUID.randomUUID(), now);
        routers.forEach(r -> campaign.members.add(r.routerId()));
        state.campaign = campaign;
        running.put(key, campaign);
        emit(new CampaignEvent.Started(campaign.id, key.parameter(), key.value(), routers.get(0).at(),
                Instant.ofEpochMilli(now), inWindow, expected, List.copyOf(routers)));
    }

    /**
     * The routers per window this change usually sees: its decayed count from before the window,
     * spread over the (decay-weighted) time the detector has been learning before the window.
     */
    private double expectedInWindow(KeyState state) {
        long learned = now - learningSince - windowMillis;
        if (learned <= 0) {
            return Double.MAX_VALUE;
        }
        double weightedSpan = horizonMillis * (1 - Math.exp(-(double) learned / horizonMillis));
        return state.past * windowMillis / weightedSpan;
    }

    /**
     * Starts from history instead of from nothing (after a restart): {@code routers} made the change
     * during the {@code span} before {@code until}.
     */
    public synchronized void learn(String path, String value, int routers, java.time.Duration span, Instant until) {
        if (settings.benignValues().contains(value == null ? "" : value.strip())) {
            return;
        }
        ChangeKey key = new ChangeKey(pattern(path), ChangeKey.valueKey(value, settings.prefixBits()));
        KeyState state = keys.computeIfAbsent(key, k -> new KeyState(buckets));
        state.past += routers;
        learningSince = Math.min(learningSince, until.minus(span).toEpochMilli());
        now = Math.max(now, until.toEpochMilli());
    }

    /**
     * Takes up a campaign already reported (stored before a restart, or by another instance): its
     * changes join it instead of reporting it again, and it ends when it goes quiet.
     */
    public synchronized void resume(UUID campaignId, String parameter, String valueKey, Instant lastSeen,
            Collection<UUID> members) {
        ChangeKey key = new ChangeKey(parameter, valueKey);
        Campaign campaign = new Campaign(campaignId, lastSeen.toEpochMilli());
        campaign.members.addAll(members);
        running.put(key, campaign);
        KeyState state = keys.get(key);
        if (state != null) {
            state.campaign = campaign;
        }
        now = Math.max(now, campaign.lastSeen);
    }

    private void closeQuietCampaigns() {
        long quiet = settings.quietToClose().toMillis();
        for (Iterator<Map.Entry<ChangeKey, Campaign>> it = running.entrySet().iterator(); it.hasNext();) {
            Map.Entry<ChangeKey, Campaign> entry = it.next();
            Campaign campaign = entry.getValue();
            if (now - campaign.lastSeen > quiet) {
                it.remove();
                KeyState state = keys.get(entry.getKey());
                if (state != null && state.campaign == campaign) {
                    state.campaign = null;
                }
                emit(new CampaignEvent.Ended(campaign.id, Instant.ofEpochMilli(campaign.lastSeen)));
            }
        }
    }

    private void emit(CampaignEvent event) {
        if (pending.size() < MAX_PENDING || event instanceof CampaignEvent.Started) {
            pending.add(event);
        } else {
            droppedEvents++;
        }
    }

    private String pattern(String path) {
        String pattern = patterns.get(path);
        if (pattern == null) {
            pattern = ParameterPaths.pattern(path);
            if (patterns.size() < MAX_PATTERNS) {
                patterns.put(path, pattern);
            }
        }
        return pattern;
    }

    private static final class Campaign {
        final UUID id;
        final Set<UUID> members = new HashSet<>();
        long lastSeen;

        Campaign(UUID id, long lastSeen) {
            this.id = id;
            this.lastSeen = lastSeen;
        }
    }

    /** One change's counts: routers per bucket over the window, its learned rate, the routers seen lately. */
    private static final class KeyState {
        final int[] ring;
        long bucket = Long.MIN_VALUE;
        /** Routers counted before the window, decayed with the learning horizon. */
        double past;
        final Map<UUID, AffectedRouter> recent = new HashMap<>(8);
        int pruneAt = 32;
        Campaign campaign;

        KeyState(int buckets) {
            ring = new int[buckets];
        }

        /** Moves the window to end at bucket {@code to}; buckets leaving it go into the decayed past. */
        void advance(long to, double decayPerBucket, int buckets) {
            if (bucket == Long.MIN_VALUE) {
                bucket = to;
                return;
            }
            if (to <= bucket) {
                return;
            }
            long steps = to - bucket;
            past *= Math.pow(decayPerBucket, steps);
            for (long s = 1; s <= Math.min(steps, buckets); s++) {
                int slot = slot(bucket + s, buckets);
                past += ring[slot];
                ring[slot] = 0;
            }
            bucket = to;
        }

        void count(long at, int buckets) {
            if (bucket - at < buckets) {
                ring[slot(at, buckets)]++;
            }
        }

        int windowCount() {
            int sum = 0;
            for (int c : ring) {
                sum += c;
            }
            return sum;
        }

        void pruneOlderThan(long cutoff) {
            if (recent.size() < pruneAt) {
                return;
            }
            recent.values().removeIf(r -> r.at().toEpochMilli() < cutoff);
            pruneAt = Math.max(32, recent.size() * 2);
        }

        private static int slot(long bucket, int buckets) {
            return (int) Math.floorMod(bucket, (long) buckets);
        }
    }
}
