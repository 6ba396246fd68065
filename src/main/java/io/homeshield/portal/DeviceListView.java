package io.homeshield.portal;

import java.util.List;

import io.homeshield.activity.DeviceRow;

/** The device list as filtered: {@code rows} of {@code total}, the search words and the chosen state. */
public record DeviceListView(List<DeviceRow> rows, int total, String query, String show, List<String> filters) {

    /** Nothing filtered out: the browser may filter the list itself. */
    public boolean complete() {
        return rows.size() == total;
    }
}
