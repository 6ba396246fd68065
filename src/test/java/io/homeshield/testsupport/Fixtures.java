package io.homeshield.testsupport;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.inject.spi.CDI;

import io.homeshield.alert.Alert;
import io.homeshield.alert.AlertStatus;
import io.homeshield.alert.Severity;
import io.homeshield.household.Household;
import io.homeshield.household.HouseholdId;
import io.homeshield.household.HouseholdKind;
import io.homeshield.household.HouseholdMember;
import io.homeshield.household.MemberRole;
import io.homeshield.inventory.Device;
import io.homeshield.inventory.DeviceType;
import io.homeshield.inventory.ManagementChannel;
import io.homeshield.inventory.Router;
import io.homeshield.net.MacAddress;
import io.homeshield.telemetry.RouterCredentials;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Builds test data in its own committed transaction. Each test class uses its own subjects
 * (e.g. "api-alice"), so tests never depend on one another's data.
 */
public final class Fixtures {

    private Fixtures() {
    }

    /** A household with a router, whose {@code routerSecret} authenticates telemetry. */
    public record TestHousehold(HouseholdId id, UUID routerId, String routerSecret) {
    }

    /** The household of {@code subject} (created with the given role if the subject has none), with a fresh router. */
    public static TestHousehold household(String subject, MemberRole role) {
        return QuarkusTransaction.requiringNew().call(() -> {
            HouseholdMember member = HouseholdMember.findBySubject(subject);
            HouseholdId id;
            if (member == null) {
                Household household = new Household("T-" + unique(), "Household of " + subject, HouseholdKind.HOME,
                        Instant.now());
                household.persist();
                id = household.householdId();
                new HouseholdMember(id, subject, subject, role, Instant.now()).persist();
            } else {
                id = new HouseholdId(member.householdId);
            }
            Router router = new Router(id, "SN-" + unique(), "HS-Box 7", "1.4.2", ManagementChannel.SIMULATED,
                    null, Instant.now());
            String secret = CDI.current().select(RouterCredentials.class).get().issue(router);
            router.persist();
            return new TestHousehold(id, router.id, secret);
        });
    }

    public static TestHousehold household(String subject) {
        return household(subject, MemberRole.OWNER);
    }

    /** A new household for {@code subject}, who is first taken out of any household an earlier test left them in. */
    public static TestHousehold newHousehold(String subject, MemberRole role) {
        QuarkusTransaction.requiringNew().run(() -> HouseholdMember.delete("subject", subject));
        return household(subject, role);
    }

    public static TestHousehold newHousehold(String subject) {
        return newHousehold(subject, MemberRole.OWNER);
    }

    public static Device device(TestHousehold household, String hostname, DeviceType type) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Router router = Router.findById(household.routerId());
            Device device = new Device(router, randomMac(), Instant.now());
            device.hostname = hostname;
            device.type = type;
            device.persist();
            return device;
        });
    }

    public static Alert alert(Device device, String indicator) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Alert alert = newAlert(device, indicator, Instant.now());
            alert.persist();
            return alert;
        });
    }

    /** An open known-bad-destination alert of the device, first and last seen at {@code at}; not yet stored. */
    public static Alert newAlert(Device device, String indicator, Instant at) {
        Alert alert = new Alert();
        alert.id = UUID.randomUUID();
        alert.householdId = device.householdId;
        alert.routerId = device.routerId;
        alert.deviceId = device.id;
        alert.type = "KNOWN_BAD_DESTINATION";
        alert.severity = Severity.HIGH;
        alert.status = AlertStatus.OPEN;
        alert.dedupKey = indicator;
        alert.indicator = indicator;
        alert.evidence = "{}";
        alert.occurrences = 1;
        alert.firstSeen = at;
        alert.lastSeen = at;
        alert.createdAt = at;
        return alert;
    }

    /** A random, locally administered MAC: no vendor registry entry can match it. */
    public static MacAddress randomMac() {
        long bits = UUID.randomUUID().getLeastSignificantBits();
        return MacAddress.of(String.format("02:%02X:%02X:%02X:%02X:%02X", (bits >> 32) & 0xFF, (bits >> 24) & 0xFF,
                (bits >> 16) & 0xFF, (bits >> 8) & 0xFF, bits & 0xFF).replaceFirst("^02", "0E"));
    }

    /** 48 random bits: the benchmarks create hundreds of thousands of households in one database. */
    private static String unique() {
        return Long.toHexString(UUID.randomUUID().getMostSignificantBits() & 0xFFFF_FFFF_FFFFL)
                .toUpperCase(Locale.ROOT);
    }
}
