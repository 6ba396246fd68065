package io.homeshield.portal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.homeshield.inventory.Device;

/** A device in a list, with what needs saying about it at a glance; {@code isNew}: first seen in the last day. */
public record DeviceRow(Device device, boolean quarantined, boolean flagged, boolean isNew) {

    /** The states a list can be filtered by. */
    static final List<String> FILTERS = List.of("all", "online", "flagged", "quarantined", "new");

    /** The words a search matches: names, vendor, addresses. */
    public String searchText() {
        return Stream.of(device.displayName(), device.hostname, device.vendor, device.ipAddress, device.mac)
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

    boolean matches(String query, String show) {
        String text = searchText().toLowerCase(Locale.ROOT);
        for (String word : (query == null ? "" : query).toLowerCase(Locale.ROOT).split("\\s+")) {
            if (!word.isEmpty() && !text.contains(word)) {
                return false;
            }
        }
        return show == null || show.equals("all") || List.of(tags().split(" ")).contains(show);
    }
}
