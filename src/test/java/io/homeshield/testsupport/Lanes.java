package io.homeshield.testsupport;

/**
 * The tags of tests that need a service or a program beyond what the application itself needs in
 * tests (PostgreSQL, and Mosquitto for its own broker connection). The full lane ({@code ./test}, CI)
 * runs every test; the fast lane ({@code ./mvnw verify -Pfast}, for local work) leaves out the tests
 * with these tags, so it needs neither Chromium, nor Keycloak, nor softflowd, nor unbound, and no test
 * talks to the broker itself.
 */
public final class Lanes {

    /** Drives Chromium through Playwright. */
    public static final String BROWSER = "browser";
    /** Talks to the MQTT broker itself (USP agents, routers publishing telemetry). */
    public static final String BROKER = "broker";
    /** Signs in with a real Keycloak, started from the unpacked distribution (Java 21+). */
    public static final String KEYCLOAK = "keycloak";
    /** Exports flows with softflowd to the IPFIX / NetFlow collector. */
    public static final String FLOW_EXPORT = "flow-export";
    /** Runs the unbound resolver against the Response Policy Zone. */
    public static final String UNBOUND = "unbound";

    private Lanes() {
    }
}
