package io.homeshield.lifecycle;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Clock;
import java.util.function.IntConsumer;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.homeshield.household.CurrentHousehold;
import io.homeshield.household.HouseholdId;
import io.homeshield.household.HouseholdMember;
import io.homeshield.household.MemberRole;
import io.homeshield.household.NotInHouseholdException;
import io.quarkus.security.ForbiddenException;

/**
 * Writes everything HomeShield holds about a household as one JSON document
 * ({@value ExportSections#FORMAT}, docs/data-lifecycle.md), row by row as the database hands
 * them over in pages, from one read-only snapshot so the sections agree with each other.
 */
@ApplicationScoped
public class HouseholdExport {

    private static final int PAGE = 500;

    private final DataSource db;
    private final ObjectMapper json;
    private final Clock clock;

    HouseholdExport(DataSource db, ObjectMapper json, Clock clock) {
        this.db = db;
        this.json = json;
        this.clock = clock;
    }

    /** The signed-in person's household, if they are its owner: only the contract holder takes all its data. */
    public static HouseholdId ownersHousehold(CurrentHousehold current) {
        HouseholdMember me = current.membership().orElseThrow(NotInHouseholdException::new);
        if (me.role != MemberRole.OWNER) {
            throw new ForbiddenException();
        }
        return new HouseholdId(me.householdId);
    }

    /** The file name a download of the archive is saved under. */
    /** The owner's household archive as a download, streamed while it is read (API and portal alike). */
    public Response downloadFor(CurrentHousehold current) {
        HouseholdId household = ownersHousehold(current);
        StreamingOutput body = out -> write(household, out);
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName() + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    public String fileName() {
        return "homeshield-export-" + java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC)
                + ".json";
    }

    public void write(HouseholdId household, OutputStream out) {
        write(household, out, done -> {
        });
    }

    /** Writes the archive, telling {@code sectionsDone} how many sections are written after each one. */
    void write(HouseholdId household, OutputStream out, IntConsumer sectionsDone) {
        try (Connection c = db.getConnection();
                JsonGenerator g = json.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setAutoCommit(false);
            c.setReadOnly(true);
            try {
                g.writeStartObject();
                g.writeStringField("format", ExportSections.FORMAT);
                g.writeStringField("exported_at", clock.instant().toString());
                int done = 0;
                for (ExportSection section : ExportSections.SECTIONS) {
                    g.writeFieldName(section.name());
                    writeSection(c, section, household, g);
                    sectionsDone.accept(++done);
                }
                g.writeEndObject();
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The household's export could not be read: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeSection(Connection c, ExportSection section, HouseholdId household, JsonGenerator g)
            throws SQLException, IOException {
        try (PreparedStatement query = c.prepareStatement(section.query())) {
            query.setFetchSize(PAGE);
            query.setObject(1, household.value());
            try (ResultSet rows = query.executeQuery()) {
                if (section.single()) {
                    if (rows.next()) {
                        writeRow(rows, section, g);
                    } else {
                        g.writeNull();
                    }
                    return;
                }
                g.writeStartArray();
                while (rows.next()) {
                    writeRow(rows, section, g);
                }
                g.writeEndArray();
            }
        }
    }

    private static void writeRow(ResultSet row, ExportSection section, JsonGenerator g) throws SQLException,
            IOException {
        ResultSetMetaData columns = row.getMetaData();
        g.writeStartObject();
        for (int i = 1; i <= columns.getColumnCount(); i++) {
            String name = columns.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT);
            if (!section.omitted().contains(name)) {
                g.writeFieldName(name);
                ExportValues.write(row.getObject(i), g);
            }
        }
        g.writeEndObject();
    }
}
