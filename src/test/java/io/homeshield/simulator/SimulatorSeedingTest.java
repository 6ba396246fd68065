package io.homeshield.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.homeshield.household.Household;
import io.homeshield.household.HouseholdKind;
import io.homeshield.household.HouseholdMember;
import io.homeshield.household.MemberRole;
import io.homeshield.inventory.ManagementChannel;
import io.homeshield.inventory.Router;
import io.homeshield.simulator.DemoHousehold.DemoRouter;
import io.homeshield.simulator.DemoHousehold.Owner;
import io.homeshield.telemetry.RouterCredentials;
import io.homeshield.telemetry.TelemetryReceipt;
import io.homeshield.wire.TelemetryBatch;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SimulatorSeedingTest {

    @Inject
    DemoSeeder seeder;

    @Inject
    RouterCredentials credentials;

    @Inject
    Simulator simulator;

    @Inject
    IngestClient ingest;

    @Inject
    ObjectMapper json;

    /** A demo household of this test's own, so the test never meets another test's data. */
    private static DemoHousehold household(String tag) {
        String unique = UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        return new DemoHousehold("SIM-" + unique, "Simulated " + tag, HouseholdKind.HOME,
                Optional.of(new Owner("sim-" + tag + "-" + unique, "Sim " + tag)),
                new DemoRouter("SIM-SN-" + unique, "Sagemcom F@st 5690 Pro", "SG8X10001732"),
                DemoCatalogue.households().get(0).devices());
    }

    private static DemoHousehold business(String tag) {
        DemoHousehold home = household(tag);
        return new DemoHousehold(home.accountNumber(), "Simulated shop " + tag, HouseholdKind.SME, Optional.empty(),
                home.router(), home.devices());
    }

    @Test
    void seedingTwiceCreatesEachHouseholdOwnerAndRouterOnce() {
        DemoHousehold home = household("twice");
        DemoHousehold shop = business("twice");

        List<SeededRouter> first = seeder.seed(List.of(home, shop));
        List<SeededRouter> second = seeder.seed(List.of(home, shop));

        QuarkusTransaction.requiringNew().run(() -> {
            for (DemoHousehold h : List.of(home, shop)) {
                assertEquals(1, Household.count("accountNumber", h.accountNumber()));
                assertEquals(1, Router.count("serialNumber", h.router().serialNumber()));
            }
            Household household = Household.findByAccountNumber(home.accountNumber());
            assertEquals("Simulated twice", household.displayName);
            HouseholdMember owner = HouseholdMember.findBySubject(home.owner().orElseThrow().subject());
            assertEquals(household.id, owner.householdId);
            assertEquals(MemberRole.OWNER, owner.role);
            assertEquals(1, HouseholdMember.count("householdId", household.id));

            Household sme = Household.findByAccountNumber(shop.accountNumber());
            assertEquals(HouseholdKind.SME, sme.kind);
            assertEquals(0, HouseholdMember.count("householdId", sme.id), "a business without a portal user");

            Router router = Router.find("serialNumber", home.router().serialNumber()).firstResult();
            assertEquals(ManagementChannel.SIMULATED, router.channel);
            assertEquals(household.id, router.householdId);
            assertEquals(first.get(0).routerId(), router.id);
            assertEquals(second.get(0).routerId(), router.id);
        });
    }

    @Test
    void eachStartIssuesAFreshSecretAndOnlyTheLatestIsAccepted() {
        DemoHousehold home = household("secret");

        SeededRouter first = seeder.seed(List.of(home)).get(0);
        SeededRouter second = seeder.seed(List.of(home)).get(0);

        assertNotEquals(first.secret(), second.secret());
        QuarkusTransaction.requiringNew().run(() -> {
            Router router = Router.findById(second.routerId());
            assertTrue(credentials.matches(router, second.secret()));
            assertFalse(credentials.matches(router, first.secret()));
        });
    }

    @Test
    void aRestartCarriesOnAfterTheLastBatchTheIngestAccepted() {
        DemoHousehold home = household("resume");
        SeededRouter fresh = seeder.seed(List.of(home)).get(0);
        assertEquals(1, fresh.nextSequence());

        QuarkusTransaction.requiringNew().run(() -> {
            for (long sequence : new long[] { 1, 2, 7 }) {
                TelemetryReceipt receipt = new TelemetryReceipt();
                receipt.routerId = fresh.routerId();
                receipt.sequence = sequence;
                receipt.eventCount = 3;
                receipt.receivedAt = Instant.now();
                receipt.sentDay = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
                receipt.persist();
            }
        });

        assertEquals(8, seeder.seed(List.of(home)).get(0).nextSequence());
    }

    @Test
    void theSimulatorDoesNotRunInTests() {
        assertFalse(simulator.running());
    }

    @Test
    void theJsonPostedReadsBackIntoATelemetryBatchWithTheApplicationsMapper() throws Exception {
        SeededRouter router = seeder.seed(List.of(household("json"))).get(0);
        ScenarioGenerator generator = new ScenarioGenerator(new Random(3), Clock.systemUTC(), Duration.ofSeconds(5),
                (r, m) -> false);
        generator.add(router.routerId(), router.household().devices(), router.nextSequence());
        TelemetryBatch batch = generator.next(router.routerId());

        TelemetryBatch read = json.readValue(ingest.encode(batch), TelemetryBatch.class);

        assertEquals(batch, read);
        assertEquals(router.routerId(), read.routerId());
    }
}
