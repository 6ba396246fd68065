package io.homeshield.simulator.scenario;

/**
 * The kinds of device a home has, with a vendor prefix for their MAC addresses (phones randomise
 * theirs); {@link #ROUTER} is the home's router itself, whose own settings can be attacked.
 */
public enum DeviceKind {
    PHONE(null),
    LAPTOP("3C:22:FB"),
    TV("8C:79:F5"),
    STREAMING_STICK("F4:F5:D8"),
    SMART_SPEAKER("F0:F0:A4"),
    CAMERA("44:19:B6"),
    GAME_CONSOLE("70:9E:29"),
    NAS("00:11:32"),
    THERMOSTAT("EC:FA:BC"),
    PRINTER("A0:8C:FD"),
    ROUTER(null);

    private final String oui;

    DeviceKind(String oui) {
        this.oui = oui;
    }

    String oui() {
        return oui;
    }
}
