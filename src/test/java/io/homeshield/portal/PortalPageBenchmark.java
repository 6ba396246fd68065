package io.homeshield.portal;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.homeshield.inventory.Device;
import io.homeshield.inventory.DeviceType;
import io.homeshield.testsupport.Fixtures;
import io.homeshield.testsupport.Fixtures.TestHousehold;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/**
 * Page timing, not a pass/fail test of speed: a household with 60 devices and 10,000 alerts in its
 * history (plus actions, activity and hourly traffic), then the median time to answer the overview
 * and the device list. Run with {@code ./mvnw test -Ppage-benchmark}; figures go to the console and
 * to target/page-benchmark.txt.
 */
@QuarkusTest
@TestSecurity(user = "portal-benchmark-owner", roles = "subscriber")
class PortalPageBenchmark {

    private static final int DEVICES = 60;
    private static final int ALERTS = 10_000;
    private static final int WARM_UP = 20;
    private static final int RUNS = 100;

    @Inject
    EntityManager em;

    @Test
    void overviewAndDeviceList() throws IOException {
        TestHousehold home = Fixtures.household("portal-benchmark-owner");
        List<Device> devices = new ArrayList<>();
        for (int i = 0; i < DEVICES; i++) {
            devices.add(Fixtures.device(home, "bench-device-" + i,
                    DeviceType.values()[i % DeviceType.values().length]));
        }
        fillHistory(home, devices);

        List<String> report = new ArrayList<>();
        report.add(String.format(Locale.ROOT,
                "Household: %d devices, %d alerts (%d open), %d actions, %d audit entries",
                DEVICES, ALERTS, ALERTS / 100, DEVICES * 10, 2_000));
        for (String path : List.of("/portal", "/portal/devices", "/portal/devices/" + devices.get(0).id,
                "/portal/alerts")) {
            report.add(measure(path));
        }
        report.forEach(System.out::println);
        Files.write(Path.of("target", "page-benchmark.txt"), report);
        assertTrue(report.size() > 1);
    }

    /** Server-side time (the Server-Timing header: request in, page rendered) and the client's round trip. */
    private static String measure(String path) {
        for (int i = 0; i < WARM_UP; i++) {
            given().get(path).then().statusCode(200);
        }
        List<Double> server = new ArrayList<>();
        List<Double> roundTrip = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            String timing = given().get(path).then().statusCode(200).extract().header("Server-Timing");
            roundTrip.add((System.nanoTime() - start) / 1e6);
            server.add(Double.parseDouble(timing.substring(timing.indexOf("dur=") + 4)));
        }
        Collections.sort(server);
        Collections.sort(roundTrip);
        return String.format(Locale.ROOT,
                "%-12s server median %6.1f ms, p90 %6.1f ms, min %5.1f ms | round trip median %6.1f ms", label(path),
                server.get(RUNS / 2), server.get(RUNS * 9 / 10), server.get(0), roundTrip.get(RUNS / 2));
    }

    private static String label(String path) {
        return switch (path) {
            case "/portal" -> "overview";
            case "/portal/devices" -> "device list";
            case "/portal/alerts" -> "alert list";
            default -> "device page";
        };
    }

    /** Bulk rows in a few statements: 10,000 alerts (1 % open), actions, audit entries and a week of traffic. */
    private void fillHistory(TestHousehold home, List<Device> devices) {
        QuarkusTransaction.requiringNew().run(() -> {
            Instant now = Instant.now();
            for (int i = 0; i < ALERTS; i++) {
                Device device = devices.get(i % devices.size());
                Instant seen = now.minus(Duration.ofMinutes(i * 7L));
                em.createNativeQuery("""
                        insert into alert (id, household_id, router_id, device_id, type, severity, status, dedup_key,
                            indicator, evidence, occurrences, first_seen, last_seen, created_at)
                        values (?1, ?2, ?3, ?4, 'KNOWN_BAD_DESTINATION', 'HIGH', ?5, ?6, ?6, '{}', 3, ?7, ?7, ?7)
                        """).setParameter(1, UUID.randomUUID()).setParameter(2, home.id().value())
                        .setParameter(3, home.routerId()).setParameter(4, device.id)
                        .setParameter(5, i % 100 == 0 ? "OPEN" : "RESOLVED")
                        .setParameter(6, "bench-" + i + ".example.net").setParameter(7, seen).executeUpdate();
            }
            em.createNativeQuery("""
                    insert into enforcement_action (id, household_id, router_id, device_id, kind, target_mac, state,
                        attempts, next_attempt_at, requested_by, requested_at, updated_at)
                    select gen_random_uuid(), d.household_id, d.router_id, d.id, 'QUARANTINE', d.mac, 'VERIFIED', 1,
                        now(), 'portal-benchmark-owner', now() - (g * interval '1 hour'),
                        now() - (g * interval '1 hour')
                    from device d cross join generate_series(1, 10) g where d.household_id = ?1
                    """).setParameter(1, home.id().value()).executeUpdate();
            em.createNativeQuery("""
                    insert into audit_entry (occurred_at, actor, actor_role, household_id, action, target, outcome,
                        previous_hash, hash)
                    select now() - (g * interval '1 minute'), 'portal-benchmark-owner', 'subscriber', ?1,
                        'device.quarantine', 'bench', 'requested', 'x', 'x'
                    from generate_series(1, 2000) g
                    """).setParameter(1, home.id().value()).executeUpdate();
            em.createNativeQuery("""
                    insert into device_activity (device_id, bucket_start, bytes_out, bytes_in, flows, lookups)
                    select d.id, date_trunc('hour', now()) - (g * interval '1 hour'), 1000 * g, 5000 * g, g, g
                    from device d cross join generate_series(0, 167) g where d.household_id = ?1
                    """).setParameter(1, home.id().value()).executeUpdate();
            em.createNativeQuery("analyze").executeUpdate();
        });
    }
}
