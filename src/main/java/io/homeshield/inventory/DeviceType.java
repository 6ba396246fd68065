package io.homeshield.inventory;

/** What kind of thing a device is, as far as the vendor and name tell. */
public enum DeviceType {
    PHONE,
    LAPTOP,
    DESKTOP,
    TABLET,
    TV,
    CAMERA,
    THERMOSTAT,
    SPEAKER,
    PRINTER,
    GAME_CONSOLE,
    SMART_PLUG,
    NAS,
    IOT,
    UNKNOWN
}
