package io.homeshield.detection;

import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.homeshield.alert.AlertType;
import io.homeshield.alert.Finding;
import io.homeshield.wire.DnsEvent;

/**
 * Flags the lookups of malware that invents domain names to find its controller (a domain
 * generation algorithm), fast or slow: failed lookups (NXDOMAIN) of random-looking registrable
 * domains, a burst within a minute or a steady trickle within a slow window of hours (a bot asking
 * once every few minutes); failed lookups of many registrable domains of any look within a minute;
 * or many random-looking names under one registrable domain. Registrable domains come from the
 * Public Suffix List; names under CDNs that are random by design never count, nor do local and
 * reverse-lookup names.
 */
@ApplicationScoped
class DgaDetector implements Detector {

    static final int WINDOW_SECONDS = 60;
    private static final long WINDOW_MILLIS = WINDOW_SECONDS * 1000L;
    private static final long REPORT_EVERY_MILLIS = 10 * 60_000L;
    private static final int RANDOM = 1;
    private static final int DOMAINS_TRACKED = 4;

    private final NamePopularity names;
    private final LookupNames lookupNames;
    private final BehaviourThresholds.Dga thresholds;
    private final DeviceStates<State> states;

    @Inject
    DgaDetector(BehaviourThresholds thresholds, NamePopularity names) {
        this(thresholds, names, PublicSuffixList.bundled(), LabelRandomness.bundled(), RandomLabelDomains.bundled(),
                DeviceStates.DEFAULT_CAPACITY);
    }

    /** With a fleet of its own: only this detector's lookups make names popular. */
    DgaDetector(BehaviourThresholds thresholds) {
        this(thresholds, new NamePopularity());
    }

    DgaDetector(BehaviourThresholds thresholds, NamePopularity names, PublicSuffixList suffixes,
            LabelRandomness randomness, RandomLabelDomains randomByDesign, int maxDevices) {
        this.thresholds = thresholds.dga();
        this.names = names;
        this.lookupNames = new LookupNames(suffixes, randomness, randomByDesign);
        this.states = new DeviceStates<>(maxDevices);
    }

    @Override
    public void inspect(DeviceActivity activity, Consumer<Finding> findings) {
        if (activity.lookups().isEmpty()) {
            return;
        }
        State state = null;
        long household = DestinationPopularity.routerBit(activity.routerId());
        boolean fleetJudges = names.fleetHouseholds() >= thresholds.minFleetHouseholds();
        names.recordHousehold(household, activity.reportedAt().toEpochMilli());
        long lastDomain = 0;
        for (DnsEvent lookup : activity.lookups()) {
            LookupNames.Name looked = lookupNames.of(lookup.query());
            if (!looked.judged()) {
                continue;
            }
            long domain = looked.domainHash();
            long at = activity.timeOf(lookup).toEpochMilli();
            if (domain != lastDomain) {
                // a device asks for one name several times in a row (A, AAAA, HTTPS): noted once
                names.record(domain, household, at);
                lastDomain = domain;
            }
            boolean failed = "NXDOMAIN".equals(lookup.rcode());
            boolean randomLeft = looked.randomLeft();
            if (!failed && !randomLeft || looked.randomByDesign()) {
                continue;
            }
            if (state == null) {
                state = states.of(activity, () -> new State(thresholds));
            }
            String name = looked.name();
            synchronized (state) {
                if (failed) {
                    boolean rare = fleetJudges && names.households(domain) < thresholds.rareBelowHouseholds();
                    state.failedLookup(activity, name, domain, looked.randomDomain(), rare, at, findings);
                }
                if (randomLeft && looked.registrable() > 0) {
                    state.randomSubdomain(activity, name, looked.registrable(), looked.firstDot(), at, findings);
                }
            }
        }
    }

    private static long hash(String s, int from, int to) {
        return LookupNames.hash(s, from, to);
    }

    /**
     * Per device: 32 + twice each slow threshold failed names, and {@value #DOMAINS_TRACKED} domains' subdomain
     * labels.
     */
    private static final class State {
        private final BehaviourThresholds.Dga limits;
        private final RecentDistinct failedDomains = new RecentDistinct(32, WINDOW_MILLIS);
        private final RecentDistinct slowRandomFailed;
        private final RecentDistinct rareFailed;
        /** The device's habit: distinct rare failed domains, a count decaying with {@code baseline-memory}. */
        private double habit;
        private long habitAt;
        private long lastSlowReport = EventTime.NEVER;
        private final String[] failedExamples = new String[3];
        private int nextExample;
        private long lastFailedReport = EventTime.NEVER;
        private SubdomainWatch[] watches;

        State(BehaviourThresholds.Dga limits) {
            this.limits = limits;
            this.slowRandomFailed = new RecentDistinct(2 * limits.minSlowRandomFailed(),
                    limits.slowWindow().toMillis());
            this.rareFailed = new RecentDistinct(2 * limits.minRareFailed(), limits.slowWindow().toMillis());
        }

