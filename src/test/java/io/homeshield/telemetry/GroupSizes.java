package io.homeshield.telemetry;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;

/** The mean number of batches per committed group over a stretch, from {@code homeshield.ingest.group.batches}. */
final class GroupSizes {

    private final MeterRegistry registry;
    private final long groups;
    private final double batches;

    private GroupSizes(MeterRegistry registry) {
        this.registry = registry;
        DistributionSummary summary = summary(registry);
        this.groups = summary == null ? 0 : summary.count();
        this.batches = summary == null ? 0 : summary.totalAmount();
    }

    static GroupSizes of(MeterRegistry registry) {
        return new GroupSizes(registry);
    }

    /** Batches per group committed since this reading; 0 where no group was committed. */
    double meanSince() {
        DistributionSummary summary = summary(registry);
        long groupsNow = summary == null ? 0 : summary.count();
        return groupsNow == groups ? 0 : (summary.totalAmount() - batches) / (groupsNow - groups);
    }

    private static DistributionSummary summary(MeterRegistry registry) {
        return registry.find("homeshield.ingest.group.batches").summary();
    }
}
