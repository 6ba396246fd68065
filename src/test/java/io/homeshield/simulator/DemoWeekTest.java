package io.homeshield.simulator;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.homeshield.alert.Alert;
import io.homeshield.alert.AlertStatus;
import io.homeshield.alert.AlertType;
import io.homeshield.audit.AuditEntry;
import io.homeshield.enforcement.ActionKind;
import io.homeshield.enforcement.DeviceQuarantine;
import io.homeshield.enforcement.EnforcementAction;
import io.homeshield.household.HouseholdKind;
import io.homeshield.intel.ThreatIntel;
import io.homeshield.inventory.Device;
import io.homeshield.net.DomainName;
import io.homeshield.simulator.DemoHousehold.DemoRouter;
import io.homeshield.simulator.DemoHousehold.Owner;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class DemoWeekTest {

    @Inject
    DemoSeeder seeder;

    @Inject
    DemoWeek week;

    @Inject
    EntityManager em;

    /** The Meyers' network under an account of this test's own. */
    private static DemoHousehold meyers() {
        String unique = UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        DemoHousehold meyer = DemoCatalogue.households().get(0);
        return new DemoHousehold("WEEK-" + unique, "Week " + unique, HouseholdKind.HOME,
                Optional.of(new Owner("week-" + unique, "Week Owner")),
                new DemoRouter("WEEK-SN-" + unique, meyer.router().model(), meyer.router().firmware()),
                        meyer.devices());
    }

    @Test
    void eachDemoDeviceHasSevenDaysOfHourlyTrafficUpToTheCurrentHour() {
        DemoHousehold home = meyers();
        SeededRouter router = seeder.seed(List.of(home)).get(0);
        Instant currentHour = Instant.now().truncatedTo(ChronoUnit.HOURS);

        DemoWeek.Filled filled = week.backfill(router);

        assertEquals(7 * 24, filled.hours());
        QuarkusTransaction.requiringNew().run(() -> {
            List<Device> devices = Device.list("routerId", router.routerId());
            assertEquals(home.devices().size(), devices.size());
            Map<UUID, Long> hoursPerDevice = hoursPerDevice(router.routerId());
            for (Device device : devices) {
                assertEquals(currentHour.minus(DemoWeek.WEEK), device.firstSeen, "known since the week's start");
                long expected = device.mac.equals(DemoCatalogue.MEYER_LAPTOP_INCIDENT.device().value())
                        ? 7 * 24 - DemoCatalogue.MEYER_LAPTOP_INCIDENT.quarantinedFor().toHours()
                        : 7 * 24;
                assertEquals(expected, hoursPerDevice.getOrDefault(device.id, 0L),
                        device.hostname + ": every hour of the week except while isolated");
            }
            Object[] span = (Object[]) em.createNativeQuery("""
                    select count(distinct a.bucket_start), min(a.bucket_start), max(a.bucket_start)
                    from device_activity a join device d on d.id = a.device_id where d.router_id = ?1""")
                    .setParameter(1, router.routerId()).getSingleResult();
            assertEquals(7L * 24, ((Number) span[0]).longValue(), "no hour without traffic: no gap");
            long destinations = ((Number) em.createNativeQuery("""
                    select count(*) from device_destination t join device d on d.id = t.device_id
                    where d.router_id = ?1""").setParameter(1, router.routerId()).getSingleResult()).longValue();
            assertTrue(destinations > 7 * home.devices().size(), "daily destinations for every device");
        });
    }

    @Test
    void theWeekTellsOfAResolvedAlertAndAQuarantineThatRanOut() {
        DemoHousehold home = meyers();
        SeededRouter router = seeder.seed(List.of(home)).get(0);
        PastIncident incident = DemoCatalogue.MEYER_LAPTOP_INCIDENT;
        assertTrue(ThreatIntel.bundled().match(DomainName.of(incident.host())).isPresent(),
                "the host is one the bundled feed lists");

        assertTrue(week.backfill(router).incident());

        QuarkusTransaction.requiringNew().run(() -> {
            Device laptop = Device.find("routerId = ?1 and mac = ?2", router.routerId(), incident.device().value())
                    .firstResult();
            Alert alert = Alert.find("deviceId", laptop.id).firstResult();
            assertEquals(AlertType.KNOWN_BAD_DESTINATION.name(), alert.type);
            assertEquals(AlertStatus.RESOLVED, alert.status);
            assertTrue(alert.createdAt.isBefore(Instant.now().minus(Duration.ofDays(4))), "raised days ago");
            assertTrue(alert.statusChangedAt.isAfter(alert.createdAt.plus(incident.quarantinedFor())),
                    "resolved after the quarantine ran out");
            assertEquals(home.owner().orElseThrow().subject(), alert.statusChangedBy);
        });
        // the quarantine's time is up: the expiry job lifts it through the release path
        await().atMost(Duration.ofSeconds(60)).until(() -> QuarkusTransaction.requiringNew().call(
                () -> EnforcementAction.count("routerId = ?1 and kind = ?2", router.routerId(),
                        ActionKind.RELEASE) == 1));
        QuarkusTransaction.requiringNew().run(() -> {
            assertEquals(0, DeviceQuarantine.count("routerId", router.routerId()));
            List<String> activity = AuditEntry.<AuditEntry>list("householdId = ?1 order by id",
                    Device.<Device>find("routerId", router.routerId()).firstResult().householdId).stream()
                    .map(e -> e.action + "/" + e.actorRole).toList();
            assertTrue(activity.containsAll(List.of("device.quarantine/subscriber", "alert.resolved/subscriber",
                    "device.release/system")), "the household's activity: " + activity);
        });
    }

    @Test
    void aRestartAddsNoSecondWeekNorASecondIncident() {
        SeededRouter router = seeder.seed(List.of(meyers())).get(0);
        week.backfill(router);
        Map<UUID, Long> before = QuarkusTransaction.requiringNew().call(() -> hoursPerDevice(router.routerId()));
        long bytesBefore = QuarkusTransaction.requiringNew().call(() -> bytes(router.routerId()));

        SeededRouter restarted = seeder.seed(List.of(router.household())).get(0);
        DemoWeek.Filled again = week.backfill(restarted);

        assertFalse(again.incident());
        QuarkusTransaction.requiringNew().run(() -> {
            assertEquals(before, hoursPerDevice(router.routerId()));
            assertEquals(1, Alert.count("routerId", router.routerId()));
            assertEquals(1, EnforcementAction.count("routerId = ?1 and kind = ?2", router.routerId(),
                    ActionKind.QUARANTINE));
        });
        // within the same hour nothing is added; a later start fills only the hours since
        if (again.hours() == 0) {
            assertEquals(bytesBefore, QuarkusTransaction.requiringNew().call(() -> bytes(router.routerId())));
        }
    }

    @Test
    void anHourHoldsTheSameTrafficHoweverOftenItIsWorkedOut() {
        PastTraffic once = new PastTraffic(7, Duration.ofSeconds(5));
        PastTraffic twice = new PastTraffic(7, Duration.ofSeconds(5));
        DemoDevice tv = DemoCatalogue.households().get(0).devices().get(4);
        UUID id = UUID.randomUUID();
        Instant evening = Instant.parse("2026-12-01T19:00:00Z");
        Instant night = Instant.parse("2026-12-01T02:00:00Z");

        once.hour(id, tv, evening);
        twice.hour(id, tv, night);
        twice.hour(id, tv, evening);

        assertEquals(once.activity().get(0), twice.activity().stream().filter(a -> a.hour().equals(evening))
                .findFirst().orElseThrow());
        long eveningBytes = once.activity().get(0).bytesIn();
        long nightBytes = twice.activity().stream().filter(a -> a.hour().equals(night)).mapToLong(a -> a.bytesIn())
                .sum();
        assertTrue(nightBytes < eveningBytes / 3, "people watch TV in the evening, not at 3 in the morning");
    }

    private Map<UUID, Long> hoursPerDevice(UUID routerId) {
        List<Object[]> rows = em.createNativeQuery("""
                select a.device_id, count(*) from device_activity a join device d on d.id = a.device_id
                where d.router_id = ?1 group by a.device_id""", Object[].class).setParameter(1, routerId)
                .getResultList();
        return rows.stream().collect(Collectors.toMap(r -> (UUID) r[0], r -> ((Number) r[1]).longValue()));
    }

    private long bytes(UUID routerId) {
        return ((Number) em.createNativeQuery("""
                select coalesce(sum(a.bytes_in + a.bytes_out), 0) from device_activity a
                join device d on d.id = a.device_id where d.router_id = ?1""").setParameter(1, routerId)
                .getSingleResult()).longValue();
    }
}
