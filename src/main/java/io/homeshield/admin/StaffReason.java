package io.homeshield.admin;

/**
 * Why staff act on a household's behalf or change the fleet: required, written out, and short
 * enough to keep. The household reads it in its activity log.
 */
record StaffReason(String value) {

    static final int MIN = 10;
    static final int MAX = 500;

    StaffReason {
        value = value == null ? "" : value.strip().replaceAll("\\s+", " ");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("Give a reason: the household sees it in its activity log.");
        }
        if (value.length() < MIN) {
            throw new IllegalArgumentException("Write the reason out (at least " + MIN + " characters), for example"
                    + " the ticket number and what the customer asked for.");
        }
        if (value.length() > MAX) {
            throw new IllegalArgumentException("Keep the reason under " + MAX + " characters.");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
