package io.homeshield.activity;

import java.util.Comparator;
import java.util.List;

import io.homeshield.alert.Alert;

/** An alert in a list, with the name of the device it concerns and whether that device is already quarantined. */
public record AlertRow(Alert alert, String deviceName, boolean deviceQuarantined) {

    /** Alerts still asking for a decision first, then the most serious, then the newest, then by id. */
    static final Comparator<AlertRow> ATTENTION_FIRST = Comparator.comparing(AlertRow::deviceQuarantined)
            .thenComparing(r -> r.alert().severity, Comparator.reverseOrder())
            .thenComparing(r -> r.alert().firstSeen, Comparator.reverseOrder())
            .thenComparing(r -> r.alert().id);

    public AlertRow(Alert alert, String deviceName) {
        this(alert, deviceName, false);
    }

    public static List<AlertRow> attentionFirst(List<AlertRow> rows) {
        return rows.stream().sorted(ATTENTION_FIRST).toList();
    }
}
