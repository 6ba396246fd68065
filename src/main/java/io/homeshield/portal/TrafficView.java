package io.homeshield.portal;

import java.util.List;

import io.homeshield.inventory.DeviceActivityQueries.HourlyTraffic;

/**
 * A device's traffic over a range ("24h" or "7d"): the hours with traffic for the table, a caption with totals,
 * and the JSON the chart script reads (safe to embed in a script element).
 */
public record TrafficView(String range, List<HourlyTraffic> hours, String caption, String json) {

    static final List<String> RANGES = List.of("24h", "7d");

    public List<String> ranges() {
        return RANGES;
    }
}
