package io.homeshield.telemetry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.inject.spi.CDI;

import io.homeshield.household.Household;
import io.homeshield.household.HouseholdKind;
import io.homeshield.inventory.ManagementChannel;
import io.homeshield.inventory.Router;
import io.homeshield.testsupport.Fixtures.TestHousehold;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Registers a fleet of households with a router each, a thousand per transaction (what the provisioning API stores). */
final class FleetHouseholds {

    private static final int PER_TRANSACTION = 1_000;

    private FleetHouseholds() {
    }

    /** {@code count} new households; their account and serial numbers start with {@code run}. */
    static List<TestHousehold> register(int count, String run) {
        RouterCredentials credentials = CDI.current().select(RouterCredentials.class).get();
        List<TestHousehold> out = new ArrayList<>(count);
        while (out.size() < count) {
            int chunk = Math.min(PER_TRANSACTION, count - out.size());
            out.addAll(QuarkusTransaction.requiringNew().call(() -> {
                List<TestHousehold> made = new ArrayList<>(chunk);
                Instant now = Instant.now();
                for (int i = 0; i < chunk; i++) {
                    String unique = run + "-" + UUID.randomUUID().toString().substring(0, 13);
                    Household household = new Household("F-" + unique, "Fleet household " + unique, HouseholdKind.HOME, now);
                    household.persist();
                    Router router = new Router(household.householdId(), "SN-F-" + unique, "HS-Box 7", "1.4.2",
                            ManagementChannel.SIMULATED, null, now);
                    String secret = credentials.issue(router);
                    router.persist();
                    made.add(new TestHousehold(household.householdId(), router.id, secret));
                }
                return made;
            }));
        }
        return out;
    }
}
