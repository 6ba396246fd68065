package io.homeshield.audit;

/** Who did something, and in which role: a subscriber, provider staff, a rule, the system. */
public record Actor(String id, String role) {

    public static final Actor SYSTEM = new Actor("homeshield", "system");

    public static Actor subscriber(String subject) {
        return new Actor(subject, "subscriber");
    }
}
