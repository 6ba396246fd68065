package io.homeshield.portal;

import java.util.List;

import io.homeshield.activity.AlertRow;

/** Alerts needing attention, and one page of the dealt-with ones. */
public record AlertListView(List<AlertRow> active, List<AlertRow> history, int page, boolean hasOlder) {
}
