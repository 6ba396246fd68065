package io.homeshield.telemetry.flowexport;

import java.time.Instant;

/**
 * Turns the times a record carries into instants. NetFlow v9 and softflowd's default IPFIX give
 * times relative to the exporter's boot ({@code flowStartSysUpTime}); the boot time comes from the
 * v9 header, or for IPFIX from the exporter's {@code systemInitTimeMilliseconds} option record.
 */
record ExportClock(long exportMillis, long bootMillis) {

    static final long UNKNOWN = Long.MIN_VALUE;

    static ExportClock netflowV9(long unixSeconds, long sysUptimeMillis) {
        long export = unixSeconds * 1000;
        return new ExportClock(export, export - sysUptimeMillis);
    }

    static ExportClock ipfix(long exportSeconds, long systemInitMillis) {
        return new ExportClock(exportSeconds * 1000, systemInitMillis);
    }

    ExportClock withBoot(long bootTime) {
        return new ExportClock(exportMillis, bootTime);
    }

    Instant exported() {
        return Instant.ofEpochMilli(exportMillis);
    }

    /** An uptime-relative time; without a known boot time the export time is the best estimate. */
    Instant sinceBoot(long uptimeMillis) {
        return Instant.ofEpochMilli(bootMillis == UNKNOWN ? exportMillis : bootMillis + uptimeMillis);
    }
}
