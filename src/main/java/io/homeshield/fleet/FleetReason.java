package io.homeshield.fleet;

/** Why an analyst changes the fleet: required, written out, short enough to keep in the audit log. */
public record FleetReason(String value) {

    public FleetReason {
        value = value == null ? "" : value.strip().replaceAll("\\s+", " ");
        if (value.length() < 10) {
            throw new IllegalArgumentException("Write the reason out (at least 10 characters), for example the"
                    + " ticket number and why the fleet needs it.");
        }
        if (value.length() > 500) {
            throw new IllegalArgumentException("Keep the reason under 500 characters.");
        }
    }
}
