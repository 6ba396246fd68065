package io.homeshield.testsupport;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.inject.spi.CDI;

/**
 * Makes the database refuse one batch of one router, as it refused a roll-up sum past the largest
 * bigint before sums saturated: a trigger on the batch receipt raises PostgreSQL's own
 * "bigint out of range" for that router and sequence only. Close it to let the batch through again.
 */
public final class RefusingDatabase implements AutoCloseable {

    public static final String REASON = "bigint out of range";

    private final String name;

    private RefusingDatabase(String name) {
        this.name = name;
    }

    public static RefusingDatabase refusing(UUID routerId, long sequence) {
        String name = "refuse_" + routerId.toString().replace('-', '_') + "_" + sequence;
        execute("create function " + name + "() returns trigger language plpgsql as $$ begin"
                + " if new.router_id = '" + routerId + "' and new.sequence = " + sequence
                + " then raise exception '" + REASON + "' using errcode = '22003'; end if; return new; end $$");
        execute("create trigger " + name + " before insert on telemetry_receipt for each row execute function "
                + name + "()");
        return new RefusingDatabase(name);
    }

    @Override
    public void close() {
        execute("drop trigger if exists " + name + " on telemetry_receipt");
        execute("drop function if exists " + name + "()");
    }

    private static void execute(String sql) {
        DataSource dataSource = CDI.current().select(DataSource.class).get();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
