package io.homeshield.admin;

import java.time.LocalDate;
import java.util.List;

import io.homeshield.inventory.DeviceType;
import io.homeshield.inventory.ManagementChannel;

/** What the analysts' fleet dashboard shows. */
public record FleetView(int days, List<LocalDate> dayAxis, List<TypeSeries> alertsByType, String chartSvg,
        List<InfectedKind> infected, List<IndicatorHits> topIndicators, List<ChannelActions> actionsByChannel) {

    /** Alerts of one type opened per day, in the order of {@link FleetView#dayAxis()}. */
    public record TypeSeries(String type, String title, String colour, List<Long> perDay) {
        public long total() {
            return perDay.stream().mapToLong(Long::longValue).sum();
        }
    }

    /** @param vendor null when the vendor is not known */
    public record InfectedKind(String vendor, DeviceType deviceType, long devices) {
    }

    /** @param title the alert type's title in the page's language */
    public record IndicatorHits(String indicator, String title, long households, long occurrences) {
    }

    public record ChannelActions(ManagementChannel channel, long waiting, long sent, long failed) {
    }
}