        void failedLookup(DeviceActivity activity, String name, long domain, boolean randomDomain, boolean rare,
                long at, Consumer<Finding> findings) {
            int failed = failedDomains.add(domain, at, randomDomain ? RANDOM : 0);
            if (randomDomain || rare || failed >= limits.minFailed() / 2) {
                failedExamples[nextExample] = name;
                nextExample = (nextExample + 1) % failedExamples.length;
            }
            int random = failedDomains.countTagged(RANDOM);
            int slow = randomDomain ? slowRandomFailed.add(domain, at, RANDOM) : 0;
            int rareCount = rare ? rareFailedAdd(domain, at) : 0;
            boolean rareTrickle = rare && rareCount >= rareThreshold();
            boolean burst = random >= limits.minRandomFailed() || failed >= limits.minFailed();
            // A bot already reported for a burst is not reported again for the same lookups seen slowly.
            if (!burst && (slow >= limits.minSlowRandomFailed() || rareTrickle)
                    && at - lastSlowReport >= REPORT_EVERY_MILLIS
                    && at - lastFailedReport >= limits.slowWindow().toMillis()) {
                lastSlowReport = at;
                String examples = examples(failedExamples);
                boolean byRarity = rareTrickle && rareCount >= slow;
                Map<String, Object> evidence = Map.of(
                        "pattern", byRarity
                                ? "a steady trickle of lookups of names that do not exist and that almost no other"
                                        + " household asks for"
                                : "a steady trickle of lookups of random-looking names that do not exist",
                        "distinctNames", byRarity ? rareCount : slow,
                        "window", limits.slowWindow().toMinutes() + " min",
                        "examples", examples);
                RecentDistinct window = byRarity ? rareFailed : slowRandomFailed;
                findings.accept(new Finding(activity.device(), AlertType.DGA_LOOKUPS, "nxdomain-trickle",
                        "such as " + examples, evidence, Instant.ofEpochMilli(window.earliest(at)),
                        Instant.ofEpochMilli(at), 1));
            }
            if (burst && at - lastFailedReport >= REPORT_EVERY_MILLIS) {
                lastFailedReport = at;
                String examples = examples(failedExamples);
                Map<String, Object> evidence = Map.of(
                        "pattern", random >= limits.minRandomFailed()
                                ? "lookups of random-looking names that do not exist"
                                : "lookups of many names that do not exist",
                        "distinctNames", failed,
                        "window", WINDOW_SECONDS + " s",
                        "examples", examples);
                findings.accept(new Finding(activity.device(), AlertType.DGA_LOOKUPS, "nxdomain-burst",
                        "such as " + examples, evidence, Instant.ofEpochMilli(failedDomains.earliest(at)),
                        Instant.ofEpochMilli(at), 1));
            }
        }

        /** Counts a rare failed domain, a new one towards the device's habit too; how many the slow window holds. */
        private int rareFailedAdd(long domain, long at) {
            if (!rareFailed.holds(domain, at)) {
                long memory = limits.baselineMemory().toMillis();
                habit = habit * Math.exp(-Math.max(0, at - habitAt) / (double) memory) + 1;
                habitAt = Math.max(habitAt, at);
            }
            return rareFailed.add(domain, at, RANDOM);
        }

        /** The minimum, or the device's usual count per slow window times the factor, whichever is more. */
        private int rareThreshold() {
            double usualPerWindow = habit * limits.slowWindow().toMillis() / limits.baselineMemory().toMillis();
            return Math.max(limits.minRareFailed(), (int) Math.ceil(limits.baselineFactor() * usualPerWindow));
        }

        void randomSubdomain(DeviceActivity activity, String name, int registrable, int firstDot, long at,
                Consumer<Finding> findings) {
            SubdomainWatch watch = watchOf(name, registrable);
            watch.lastSeen = at;
            int distinct = watch.labels.add(hash(name, 0, firstDot), at, 0);
            watch.examples[watch.nextExample] = name;
            watch.nextExample = (watch.nextExample + 1) % watch.examples.length;
            if (distinct >= limits.minRandomSubdomains() && at - watch.lastReport >= REPORT_EVERY_MILLIS) {
                watch.lastReport = at;
                Map<String, Object> evidence = Map.of(
                        "pattern", "random-looking names under " + watch.domain,
                        "distinctNames", distinct,
                        "window", WINDOW_SECONDS + " s",
                        "examples", examples(watch.examples));
                findings.accept(new Finding(activity.device(), AlertType.DGA_LOOKUPS,
                        "random-subdomains:" + watch.domain, "under " + watch.domain, evidence,
                        Instant.ofEpochMilli(watch.labels.earliest(at)), Instant.ofEpochMilli(at), 1));
            }
        }

        private SubdomainWatch watchOf(String name, int registrable) {
            if (watches == null) {
                watches = new SubdomainWatch[DOMAINS_TRACKED];
            }
            long key = hash(name, registrable, name.length());
            int slot = -1;
            for (int i = 0; i < watches.length; i++) {
                SubdomainWatch w = watches[i];
                if (w != null && w.key == key) {
                    return w;
                }
                if (slot < 0 && w == null) {
                    slot = i;
                }
            }
            if (slot < 0) {
                slot = 0;
                for (int i = 1; i < watches.length; i++) {
                    if (watches[i].lastSeen < watches[slot].lastSeen) {
                        slot = i;
                    }
                }
            }
            watches[slot] = new SubdomainWatch(key, name.substring(registrable), limits.minRandomSubdomains());
            return watches[slot];
        }

        private static String examples(String[] names) {
            StringBuilder out = new StringBuilder();
            for (String n : names) {
                if (n != null) {
                    out.append(out.length() == 0 ? "" : ", ").append(n);
                }
            }
            return out.toString();
        }
    }

    /** Random-looking labels seen lately under one registrable domain. */
    private static final class SubdomainWatch {
        private final long key;
        private final String domain;
        private final RecentDistinct labels;
        private final String[] examples = new String[3];
        private int nextExample;
        private long lastSeen;
        private long lastReport = EventTime.NEVER;

        SubdomainWatch(long key, String domain, int minRandomSubdomains) {
            this.labels = new RecentDistinct(2 * minRandomSubdomains, WINDOW_MILLIS);
            this.key = key;
            this.domain = domain;
        }
    }
}
