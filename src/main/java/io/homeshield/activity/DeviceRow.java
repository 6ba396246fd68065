package io.homeshield.activity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.homeshield.inventory.Device;
import io.homeshield.inventory.DeviceNames;

/**
 * A device in a list, with what needs saying about it at a glance; {@code isNew}: joined in the last day, after its
 * router's first inventory.
 */
public record DeviceRow(Device device, boolean quarantined, boolean flagged, boolean isNew) {

    /** Devices needing attention first (flagged, then quarantined), then by name, then by MAC address. */
    static final Comparator<DeviceRow> ATTENTION_FIRST = Comparator.comparingInt(DeviceRow::rank)
            .thenComparing(r -> DeviceNames.friendlyName(r.device()), String.CASE_INSENSITIVE_ORDER)
            .thenComparing(r -> r.device().mac);

    /** The states a list can be filtered by. */
    public static final List<String> FILTERS = List.of("all", "online", "flagged", "quarantined", "new");

    private int rank() {
        return flagged && !quarantined ? 0 : quarantined ? 1 : 2;
    }

    /** Reachable while quarantined: cut off from everything but the router, which is not "online" as usual. */
    public boolean isolatedOnline() {
        return quarantined && device.online;
    }

    /** The words a search matches: names, vendor, addresses. */
    public String searchText() {
        return Stream.of(DeviceNames.friendlyName(device), device.hostname, DeviceNames.maker(device), device.vendor,
                device.ipAddress, device.mac)
                .filter(s -> s != null && !s.isBlank()).collect(Collectors.joining(" "));
    }

    public String tags() {
        List<String> tags = new ArrayList<>();
        tags.add(device.online ? "online" : "offline");
        if (flagged) {
            tags.add("flagged");
        }
        if (quarantined) {
            tags.add("quarantined");
        }
        if (isNew) {
            tags.add("new");
        }
        return String.join(" ", tags);
    }

    public boolean matches(String query, String show) {
        String text = searchText().toLowerCase(Locale.ROOT);
        for (String word : (query == null ? "" : query).toLowerCase(Locale.ROOT).split("\\s+")) {
            if (!word.isEmpty() && !text.contains(word)) {
                return false;
            }
        }
        return show == null || show.equals("all") || List.of(tags().split(" ")).contains(show);
    }
}
