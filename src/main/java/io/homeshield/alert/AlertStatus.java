package io.homeshield.alert;

public enum AlertStatus {
    OPEN,
    RESOLVED,
    DISMISSED
}
