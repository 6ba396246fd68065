package io.homeshield.detection;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import io.homeshield.alert.AlertType;
import io.homeshield.alert.Finding;
import io.homeshield.telemetry.wire.DnsEvent;

/**
 * Flags the lookups of malware that invents domain names to find its controller (a domain
 * generation algorithm): within {@value #WINDOW_SECONDS} s, failed lookups (NXDOMAIN) of
 * {@value #MIN_RANDOM_FAILED} random-looking registrable domains, or of {@value #MIN_FAILED}
 * registrable domains of any look; or {@value #MIN_RANDOM_SUBDOMAINS} random-looking names under
 * one registrable domain. Registrable domains come from the Public Suffix List; names under CDNs
 * that are random by design never count, nor do local and reverse-lookup names.
 */
@ApplicationScoped
class DgaDetector implements Detector {

    static final int WINDOW_SECONDS = 60;
    static final int MIN_RANDOM_FAILED = 8;
    static final int MIN_FAILED = 25;
    static final int MIN_RANDOM_SUBDOMAINS = 12;
    private static final long WINDOW_MILLIS = WINDOW_SECONDS * 1000L;
    private static final long REPORT_EVERY_MILLIS = 10 * 60_000L;
    private static final int RANDOM = 1;
    private static final int DOMAINS_TRACKED = 4;

    private final PublicSuffixList suffixes;
    private final LabelRandomness randomness;
    private final RandomLabelDomains randomByDesign;
    private final DeviceStates<State> states;

    DgaDetector() {
        this(PublicSuffixList.bundled(), LabelRandomness.bundled(), RandomLabelDomains.bundled(),
                DeviceStates.DEFAULT_CAPACITY);
    }

    DgaDetector(PublicSuffixList suffixes, LabelRandomness randomness, RandomLabelDomains randomByDesign,
            int maxDevices) {
        this.suffixes = suffixes;
        this.randomness = randomness;
        this.randomByDesign = randomByDesign;
        this.states = new DeviceStates<>(maxDevices);
    }

    @Override
    public void inspect(DeviceActivity activity, Consumer<Finding> findings) {
        State state = null;
        for (DnsEvent lookup : activity.lookups()) {
            String name = normalised(lookup.query());
            int firstDot = name.indexOf('.');
            if (firstDot < 0 || name.endsWith(".arpa")) {
                continue;
            }
            boolean failed = "NXDOMAIN".equals(lookup.rcode());
            boolean randomLeft = randomness.looksRandom(name, 0, firstDot);
            if (!failed && !randomLeft || randomByDesign.covers(name)) {
                continue;
            }
            int registrable = suffixes.registrableStart(name);
            if (registrable < 0) {
                continue;
            }
            if (state == null) {
                state = states.of(activity, State::new);
            }
            long at = activity.timeOf(lookup).toEpochMilli();
            synchronized (state) {
                if (failed) {
                    boolean randomDomain = randomness.looksRandom(name, registrable, name.indexOf('.', registrable));
                    state.failedLookup(activity, name, registrable, randomDomain, at, findings);
                }
                if (randomLeft && registrable > 0) {
                    state.randomSubdomain(activity, name, registrable, firstDot, at, findings);
                }
            }
        }
    }

    private static String normalised(String query) {
        String name = query.endsWith(".") ? query.substring(0, query.length() - 1) : query;
        for (int i = 0; i < name.length(); i++) {
            if (Character.isUpperCase(name.charAt(i))) {
                return name.toLowerCase(Locale.ROOT);
            }
        }
        return name;
    }

    private static long hash(String s, int from, int to) {
        long h = 0xcbf29ce484222325L;
        for (int i = from; i < to; i++) {
            h = (h ^ s.charAt(i)) * 0x100000001b3L;
        }
        return h;
    }

    private static final class State {
        private final RecentDistinct failedDomains = new RecentDistinct(32, WINDOW_MILLIS);
        private final String[] failedExamples = new String[3];
        private int nextExample;
        private long lastFailedReport = EventTime.NEVER;
        private SubdomainWatch[] watches;

        void failedLookup(DeviceActivity activity, String name, int registrable, boolean randomDomain, long at,
                Consumer<Finding> findings) {
            int failed = failedDomains.add(hash(name, registrable, name.length()), at, randomDomain ? RANDOM : 0);
            if (randomDomain || failed >= MIN_FAILED / 2) {
                failedExamples[nextExample] = name;
                nextExample = (nextExample + 1) % failedExamples.length;
            }
            int random = failedDomains.countTagged(RANDOM);
            if ((random >= MIN_RANDOM_FAILED || failed >= MIN_FAILED) && at - lastFailedReport >= REPORT_EVERY_MILLIS) {
                lastFailedReport = at;
                String examples = examples(failedExamples);
                Map<String, Object> evidence = Map.of(
                        "pattern", random >= MIN_RANDOM_FAILED
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

        void randomSubdomain(DeviceActivity activity, String name, int registrable, int firstDot, long at,
                Consumer<Finding> findings) {
            SubdomainWatch watch = watchOf(name, registrable);
            watch.lastSeen = at;
            int distinct = watch.labels.add(hash(name, 0, firstDot), at, 0);
            watch.examples[watch.nextExample] = name;
            watch.nextExample = (watch.nextExample + 1) % watch.examples.length;
            if (distinct >= MIN_RANDOM_SUBDOMAINS && at - watch.lastReport >= REPORT_EVERY_MILLIS) {
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
            watches[slot] = new SubdomainWatch(key, name.substring(registrable));
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
        private final RecentDistinct labels = new RecentDistinct(2 * MIN_RANDOM_SUBDOMAINS, WINDOW_MILLIS);
        private final String[] examples = new String[3];
        private int nextExample;
        private long lastSeen;
        private long lastReport = EventTime.NEVER;

        SubdomainWatch(long key, String domain) {
            this.key = key;
            this.domain = domain;
        }
    }
}
