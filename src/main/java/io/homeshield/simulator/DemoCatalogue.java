package io.homeshield.simulator;

import static io.homeshield.simulator.TrafficProfile.*;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.homeshield.household.HouseholdKind;
import io.homeshield.net.DomainName;
import io.homeshield.net.MacAddress;
import io.homeshield.simulator.DemoHousehold.DemoRouter;
import io.homeshield.simulator.DemoHousehold.Owner;

/**
 * The demo customers. Device addresses carry the manufacturers' real IEEE prefixes; the phones
 * with a locally administered address stand for the randomised "private Wi-Fi address" modern
 * phones use. Hostnames are what such devices really send to a DHCP server.
 */
final class DemoCatalogue {

    private DemoCatalogue() {
    }

    /** Listed in the bundled URLhaus feed; the Meyers' camera is part of a botnet and checks in with it. */
    static final Destination BOTNET_CONTROLLER =
            Destination.tcp("uraniumc2.ddns.net", "203.0.113.66", 23, Destination.Volume.BEACON);

    static final String MEYER = "HS-100001";
    static final String KAYA = "HS-100002";
    static final String BAKERY = "HS-200001";

    /** The Meyers' camera: a Hikvision, named after the last two octets of its address as such cameras are. */
    static final MacAddress MEYER_CAMERA = MacAddress.of("E0:CA:3C:71:4F:2A");

    /** The Meyers' laptop: five days ago it looked up a malware host, was isolated for a day and cleaned. */
    static final PastIncident MEYER_LAPTOP_INCIDENT = new PastIncident(MacAddress.of("E8:6A:64:D3:18:9F"),
            "crystalpvp.ru", Duration.ofDays(5).minusHours(3), Duration.ofHours(24), Duration.ofHours(30),
            "Virus scan removed a fake game installer; passwords changed.");

    /** What happened in a demo household during the week before the demo, if anything worth an alert. */
    static Optional<PastIncident> incidentOf(DemoHousehold household) {
        return household.devices().stream().anyMatch(d -> d.mac().equals(MEYER_LAPTOP_INCIDENT.device()))
                ? Optional.of(MEYER_LAPTOP_INCIDENT) : Optional.empty();
    }

    /** Domains a demo household blocks for every device: the Meyers keep the speaker's usage metrics at home. */
    static List<DomainName> blockedDomainsOf(DemoHousehold household) {
        return household.accountNumber().equals(MEYER) ? List.of(Destinations.ALEXA_METRICS.name()) : List.of();
    }

    static List<DemoHousehold> households() {
        return List.of(meyer(), kaya(), bakery());
    }

    private static DemoHousehold meyer() {
        return new DemoHousehold(MEYER, "Meyer family", HouseholdKind.HOME,
                Optional.of(new Owner("alice", "Alice Meyer")),
                new DemoRouter("LK2234DP408117", "Sagemcom F@st 5690 Pro", "SG8X10001732"),
                List.of(
                        DemoDevice.of("3C:22:FB:9A:41:C7", "192.168.1.21", "Alices-iPhone", IPHONE),
                        DemoDevice.of("8C:79:F5:2E:B0:53", "192.168.1.22", "Galaxy-S23", ANDROID_PHONE),
                        DemoDevice.of("DA:A1:19:5C:07:3E", "192.168.1.23", "Pixel-7a", ANDROID_PHONE),
                        DemoDevice.of("E8:6A:64:D3:18:9F", "192.168.1.30", "LAPTOP-8F3K2LQ1", WINDOWS_LAPTOP),
                        DemoDevice.of("20:17:42:6B:E2:04", "192.168.1.40", "LGwebOSTV", LG_TV),
                        DemoDevice.of("18:B4:30:5F:3C:1A", "192.168.1.41", "Nest-Thermostat-3C1A", NEST_THERMOSTAT),
                        DemoDevice.of("F8:0D:AC:47:9E:21", "192.168.1.42", "HP-LaserJet-M15w", HP_PRINTER),
                        new DemoDevice(MEYER_CAMERA, "192.168.1.43", "IPCAM-4F2A", HIKVISION_CAMERA,
                                List.of(BOTNET_CONTROLLER)),
                        DemoDevice.of("68:DB:F5:8C:21:D6", "192.168.1.44", "amazon-8c21d6e4f", ECHO),
                        DemoDevice.of("00:11:32:A7:6E:15", "192.168.1.50", "DiskStation", SYNOLOGY_NAS),
                        DemoDevice.of("98:E8:FA:13:5B:C2", "192.168.1.51", "Nintendo-Switch", NINTENDO_SWITCH)));
    }

    private static DemoHousehold kaya() {
        return new DemoHousehold(KAYA, "Kaya household", HouseholdKind.HOME,
                Optional.of(new Owner("bob", "Bob Kaya")),
                new DemoRouter("B424.915.40.221.487", "AVM FRITZ!Box 7590 AX", "FRITZ!OS 7.57"),
                List.of(
                        DemoDevice.of("BC:47:60:0D:92:6A", "192.168.178.20", "Galaxy-A54", ANDROID_PHONE),
                        DemoDevice.of("3E:8B:07:D4:15:F0", "192.168.178.21", "iPhone", IPHONE),
                        DemoDevice.of("3C:22:FB:05:7D:E8", "192.168.178.22", "Bobs-MacBook-Pro", MACBOOK),
                        DemoDevice.of("3C:22:FB:B1:60:2C", "192.168.178.23", "Elifs-iPad", IPAD),
                        DemoDevice.of("8C:79:F5:74:AA:09", "192.168.178.30", "Samsung-TV", SAMSUNG_TV),
                        DemoDevice.of("00:1F:A7:3D:8B:21", "192.168.178.31", "PS5-8B21", PLAYSTATION),
                        DemoDevice.of("54:2A:1B:E6:30:9D", "192.168.178.32", "SonosZP", SONOS),
                        DemoDevice.of("A4:45:19:62:C8:17", "192.168.178.33", "roborock-vacuum-s5", ROBOT_VACUUM)));
    }

    private static DemoHousehold bakery() {
        return new DemoHousehold(BAKERY, "Bäckerei Sonnenschein", HouseholdKind.SME, Optional.empty(),
                new DemoRouter("S220Y43012845", "Zyxel VMG8825-T50", "V5.50(ABPY.1)b21"),
                List.of(
                        DemoDevice.of("98:E7:43:1F:6C:D0", "192.168.1.10", "DESKTOP-BUERO01", OFFICE_PC),
                        DemoDevice.of("00:13:39:08:4A:77", "192.168.1.11", "CCV-A920-4A77", CARD_TERMINAL),
                        DemoDevice.of("3C:2A:F4:8C:1D:0E", "192.168.1.12", "BRN3C2AF48C1D0E", BROTHER_PRINTER),
                        DemoDevice.of("24:6F:28:7A:1C:3E", "192.168.1.13", "ESP_7A1C3E", SENSOR),
                        DemoDevice.of("54:2A:1B:19:D4:B2", "192.168.1.14", "SonosZP", SONOS),
                        DemoDevice.of("BC:47:60:A9:3E:51", "192.168.1.20", "Galaxy-S22", ANDROID_PHONE),
                        DemoDevice.of("72:1F:C4:90:5B:E3", "192.168.1.21", null, ANDROID_PHONE)));
    }
}
