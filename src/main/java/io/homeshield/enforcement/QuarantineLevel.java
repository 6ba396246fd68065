package io.homeshield.enforcement;

public enum QuarantineLevel {
    /** Cut the device off the network entirely. */
    FULL,
    /** Keep it on the LAN but away from the internet, where the router supports it. */
    INTERNET_ONLY
}
