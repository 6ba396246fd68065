package io.homeshield.alert;

public enum Severity {
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL
}
