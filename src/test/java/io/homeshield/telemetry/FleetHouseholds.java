package io.homeshield.telemetry;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.inject.spi.CDI;

import org.hibernate.Session;

import io.homeshield.alert.Alert;
import io.homeshield.household.HouseholdId;
import io.homeshield.household.HouseholdKind;
import io.homeshield.inventory.ManagementChannel;
import io.homeshield.inventory.Router;
import io.homeshield.testsupport.Fixtures.TestHousehold;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Registers a fleet of households with a router each (the rows the provisioning API stores),
 * five thousand per statement: a fleet of 100,000 takes seconds, not the quarter of an hour that
 * one entity at a time takes on a busy machine.
 */
final class FleetHouseholds {

    private static final int PER_STATEMENT = 5_000;
    private static final String HOUSEHOLDS = """
            insert into household (id, account_number, display_name, kind, created_at)
            select u.id, u.account, u.name, ?, ?
            from unnest(cast(? as uuid[]), cast(? as varchar[]), cast(? as varchar[]))
                as u (id, account, name)""";
    private static final String ROUTERS = """
            insert into router (id, household_id, serial_number, model, firmware, channel, credential_hash,
                credential_issued_at, created_at)
            select u.id, u.household, u.serial, 'HS-Box 7', '1.4.2', ?, u.hash, ?, ?
            from unnest(cast(? as uuid[]), cast(? as uuid[]), cast(? as varchar[]), cast(? as varchar[]))
                as u (id, household, serial, hash)""";

    private FleetHouseholds() {
    }

    /** {@code count} new households; their account and serial numbers start with {@code run}. */
    static List<TestHousehold> register(int count, String run) {
        RouterCredentials credentials = CDI.current().select(RouterCredentials.class).get();
        List<TestHousehold> out = new ArrayList<>(count);
        while (out.size() < count) {
            int chunk = Math.min(PER_STATEMENT, count - out.size());
            out.addAll(QuarkusTransaction.requiringNew().call(() -> insert(chunk, run, credentials)));
        }
        return out;
    }

    private static List<TestHousehold> insert(int count, String run, RouterCredentials credentials) {
        Instant now = Instant.now();
        UUID[] households = new UUID[count];
        String[] accounts = new String[count];
        String[] names = new String[count];
        UUID[] routers = new UUID[count];
        String[] serials = new String[count];
        String[] hashes = new String[count];
        List<TestHousehold> made = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String unique = run + "-" + UUID.randomUUID().toString().substring(0, 13);
            households[i] = UUID.randomUUID();
            accounts[i] = "F-" + unique;
            names[i] = "Fleet household " + unique;
            Router router = new Router(new HouseholdId(households[i]), "SN-F-" + unique, "HS-Box 7", "1.4.2",
                    ManagementChannel.SIMULATED, null, now);
            String secret = credentials.issue(router);
            routers[i] = router.id;
            serials[i] = router.serialNumber;
            hashes[i] = router.credentialHash;
            made.add(new TestHousehold(new HouseholdId(households[i]), router.id, secret));
        }
        Timestamp at = Timestamp.from(now);
        Alert.getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(HOUSEHOLDS)) {
                insert.setString(1, HouseholdKind.HOME.name());
                insert.setTimestamp(2, at);
                insert.setArray(3, connection.createArrayOf("uuid", households));
                insert.setArray(4, connection.createArrayOf("varchar", accounts));
                insert.setArray(5, connection.createArrayOf("varchar", names));
                insert.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement(ROUTERS)) {
                insert.setString(1, ManagementChannel.SIMULATED.name());
                insert.setTimestamp(2, at);
                insert.setTimestamp(3, at);
                insert.setArray(4, connection.createArrayOf("uuid", routers));
                insert.setArray(5, connection.createArrayOf("uuid", households));
                insert.setArray(6, connection.createArrayOf("varchar", serials));
                insert.setArray(7, connection.createArrayOf("varchar", hashes));
                insert.executeUpdate();
            }
        });
        return made;
    }
}
