package io.homeshield.intel.rpz;

import java.util.List;

/**
 * Prints how long building the zone file of 100,000 names takes (validation, allow-list, sorting,
 * writing, hashing), after a warm-up: {@code java -cp ... io.homeshield.intel.rpz.RpzBuildBenchmark}.
 */
public final class RpzBuildBenchmark {

    private RpzBuildBenchmark() {
    }

    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        List<String> names = ZoneNames.generated(count);
        ZoneText text = new ZoneText(new ZonePolicy("homeshield.rpz", null, List.of("example-3.net"), 300, 300));
        for (int i = 0; i < 5; i++) {
            text.zoneFile(1, text.records(names));
        }
        int rounds = 10;
        long start = System.nanoTime();
        int bytes = 0;
        for (int i = 0; i < rounds; i++) {
            bytes = text.zoneFile(i, text.records(names)).length;
        }
        double millis = (System.nanoTime() - start) / 1e6 / rounds;
        System.out.printf("%d names: %.1f ms per build, %d bytes%n", count, millis, bytes);
    }
}
