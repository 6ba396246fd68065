package io.homeshield.intel;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import io.homeshield.net.DomainName;
import io.homeshield.net.IpAddress;

/**
 * Measures matching with millions of indicators: 2,000,000 domains, 200,000 single IPv4
 * addresses and 100,000 IPv4 CIDR ranges (some nested), looked up by names of three to five
 * labels (mostly misses, as in real traffic) and by addresses. Prints build time, heap held, and
 * CPU nanoseconds per lookup, beside a plain hash map walked with substrings for comparison.
 *
 * <pre>
 * ./mvnw test-compile
 * java -Xmx3g -cp target/classes:target/test-classes io.homeshield.intel.MatchingBenchmark
 * </pre>
 */
public final class MatchingBenchmark {

    private static final int DOMAINS = 2_000_000;
    private static final int ADDRESSES = 200_000;
    private static final int RANGES = 100_000;
    private static final int QUERIES = 1 << 20;
    private static final String[] TLDS = { "com", "net", "org", "ru", "cn", "info", "xyz", "top", "de", "co.uk" };

    private static volatile Object sink;

    public static void main(String[] args) {
        Random random = new Random(42);
        long before = usedHeap();
        long started = cpuNanos();
        FeedIndicators.Builder feed = FeedIndicators.builder();
        String[] listed = new String[DOMAINS];
        for (int i = 0; i < DOMAINS; i++) {
            listed[i] = label(random, 6, 14) + (random.nextInt(4) == 0 ? "." + label(random, 3, 8) : "") + "."
                    + TLDS[random.nextInt(TLDS.length)];
            feed.domain(DomainName.of(listed[i]));
        }
        for (int i = 0; i < ADDRESSES; i++) {
            feed.address(IpAddress.of(v4(random.nextInt())));
        }
        for (int i = 0; i < RANGES; i++) {
            int length = 16 + random.nextInt(13);
            feed.range(new Cidr(false, 0, random.nextInt() & 0xFFFF_FFFFL, length), Validity.ALWAYS);
        }
        FeedIndicators content = feed.build();
        long parsed = cpuNanos();
        IndicatorSet.Builder builder = IndicatorSet.builder(DOMAINS + 1000);
        content.addTo(builder, "benchmark", java.time.Instant.now());
        IndicatorSet set = builder.build();
        long built = cpuNanos();
        long after = usedHeap();
        System.out.printf("indicators: %,d in the set (%,d domains, %,d addresses, %,d ranges)%n", set.size(),
                DOMAINS, ADDRESSES, RANGES);
        System.out.printf("build (CPU time): feed content %d ms, matching set %d ms%n", (parsed - started) / 1_000_000,
                (built - parsed) / 1_000_000);
        System.out.printf("heap held by feed content and set: %,d MB (%d bytes per indicator)%n",
                (after - before) >> 20, (after - before) / set.size());

        DomainName[] names = new DomainName[QUERIES];
        IpAddress[] addresses = new IpAddress[QUERIES];
        int hits = 0;
        for (int i = 0; i < QUERIES; i++) {
            boolean hit = random.nextInt(100) < 2;
            String name = hit ? "www." + listed[random.nextInt(DOMAINS)]
                    : label(random, 3, 8) + "." + label(random, 4, 10) + "." + label(random, 5, 12) + "."
                            + TLDS[random.nextInt(TLDS.length)];
            hits += hit ? 1 : 0;
            names[i] = DomainName.of(name);
            addresses[i] = IpAddress.of(v4(random.nextInt()));
        }
        Map<String, Indicator> plain = plainMap(listed);
        System.out.printf("queries: %,d names (%d%% listed), %,d addresses%n", QUERIES, hits * 100 / QUERIES, QUERIES);
        for (int round = 1; round <= 5; round++) {
            double domain = time(() -> {
                int found = 0;
                for (DomainName name : names) {
                    found += set.match(name).isPresent() ? 1 : 0;
                }
                return found;
            });
            double address = time(() -> {
                int found = 0;
                for (IpAddress ip : addresses) {
                    found += set.match(ip).isPresent() ? 1 : 0;
                }
                return found;
            });
            double baseline = time(() -> {
                int found = 0;
                for (DomainName name : names) {
                    found += plainMatch(plain, name) != null ? 1 : 0;
                }
                return found;
            });
            System.out.printf("round %d (CPU time): name %.0f ns/lookup, address %.0f ns/lookup; hash map with "
                    + "substrings %.0f ns/lookup%n",
                    round, domain, address, baseline);
        }
        sink = set;
    }

    /** CPU time of this thread per lookup: other work on a shared machine does not inflate it. */
    private static double time(java.util.function.IntSupplier lookups) {
        long started = cpuNanos();
        sink = lookups.getAsInt();
        return (cpuNanos() - started) / (double) QUERIES;
    }

    private static long cpuNanos() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    /** The matcher this one replaced: a hash map walked from the name up through its parents. */
    private static Map<String, Indicator> plainMap(String[] listed) {
        Map<String, Indicator> map = new HashMap<>();
        for (String name : listed) {
            map.put(name, new Indicator(IndicatorKind.DOMAIN, name, "benchmark"));
        }
        return map;
    }

    private static Indicator plainMatch(Map<String, Indicator> map, DomainName name) {
        String value = name.value();
        while (true) {
            Indicator hit = map.get(value);
            if (hit != null) {
                return hit;
            }
            int dot = value.indexOf('.');
            if (dot < 0) {
                return null;
            }
            value = value.substring(dot + 1);
        }
    }

    private static String label(Random random, int min, int max) {
        char[] label = new char[min + random.nextInt(max - min + 1)];
        for (int i = 0; i < label.length; i++) {
            label[i] = (char) ('a' + random.nextInt(26));
        }
        return new String(label);
    }

    private static String v4(int bits) {
        return (bits >>> 24) + "." + (bits >>> 16 & 255) + "." + (bits >>> 8 & 255) + "." + (bits & 255);
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
