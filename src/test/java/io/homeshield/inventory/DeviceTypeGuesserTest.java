package io.homeshield.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeviceTypeGuesserTest {

    private final DeviceTypeGuesser guesser = new DeviceTypeGuesser();

    @ParameterizedTest(name = "{1} by {0} is a {2}")
    @CsvSource(nullValues = "-", value = {
            "'Apple, Inc.', Alices-iPhone, PHONE",
            "'Apple, Inc.', Alices-MacBook-Air, LAPTOP",
            "'Apple, Inc.', Toms-iPad, TABLET",
            "'Apple, Inc.', Living-Room-Apple-TV, TV",
            "'Samsung Electronics Co.,Ltd', Galaxy-S23, PHONE",
            "'Samsung Electronics Co.,Ltd', Galaxy-Tab-S8, TABLET",
            "'Samsung Electronics Co.,Ltd', Samsung-TV, TV",
            "'LG Electronics', LGwebOSTV, TV",
            "'LCFC(HeFei) Electronics Technology co., ltd', LAPTOP-8F3K2LQ1, LAPTOP",
            "'Dell Inc.', DESKTOP-4H7D0QJ, DESKTOP",
            "'HP Inc.', HP-LaserJet-M15w, PRINTER",
            "'HP Inc.', HP3A1F0C, PRINTER",
            "'Brother industries, LTD.', BRN001BA9E4C2D1, PRINTER",
            "'Hangzhou Hikvision Digital Technology Co.,Ltd.', IPCAM-4F2A, CAMERA",
            "'Google, Inc.', Nest-Cam-Garage, CAMERA",
            "'Google, Inc.', Nest-Audio, SPEAKER",
            "'Nest Labs Inc.', Nest-Thermostat-3C1A, THERMOSTAT",
            "'Synology Incorporated', DiskStation, NAS",
            "-, backup-nas, NAS",
            "'Nintendo Co.,Ltd', Nintendo-Switch, GAME_CONSOLE",
            "'Sony Interactive Entertainment Inc.', PS5-123, GAME_CONSOLE",
            "'Espressif Inc.', ESP_1A2B3C, IOT",
            "'Xiaomi Communications Co Ltd', roborock-vacuum-s5, IOT",
            "-, shelly-plug-s, SMART_PLUG",
            "-, android-5f2c9a1e7b3d4c60, PHONE" })
    void theHostnameSaysWhatTheDeviceIs(String vendor, String hostname, DeviceType expected) {
        assertEquals(expected, guesser.guess(vendor, hostname));
    }

    @ParameterizedTest(name = "a device by {0} without a telling name is a {1}")
    @CsvSource({
            "'Hangzhou Hikvision Digital Technology Co.,Ltd.', CAMERA",
            "'Nest Labs Inc.', THERMOSTAT",
            "'Amazon Technologies Inc.', SPEAKER",
            "'Sonos, Inc.', SPEAKER",
            "'Synology Incorporated', NAS",
            "'Nintendo Co.,Ltd', GAME_CONSOLE",
            "'Seiko Epson Corporation', PRINTER",
            "'LG Electronics', TV",
            "'LG Electronics (Mobile Communications)', PHONE",
            "'Xiaomi Communications Co Ltd', PHONE",
            "'LCFC(HeFei) Electronics Technology co., ltd', LAPTOP",
            "'Espressif Inc.', IOT",
            "'Apple, Inc.', UNKNOWN" })
    void withoutAHostnameTheVendorDecides(String vendor, DeviceType expected) {
        assertEquals(expected, guesser.guess(vendor, null));
        assertEquals(expected, guesser.guess(vendor, "  "));
    }

    @ParameterizedTest(name = "{1} by {0} stays UNKNOWN")
    @CsvSource(nullValues = "-", value = {
            "-, -",
            "-, host-17",
            "'Placer Systems', -",
            "'Acme Widgets', tvheadend-box" })
    void withNothingToGoOnTheTypeIsUnknown(String vendor, String hostname) {
        assertEquals(DeviceType.UNKNOWN, guesser.guess(vendor, hostname));
    }
}
