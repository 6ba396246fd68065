package io.homeshield.admin;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.UUID;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import io.quarkus.logging.Log;

/**
 * Fills PostgreSQL with generated households, each with one router and one to five devices, through
 * COPY in chunks: a million households (about three million devices) in a few minutes. Values are
 * derived from the household's number, so a benchmark can pick existing ones at random. A database
 * that already holds the households is left as it is.
 */
final class HouseholdGenerator {

    static final String ACCOUNT_PREFIX = "HB-";
    static final String SERIAL_PREFIX = "BX";
    private static final int CHUNK = 50_000;
    private static final long ID_SPACE = 0x5B0000000000L;
    private static final String[] SURNAMES = { "Meyer", "Kaya", "Schmidt", "Novak", "Rossi", "Garcia", "Jansen",
            "Dubois", "Nielsen", "Kowalski", "Silva", "Papadopoulos", "Horvat", "Murphy", "Virtanen", "Yilmaz",
            "Fischer", "Weber", "Wagner", "Becker", "Hoffmann", "Schulz", "Koch", "Richter", "Klein", "Wolf",
            "Neumann", "Schwarz", "Zimmermann", "Braun", "Hofmann", "Hartmann", "Lange", "Werner", "Krause",
            "Lehmann", "Schmitt", "Walter", "Maier", "Roth" };
    private static final String[] MODELS = { "HS-Box 7", "Fritz!Box 7590", "Archer AX55", "Speedport Smart 4" };
    private static final String[] TYPES = { "PHONE", "LAPTOP", "TV", "CAMERA", "THERMOSTAT" };
    private static final String[] CHANNELS = { "SIMULATED", "USP", "GENIEACS", "OPENWRT" };

    private HouseholdGenerator() {
    }

    static String account(int n) {
        return ACCOUNT_PREFIX + String.format("%07d", n);
    }

    static String serial(int n) {
        return SERIAL_PREFIX + String.format("%010d", n);
    }

    static UUID householdId(int n) {
        return id(0, n);
    }

    static int devicesOf(int n) {
        return n % 5 + 1;
    }

    /** The MAC of the household's k-th device: locally administered, unique across the generated fleet. */
    static String mac(int n, int k) {
        long bits = (long) n * 8 + k;
        return String.format("0A:%02X:%02X:%02X:%02X:%02X", (bits >> 32) & 0xFF, (bits >> 24) & 0xFF,
                (bits >> 16) & 0xFF, (bits >> 8) & 0xFF, bits & 0xFF);
    }

    static String name(int n) {
        return SURNAMES[n % SURNAMES.length] + " household " + n;
    }

    static void ensure(DataSource dataSource, int households) throws SQLException, IOException {
        try (Connection connection = dataSource.getConnection()) {
            if (existing(connection) >= households) {
                Log.infof("%d generated households already there", households);
                return;
            }
            clear(connection);
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            long started = System.nanoTime();
            Instant now = Instant.now();
            for (int from = 0; from < households; from += CHUNK) {
                int to = Math.min(households, from + CHUNK);
                copy.copyIn("copy household (id, account_number, display_name, kind, created_at) from stdin",
                        new StringReader(householdRows(from, to, now)));
                copy.copyIn("copy router (id, household_id, serial_number, model, firmware, channel, last_contact_at,"
                        + " created_at) from stdin", new StringReader(routerRows(from, to, now)));
                copy.copyIn("copy device (id, household_id, router_id, mac, ip_address, hostname, device_type,"
                        + " first_seen, last_seen, online) from stdin", new StringReader(deviceRows(from, to, now)));
                if (to % 200_000 == 0) {
                    Log.infof("%d households generated", to);
                }
            }
            try (Statement s = connection.createStatement()) {
                s.execute("analyze household");
                s.execute("analyze router");
                s.execute("analyze device");
            }
            Log.infof("Generated %d households in %d s", households, (System.nanoTime() - started) / 1_000_000_000L);
        }
    }

    private static long existing(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from household where account_number like '"
                        + ACCOUNT_PREFIX + "%'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void clear(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            String generated = "(select id from household where account_number like '" + ACCOUNT_PREFIX + "%')";
            s.execute("delete from device where household_id in " + generated);
            s.execute("delete from router where household_id in " + generated);
            s.execute("delete from household where id in " + generated);
        }
    }

    private static String householdRows(int from, int to, Instant now) {
        StringBuilder rows = new StringBuilder((to - from) * 90);
        for (int n = from; n < to; n++) {
            rows.append(id(0, n)).append('\t').append(account(n)).append('\t').append(name(n)).append('\t')
                    .append(n % 10 == 0 ? "SME" : "HOME").append('\t').append(now).append('\n');
        }
        return rows.toString();
    }

    private static String routerRows(int from, int to, Instant now) {
        StringBuilder rows = new StringBuilder((to - from) * 150);
        for (int n = from; n < to; n++) {
            rows.append(id(1, n)).append('\t').append(id(0, n)).append('\t').append(serial(n)).append('\t')
                    .append(MODELS[n % MODELS.length]).append('\t').append("1.").append(n % 9).append(".2\t")
                    .append(CHANNELS[n % CHANNELS.length]).append('\t').append(now.minusSeconds(n % 86_400))
                    .append('\t').append(now).append('\n');
        }
        return rows.toString();
    }

    private static String deviceRows(int from, int to, Instant now) {
        StringBuilder rows = new StringBuilder((to - from) * 3 * 170);
        for (int n = from; n < to; n++) {
            for (int k = 0; k < devicesOf(n); k++) {
                rows.append(id(2 + k, n)).append('\t').append(id(0, n)).append('\t').append(id(1, n)).append('\t')
                        .append(mac(n, k)).append('\t').append("192.168.1.").append(10 + k).append('\t')
                        .append("device-").append(k).append('\t').append(TYPES[k]).append('\t').append(now)
                        .append('\t').append(now).append('\t').append(k % 2 == 0 ? 't' : 'f').append('\n');
            }
        }
        return rows.toString();
    }

    /** Deterministic ids: the kind of row in the high bits, the household number in the low ones. */
    private static UUID id(int kind, int n) {
        return new UUID(ID_SPACE + kind, n);
    }
}
