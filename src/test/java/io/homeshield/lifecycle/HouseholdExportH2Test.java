package io.homeshield.lifecycle;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.homeshield.household.HouseholdId;

/** The archive on dev mode's embedded H2, whose drivers hand over other value types than PostgreSQL's. */
class HouseholdExportH2Test {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    @Test
    void theArchiveIsWrittenFromH2() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:export;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
                + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        try (Connection c = h2.getConnection(); Statement s = c.createStatement()) {
            s.execute("drop all objects");
        }
        Flyway.configure().dataSource(h2).locations("classpath:db/migration",
                "classpath:db/vendor/h2").load().migrate();
        UUID household = UUID.randomUUID();
        UUID router = UUID.randomUUID();
        try (Connection c = h2.getConnection()) {
            execute(c, "insert into household (id, account_number, display_name, kind, created_at)"
                    + " values (?, 'E-1', 'Export', 'HOME', ?)", household, at(NOW));
            execute(c, "insert into router (id, household_id, serial_number, model, firmware, channel, credential_hash,"
                    + " created_at) values (?, ?, 'SN-E-1', 'HS-Box 7', '1.4.2', 'SIMULATED', 'hash', ?)",
                    router, household, at(NOW));
            execute(c, "insert into device (id, household_id, router_id, mac, hostname, device_type, first_seen,"
                    + " last_seen, online) values (?, ?, ?, '02:00:00:00:00:02', 'annas-phone', 'PHONE', ?, ?, true)",
                    UUID.randomUUID(), household, router, at(NOW), at(NOW));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        new HouseholdExport(h2, new ObjectMapper(), Clock.fixed(NOW, ZoneOffset.UTC)).write(new HouseholdId(household),
                out);

        JsonNode archive = new ObjectMapper().readTree(out.toByteArray());
        assertThat(archive.path("format").asText(), equalTo("homeshield-export/1"));
        assertThat(archive.path("household").path("created_at").asText(), equalTo("2026-12-06T12:00:00Z"));
        assertThat(archive.path("household").path("auto_quarantine").isBoolean(), equalTo(true));
        assertThat(archive.path("devices").get(0).path("hostname").asText(), equalTo("annas-phone"));
        assertThat(archive.path("devices").get(0).path("online").asBoolean(), equalTo(true));
        assertThat(archive.path("routers").get(0).has("credential_hash"), equalTo(false));
        assertThat(archive.path("alerts").isArray() && archive.path("alerts").isEmpty(), equalTo(true));
        assertThat(archive.path("exported_at").asText(), equalTo(NOW.toString()));
    }

    private static void execute(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
