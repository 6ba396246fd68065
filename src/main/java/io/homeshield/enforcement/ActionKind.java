package io.homeshield.enforcement;

public enum ActionKind {
    QUARANTINE,
    RELEASE
}
