package io.homeshield.intel;

/** A destination a feed lists as malicious: what it is, its value as listed, and which feed says so. */
public record Indicator(IndicatorKind kind, String value, String feed) {
}
